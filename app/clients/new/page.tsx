import type { Metadata } from 'next'
import { requireManager } from '@/lib/auth/session'
import Link from 'next/link'
import { createClientAction } from '@/lib/actions/clients'
import { ClientForm } from '@/components/clients/client-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'

export const metadata: Metadata = { title: 'New client' }

export default async function NewClientPage() {
  await requireManager()
  return (
    <>
      <PageHeader title="New client" eyebrow={<Link href="/clients" className={linkClass}>Clients</Link>} />
      <ClientForm action={createClientAction} submitLabel="Create client" />
      <UnderTheHood recording={{ accessPattern: 'New client form (no data read)', requests: [] }} />
    </>
  )
}
