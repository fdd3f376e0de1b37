import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import Link from 'next/link'
import { ClientList } from '@/components/clients/client-list'
import { ListSearch, Pagination, RestartedNotice } from '@/components/ui/list-search'
import { PageHeader, buttonLinkClass } from '@/components/ui/page-header'
import { listClients } from '@/lib/clients/queries'
import { clientListInput } from '@/lib/clients/schemas'
import { firstPageIfInvalid } from '@/lib/lists/first-page'
import { parseInput } from '@/lib/validation'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Clients' }

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor()
  const params = await searchParams
  const { result: { page, restarted }, recording } = await withRecording(() =>
    firstPageIfInvalid(
      () => listClients(actor, parseInput(clientListInput, params, 'list query')),
      () => listClients(actor, { q: params.q }),
      () => listClients(actor, {}),
    ),
  )
  return (
    <>
      <PageHeader title="Clients" description="Every client with its projects and the people staffed on them." actions={can(actor, 'manage') && <Link href="/clients/new" className={buttonLinkClass}>New client</Link>} />
      <ListSearch
        label="Search clients"
        filters={[{ name: 'status', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'archived', label: 'Archived' }] }]}
      />
      <RestartedNotice restarted={restarted} />
      <ClientList clients={page.items} searching={Boolean(params.q || params.status)} />
      <Pagination nextCursor={page.nextCursor} isFirstPage={!params.cursor} params={params} />
      <UnderTheHood recording={recording} />
    </>
  )
}
