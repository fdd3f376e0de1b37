import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import Link from 'next/link'
import { EmptyState, PageHeader, linkClass } from '@/components/ui/page-header'
import { formatDate } from '@/lib/format'
import { getFirmOverview, type OverviewWeek } from '@/lib/overview/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Overview' }

export default async function HomePage() {
  const actor = await requireActor()
  const { result: overview, recording } = await withRecording(() => getFirmOverview(actor))
  const [thisWeek, nextWeek] = overview.weeks
  const figures = [
    { label: 'People', value: overview.counts.employees, href: '/employees' },
    { label: 'Clients with projects', value: overview.counts.clients, href: '/clients' },
    { label: 'Projects', value: overview.counts.projects, detail: `${overview.counts.activeProjects} active` },
    { label: 'On the bench this week', value: thisWeek.benchCount, href: benchHref(thisWeek) },
  ]
  return (
    <>
      <PageHeader title="The firm at a glance" description="Who is free, who is over-booked, and what starts soon." />
      {!overview.upToDate ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          These figures are being brought up to this week; they may lag for a minute.
        </p>
      ) : null}
      <dl className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-600">{figure.href ? <Link href={figure.href} className={linkClass}>{figure.label}</Link> : figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{figure.value}</dd>
            {figure.detail ? <dd className="text-xs text-slate-600">{figure.detail}</dd> : null}
          </div>
        ))}
      </dl>
      <WeekLists week={thisWeek} label="this week" />
      <section aria-labelledby="starting-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
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
      <h2 className="mt-8 mb-3 text-lg font-semibold">Next week, from {formatDate(nextWeek.weekStart)}</h2>
      <WeekLists week={nextWeek} label="next week" />
      <UnderTheHood recording={recording} />
    </>
  )
}

/** The planner, filtered to the people free all that week: the full list behind the first few. */
function benchHref(week: OverviewWeek): string {
  return `/planner?freeAtLeast=100&freeFrom=${week.weekStart}&freeWeeks=1&from=${week.weekStart}`
}

function WeekLists({ week, label }: { week: OverviewWeek; label: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <PeopleList
        title={`Over-allocated ${label}`}
        count={week.overAllocatedCount}
        empty="Nobody is above 100%."
        people={week.overAllocated.map((p) => ({ id: p.id, name: p.name, detail: `${p.allocation}%` }))}
        all={{ href: `/planner?sort=availability&from=${week.weekStart}`, label: 'Open the planner for that week' }}
      />
      <PeopleList
        title={`On the bench ${label}`}
        count={week.benchCount}
        empty="Everyone is staffed."
        people={week.bench.map((p) => ({ id: p.id, name: p.name, detail: [p.practice, freeSpan(p.freeFrom, p.freeUntil)].filter(Boolean).join(' · ') }))}
        all={{ href: benchHref(week), label: `See all ${week.benchCount} in the planner` }}
      />
    </div>
  )
}

function freeSpan(from: string | null, until: string | null): string {
  if (until) return `free until ${formatDate(until)}`
  if (from) return `free since ${formatDate(from)}`
  return 'free'
}

function PeopleList({ title, count, empty, people, all }: { title: string; count: number; empty: string; people: { id: string; name: string; detail: string }[]; all: { href: string; label: string } }) {
  const id = title.toLowerCase().replace(/\W+/g, '-')
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title} ({count})
      </h2>
      {people.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 text-sm">
            {people.map((person) => (
              <li key={person.id} className="flex items-baseline justify-between gap-3 py-1.5">
                <Link href={`/employees/${person.id}`} className={linkClass}>{person.name}</Link>
                <span className="shrink-0 text-right text-slate-600">{person.detail}</span>
              </li>
            ))}
          </ul>
          {count > people.length ? (
            <p className="mt-2 text-sm">
              The first {people.length} of {count}. <Link href={all.href} className={linkClass}>{all.label}</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}
