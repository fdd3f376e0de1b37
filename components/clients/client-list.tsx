import Link from 'next/link'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import { StatusBadge } from '@/components/ui/badge'
import type { ClientSummary } from '@/lib/dto'
import { ListTable } from '@/components/ui/table'

export function ClientList({ clients, searching }: { clients: ClientSummary[]; searching: boolean }) {
  if (clients.length === 0) {
    return (
      <EmptyState title={searching ? 'No clients match' : 'No clients yet'}>
        {searching ? 'Try another name or status.' : <Link href="/clients/new" className={linkClass}>Add the first client</Link>}
      </EmptyState>
    )
  }
  return (
    <ListTable caption="Clients" columns={[{ label: 'Client' }, { label: 'Industry' }, { label: 'Status' }, { label: 'Projects', align: 'right' }, { label: 'People staffed', align: 'right' }]}>
      {clients.map((client) => (
        <tr key={client.id}>
          <td className="px-4 py-2">
            <Link href={`/clients/${client.id}`} className={linkClass}>{client.name}</Link>
          </td>
          <td className="px-4 py-2 text-slate-700">{client.industry}</td>
          <td className="px-4 py-2"><StatusBadge status={client.status} /></td>
          <td className="px-4 py-2 text-right tabular-nums">{client.projectCount}</td>
          <td className="px-4 py-2 text-right tabular-nums">{client.staffedCount}</td>
        </tr>
      ))}
    </ListTable>
  )
}
