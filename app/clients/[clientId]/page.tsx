import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ClientFiguresPanel, ProjectList } from '@/components/clients/client-dashboard'
import { DeleteClientDialog } from '@/components/clients/delete-client-dialog'
import { StatusBadge } from '@/components/ui/badge'
import { PageHeader, buttonLinkClass, linkClass, secondaryLinkClass } from '@/components/ui/page-header'
import { clientFigures } from '@/lib/clients/figures'
import { getClientDashboard } from '@/lib/clients/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { ClientMoneyPanel } from '@/components/clients/client-money'

type Props = { params: Promise<{ clientId: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Client ${(await params).clientId}` }
}

export default async function ClientDashboardPage({ params }: Props) {
  const actor = await requireActor()
  const { clientId } = await params
  const { result: dashboard, recording } = await withRecording(() => getClientDashboard(actor, { clientId }))
  if (!dashboard) notFound()
  const { client, projects } = dashboard
  const figures = clientFigures(projects, dashboard.today)
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/clients" className={linkClass}>Clients</Link>}
        title={client.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={client.status} /> {client.industry} · <a href={`mailto:${client.contactEmail}`} className={linkClass}>{client.contactEmail}</a>
          </span>
        }
        actions={
          can(actor, 'manage') && (
          <>
            <Link href={`/clients/${client.id}/projects/new`} className={buttonLinkClass}>Add project</Link>
            <Link href={`/clients/${client.id}/edit`} className={secondaryLinkClass}>Edit client</Link>
            <DeleteClientDialog clientId={client.id} clientName={client.name} projects={projects.length} assignments={figures.assignments} stackEntries={figures.stackEntries} />
          </>
          )
        }
      />
      <ClientFiguresPanel figures={figures} projectCount={projects.length} />
      {dashboard.money ? <ClientMoneyPanel clientId={client.id} money={dashboard.money} /> : null}
      <h2 className="mb-3 text-xl font-semibold">Projects</h2>
      <ProjectList projects={projects} clientId={client.id} canManage={can(actor, 'manage')} today={dashboard.today} />
      <UnderTheHood recording={recording} />
    </>
  )
}
