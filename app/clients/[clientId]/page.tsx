import { notFound } from 'next/navigation'
import { getClientDashboard } from '@/lib/clients/queries'

export default async function ClientDashboardPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  const dashboard = await getClientDashboard({ clientId })
  if (!dashboard) notFound()
  return (
    <section>
      <h1 className="text-2xl font-semibold">{dashboard.client.name}</h1>
      <p className="text-slate-600">{dashboard.client.industry}</p>
    </section>
  )
}
