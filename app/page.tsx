import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import Link from 'next/link'
import { EmptyState, PageHeader, linkClass } from '@/components/ui/page-header'
import { formatDate } from '@/lib/format'
import { getFirmOverview } from '@/lib/overview/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Overview' }

export default async function HomePage() {
  const actor = await requireActor()
  const { result: overview, recording } = await withRecording(() => getFirmOverview(actor))
  const figures = [
    { label: 'People', value: overview.counts.employees, href: '/employees' },
    { label: 'Clients with projects', value: overview.counts.clients, href: '/clients' },
    { label: 'Projects', value: overview.counts.projects, detail: `${overview.counts.activeProjects} active` },
    { label: 'On the bench today', value: overview.bench.length },
  ]
  return (
    <>
      <PageHeader title="The firm at a glance" description="Who is free, who is over-booked, and what starts soon." />
      <dl className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-600">{figure.href ? <Link href={figure.href} className={linkClass}>{figure.label}</Link> : figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{figure.value}</dd>
            {figure.detail ? <dd className="text-xs text-slate-600">{figure.detail}</dd> : null}
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-3">
        <PeopleList title="Over-allocated today" empty="Nobody is above 100%." people={overview.overAllocated.map((p) => ({ id: p.id, name: p.name, detail: `${p.allocation}%` }))} />
        <PeopleList title="On the bench today" empty="Everyone is staffed." people={overview.bench.map((p) => ({ id: p.id, name: p.name, detail: p.practice }))} />
        <section aria-labelledby="starting-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="starting-heading" className="mb-2 text-lg font-semibold">Starting in the next 30 days</h2>
          {overview.startingSoon.length === 0 ? (
            <EmptyState title="Nothing starts in the next 30 days" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {overview.startingSoon.map((project) => (
                <li key={project.id} className="py-1.5">
                  <Link href={`/clients/${project.clientId}/projects/${project.id}`} className={linkClass}>{project.name}</Link>
                  <span className="text-slate-600"> · {project.clientName} · {formatDate(project.startDate)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <UnderTheHood recording={recording} />
    </>
  )
}

/** Long lists show this many, and the rest behind "Show N more" (no scroll box cutting a row in half). */
const SHOWN_FIRST = 12

function PeopleRows({ people }: { people: { id: string; name: string; detail: string }[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {people.map((person) => (
        <li key={person.id} className="flex items-baseline justify-between gap-3 py-1.5">
          <Link href={`/employees/${person.id}`} className={linkClass}>{person.name}</Link>
          <span className="shrink-0 text-slate-600">{person.detail}</span>
        </li>
      ))}
    </ul>
  )
}

function PeopleList({ title, empty, people }: { title: string; empty: string; people: { id: string; name: string; detail: string }[] }) {
  const id = title.toLowerCase().replace(/\W+/g, '-')
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">{title} ({people.length})</h2>
      {people.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <PeopleRows people={people.slice(0, SHOWN_FIRST)} />
          {people.length > SHOWN_FIRST ? (
            <details className="mt-1">
              <summary className="cursor-pointer py-1.5 text-sm font-medium text-indigo-700">Show {people.length - SHOWN_FIRST} more</summary>
              <PeopleRows people={people.slice(SHOWN_FIRST)} />
            </details>
          ) : null}
        </>
      )}
    </section>
  )
}
