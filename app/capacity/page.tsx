import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { getCapacity } from '@/lib/capacity/queries'
import { CAPACITY_WEEKS, deficitOf, totalWeeks } from '@/lib/digests/capacity-figures'
import { withRecording } from '@/lib/recording'
import { formatDate } from '@/lib/format'
import { PageHeader, EmptyState, secondaryLinkClass } from '@/components/ui/page-header'
import { TentativeToggle } from '@/components/planner/tentative-toggle'
import { CapacityChart } from '@/components/capacity/capacity-chart'
import { CapacityTable } from '@/components/capacity/capacity-table'
import { PracticeBreakdown } from '@/components/capacity/practice-breakdown'
import { UnfilledRoleList } from '@/components/capacity/unfilled-role-list'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { DateInput } from '@/components/ui/date-input'

export const metadata: Metadata = { title: 'Capacity' }

type Params = Record<string, string | undefined>

export default async function CapacityPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor()
  const params = await searchParams
  const { result: view, recording } = await withRecording(() => getCapacity(actor))
  const includeTentative = params.tentative !== 'ignore'
  const selected = view.practices.find((practice) => practice.key === params.practice) ?? null
  const unknownPractice = Boolean(params.practice) && !selected
  const shown = selected ? [selected] : view.practices
  const weeks = selected ? selected.weeks : totalWeeks(view.practices, view.weeks)
  const title = selected ? selected.name : 'All practices'
  const deficits = weeks.filter((week) => deficitOf(week, includeTentative) > 0).length
  const roleLists = shown.flatMap((practice) => (view.roles[practice.key]?.count ? [{ key: practice.key, name: practice.name, ...view.roles[practice.key] }] : []))
  const exportQuery = new URLSearchParams({ ...(selected ? { practice: selected.key } : {}), ...(includeTentative ? {} : { tentative: 'ignore' }) })
  return (
    <>
      <PageHeader
        title="Capacity"
        description={`Capacity against demand by practice, in hours, for the next ${CAPACITY_WEEKS} weeks. Capacity is everyone's weekly hours less time off; demand is confirmed and tentative bookings and unfilled roles.`}
        actions={
          <>
            <a href={`/api/exports/capacity?${exportQuery}`} className={secondaryLinkClass} download>Export capacity (CSV)</a>
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Capacity filters">
        <div>
          <label htmlFor="capacity-practice" className="block text-sm font-medium text-slate-800">Practice</label>
          <select
            id="capacity-practice"
            name="practice"
            defaultValue={selected?.key ?? ''}
            aria-invalid={unknownPractice || undefined}
            aria-describedby={unknownPractice ? 'capacity-practice-error' : undefined}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">All practices</option>
            {view.practices.map((practice) => (
              <option key={practice.key} value={practice.key}>{practice.name}</option>
            ))}
          </select>
          <p id="capacity-practice-error" aria-live="polite" className="mt-1 text-sm text-red-700">{unknownPractice ? 'No such practice: showing all practices' : ''}</p>
        </div>
        {includeTentative ? null : <input type="hidden" name="tentative" value="ignore" />}
        <button type="submit" className={`${secondaryLinkClass} mb-7`}>Show practice</button>
        <div className="mb-7 ml-auto"><TentativeToggle on={includeTentative} /></div>
      </form>
      {view.missing ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some figures are being brought up to date; weeks they do not cover yet count as zero.
        </p>
      ) : null}
      {view.practices.length === 0 ? (
        <EmptyState title="No capacity to show yet">Add people to practices, and their weekly hours appear here.</EmptyState>
      ) : (
        <>
          <section aria-labelledby="capacity-chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="capacity-chart-heading" className="text-lg font-semibold">{title}</h2>
            <p className="mb-2 text-sm text-slate-600">
              {shown.reduce((sum, practice) => sum + practice.people, 0)} people ·{' '}
              {deficits ? <strong className="text-red-800">{deficits} {deficits === 1 ? 'week' : 'weeks'} in deficit (shaded)</strong> : 'no week in deficit'}
              {includeTentative ? '' : ' · tentative work not counted'}
            </p>
            <CapacityChart weeks={weeks} includeTentative={includeTentative} title={title} />
          </section>
          {selected ? null : (
            <section aria-labelledby="capacity-practices-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="capacity-practices-heading" className="mb-3 text-lg font-semibold">By practice: demand as a share of capacity</h2>
              <PracticeBreakdown practices={view.practices} weeks={view.weeks} includeTentative={includeTentative} />
            </section>
          )}
          <section aria-labelledby="capacity-table-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="capacity-table-heading" className="mb-3 text-lg font-semibold">{title}: week by week</h2>
            <CapacityTable weeks={weeks} includeTentative={includeTentative} title={title} />
          </section>
          <section aria-labelledby="capacity-roles-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="capacity-roles-heading" className="mb-3 text-lg font-semibold">Unfilled roles</h2>
            <UnfilledRoleList practices={roleLists} practiceName={selected?.name} />
          </section>
        </>
      )}
      <section aria-labelledby="export-plan-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="export-plan-heading" className="text-lg font-semibold">Export the staffing plan</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">Every assignment and unfilled role that overlaps the period, as CSV: person or role, client, project, role, allocation, dates and status.</p>
        <form method="get" action="/api/exports/staffing" className="flex flex-wrap items-end gap-3" aria-label="Export the staffing plan">
          <div>
            <label htmlFor="export-from" className="block text-sm font-medium text-slate-800">From</label>
            <DateInput id="export-from" name="from" defaultValue={view.weeks[0]} required className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
          </div>
          <div>
            <label htmlFor="export-to" className="block text-sm font-medium text-slate-800">To</label>
            <DateInput id="export-to" name="to" defaultValue={view.weeks.at(-1)} required className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
          </div>
          <button type="submit" className={secondaryLinkClass}>Export staffing plan (CSV)</button>
        </form>
      </section>
      <p className="mt-4 text-xs text-slate-600">
        Weeks from {formatDate(view.weeks[0])}. An unfilled role counts its allocation of the weekly hours of the people who would fill it: its practice&apos;s hours per person, from the practice&apos;s fullest week shown
        {selected ? ` (${hoursText(selected.roleWeekHours)} in ${selected.name})` : ''}; a practice with nobody in it counts the firm&apos;s typical week ({hoursText(view.firmWeekHours)}).
      </p>
      <UnderTheHood recording={recording} />
    </>
  )
}

const hoursText = (hours: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(hours)} h`
