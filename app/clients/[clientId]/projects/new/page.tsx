import type { Metadata } from 'next'
import { requireManager } from '@/lib/auth/session'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { createProjectAction } from '@/lib/actions/projects'
import { ProjectForm } from '@/components/projects/project-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { getClient } from '@/lib/clients/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'New project' }

export default async function NewProjectPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireManager()
  const { clientId } = await params
  const { result: client, recording } = await withRecording(() => getClient(actor, { clientId }))
  if (!client) notFound()
  return (
    <>
      <PageHeader title="New project" eyebrow={<Link href={`/clients/${client.id}`} className={linkClass}>{client.name}</Link>} />
      <ProjectForm action={createProjectAction} clientId={client.id} submitLabel="Create project" />
      <UnderTheHood recording={recording} />
    </>
  )
}
