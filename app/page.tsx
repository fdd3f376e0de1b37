import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { requireActor } from '@/lib/auth/session'
import Link from 'next/link'
import { EmptyState, PageHeader, linkClass } from '@/components/ui/page-header'
import { formatDate } from '@/lib/format'
import { getFirmOverview, type BenchPerson, type OverviewChanges, type OverviewWeek } from '@/lib/overview/queries'
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
      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-600">{figure.href ? <Link href={figure.href} className={linkClass}>{figure.label}</Link> : figure.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{figure.value}</dd>
            {figure.detail ? <dd className="text-xs text-slate-600">{figure.detail}</dd> : null}
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card id="bench-this-week" title={`On the bench this week (${thisWeek.benchCount})`} className="lg:col-span-2">
          <p className="mb-2 text-xs text-slate-600">Most free first, then free for the most weeks ahead.</p>
          {thisWeek.bench.length === 0 ? (
            <p className="text-sm text-slate-600">Everyone is staffed.</p>
          ) : (
            <BenchList people={thisWeek.bench} detail={benchDetail} />
          )}
          {thisWeek.benchCount > thisWeek.bench.length ? (
            <p className="mt-2 text-sm">
              The first {thisWeek.bench.length} of {thisWeek.benchCount}. <Link href={benchHref(thisWeek)} className={linkClass}>See all {thisWeek.benchCount} in the planner</Link>
            </p>
          ) : null}
        </Card>
        <div className="space-y-6">
          <Card id="over-this-week" title={`Over-allocated this week (${thisWeek.overAllocatedCount})`}>
            {thisWeek.overAllocated.length === 0 ? (
              <p className="text-sm text-slate-600">Nobody is above 100%.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {thisWeek.overAllocated.map((person) => (
                  <Row key={person.id} id={person.id} name={person.name} detail={<span className="font-medium text-red-800">{person.allocation}%</span>} />
                ))}
              </ul>
            )}
            {thisWeek.overAllocatedCount > thisWeek.overAllocated.length ? (
              <p className="mt-2 text-sm">
                The {thisWeek.overAllocated.length} most over of {thisWeek.overAllocatedCount}. <Link href={`/planner?sort=availability&from=${thisWeek.weekStart}`} className={linkClass}>Open the planner</Link>
              </p>
            ) : null}
          </Card>
          <Card id="starting-heading" title="Starting in the next 30 days">
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
          </Card>
        </div>
      </div>
      <NextWeek thisWeek={thisWeek} nextWeek={nextWeek} changes={overview.nextWeekChanges} />
      <UnderTheHood recording={recording} />
    </>
  )
}

/** The planner, filtered to the people free all that week: the full list behind the first few. */
function benchHref(week: OverviewWeek): string {
  return `/planner?freeAtLeast=100&freeFrom=${week.weekStart}&freeWeeks=1&from=${week.weekStart}`
}

/** "free 100% · for 6 weeks": how free this week, and for how long from it. */
function benchDetail(person: BenchPerson) {
  const span =
    person.freeWeeks === null
      ? 'no booking ahead'
      : person.freeWeeks === 0
        ? 'this week only'
        : `for ${person.freeWeeks} ${person.freeWeeks === 1 ? 'week' : 'weeks'}`
  return (
    <>
      free {person.freePercent}% · {span}
      {person.freeUntil ? <span className="text-xs text-slate-600"> (until {formatDate(person.freeUntil)})</span> : null}
    </>
  )
}

