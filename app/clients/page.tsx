import type { Metadata } from 'next'
import Link from 'next/link'
import { listClients } from '@/lib/clients/queries'

export const metadata: Metadata = { title: 'Clients' }

export default async function ClientsPage() {
  const { items } = await listClients({ limit: 100 })
  return (
    <section aria-labelledby="clients-heading">
      <h1 id="clients-heading" className="text-2xl font-semibold">Clients</h1>
      {items.length === 0 ? (
        <p className="mt-4 text-slate-600">No clients yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((client) => (
            <li key={client.id} className="px-4 py-3">
              <Link href={`/clients/${client.id}`} className="font-medium text-indigo-700 hover:underline">
                {client.name}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{client.industry}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
