import Link from 'next/link'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import { StatusBadge } from '@/components/ui/badge'
import type { ClientSummary } from '@/lib/dto'

export function ClientList({ clients, searching }: { clients: ClientSummary[]; searching: boolean }) {
  if (clients.length === 0) {
    return (
      <EmptyState title={searching ? 'No clients match' : 'No clients yet'}>
        {searching ? 'Try another name or status.' : <Link href="/clients/new" className={linkClass}>Add the first client</Link>}
      </EmptyState>
    )
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Clients</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Client</th>
            <th scope="col" className="px-4 py-2 font-medium">Industry</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Projects</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">People staffed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  )
}