function NextWeek({ thisWeek, nextWeek, changes }: { thisWeek: OverviewWeek; nextWeek: OverviewWeek; changes: OverviewChanges }) {
  const none = [changes.joiningBench, changes.leavingBench, changes.becomingOverAllocated, changes.leavingOverAllocated].every((list) => list.length === 0)
  return (
    <section aria-labelledby="next-week-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="next-week-heading" className="text-lg font-semibold">Next week, from {formatDate(nextWeek.weekStart)}: what changes</h2>
      <p className="mb-3 text-sm text-slate-700">
        On the bench {thisWeek.benchCount} → {nextWeek.benchCount} · Over-allocated {thisWeek.overAllocatedCount} → {nextWeek.overAllocatedCount}
      </p>
      {none && changes.complete ? (
        <p className="text-sm text-slate-600">Nobody joins or leaves the bench or over-allocation.</p>
      ) : (
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
          <Change id="joining-bench" title="Joining the bench" empty="Nobody.">
            {changes.joiningBench.length ? <BenchList people={changes.joiningBench} detail={benchDetail} stacked /> : null}
          </Change>
          <Change id="leaving-bench" title="Leaving the bench" empty="Nobody.">
            {changes.leavingBench.length ? (
              <BenchList people={changes.leavingBench} detail={(person) => leavingDetail(person, nextWeek.weekStart)} stacked />
            ) : null}
          </Change>
          <Change id="becoming-over" title="Becoming over-allocated" empty="Nobody.">
            {changes.becomingOverAllocated.length ? (
              <ul className="divide-y divide-slate-100 text-sm">
                {changes.becomingOverAllocated.map((person) => (
                  <Row key={person.id} id={person.id} name={person.name} detail={<span className="font-medium text-red-800">{person.allocation}%</span>} />
                ))}
              </ul>
            ) : null}
          </Change>
          <Change id="leaving-over" title="No longer over-allocated" empty="Nobody.">
            {changes.leavingOverAllocated.length ? (
              <ul className="divide-y divide-slate-100 text-sm">
                {changes.leavingOverAllocated.map((person) => (
                  <Row key={person.id} id={person.id} name={person.name} detail={`${person.allocation}% this week`} />
                ))}
              </ul>
            ) : null}
          </Change>
        </div>
      )}
      {changes.complete ? null : (
        <p className="mt-3 text-sm text-slate-700">
          Some lists were too long to compare in full, so a few changes may be missing.{' '}
          <Link href={`/planner?sort=availability&from=${nextWeek.weekStart}`} className={linkClass}>Open the planner for next week</Link>
        </p>
      )}
    </section>
  )
}

function leavingDetail(person: BenchPerson, nextWeek: string): string {
  // Booked again: their free span ends before next week is out; otherwise away (time off) next week.
  if (person.freeUntil && person.freeUntil < addDays(nextWeek, 4)) return `booked from ${formatDate(addDays(person.freeUntil, 1))}`
  return 'not free next week'
}

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

function Card({ id, title, className = '', children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 id={id} className="mb-1 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  )
}

function Change({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1 text-sm font-semibold text-slate-800">{title}</h3>
      {children ?? <p className="text-sm text-slate-600">{empty}</p>}
    </section>
  )
}

function BenchList({ people, detail, stacked = false }: { people: BenchPerson[]; detail: (person: BenchPerson) => ReactNode; stacked?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {people.map((person) => (
        <Row key={person.id} id={person.id} name={person.name} practice={person.practice} detail={detail(person)} stacked={stacked} />
      ))}
    </ul>
  )
}

/** A person and what is said of them: side by side in a wide card, the detail under the name in a narrow column (`stacked`). */
function Row({ id, name, practice, detail, stacked = false }: { id: string; name: string; practice?: string; detail: ReactNode; stacked?: boolean }) {
  return (
    <li className={stacked ? 'py-1.5' : 'flex items-baseline justify-between gap-3 py-1.5'}>
      <span className={stacked ? 'block' : 'min-w-0'}>
        <Link href={`/employees/${id}`} className={linkClass}>{name}</Link>
        {practice ? <span className="text-slate-600"> · {practice}</span> : null}
      </span>
      <span className={stacked ? 'block text-slate-700' : 'shrink-0 text-right text-slate-700'}>{detail}</span>
    </li>
  )
}
