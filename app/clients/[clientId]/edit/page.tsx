import type { Metadata } from 'next'
import { requireManager } from '@/lib/auth/session'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { updateClientAction } from '@/lib/actions/clients'
import { ClientForm } from '@/components/clients/client-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { getClient } from '@/lib/clients/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Edit client' }

export default async function EditClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireManager()
  const { clientId } = await params
  const { result: client, recording } = await withRecording(() => getClient(actor, { clientId }))
  if (!client) notFound()
  return (
    <>
      <PageHeader title={`Edit ${client.name}`} eyebrow={<Link href={`/clients/${client.id}`} className={linkClass}>{client.name}</Link>} />
      <ClientForm action={updateClientAction} client={client} submitLabel="Save client" />
      <UnderTheHood recording={recording} />
    </>
  )
}
