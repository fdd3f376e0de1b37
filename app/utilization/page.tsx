import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { withRecording } from '@/lib/recording'
import { formatDate } from '@/lib/format'
import { isAppError, type FieldErrors } from '@/lib/errors'
import { getUtilization, getUtilizationPeople } from '@/lib/utilization/queries'
import { periodLabels, utilizationPeriods } from '@/lib/utilization/schemas'
import { PageHeader, EmptyState, secondaryLinkClass } from '@/components/ui/page-header'
import { TentativeToggle } from '@/components/planner/tentative-toggle'
import { UtilizationChart } from '@/components/utilization/utilization-chart'
import { PeopleTable, PeriodTable, PracticeTable } from '@/components/utilization/utilization-table'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { DateInput } from '@/components/ui/date-input'

export const metadata: Metadata = { title: 'Utilization' }

type Params = Record<string, string | undefined>

const control = 'mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm'
const label = 'block text-sm font-medium text-slate-800'

/** Bad filters are shown as field errors beside the defaults' figures, never as an error page. */
async function orDefaults<T>(read: () => Promise<T>, defaults: () => Promise<T>): Promise<{ value: T; errors: FieldErrors }> {
  try {
    return { value: await read(), errors: {} }
  } catch (error) {
    if (!isAppError(error) || error.kind !== 'invalid') throw error
    return { value: await defaults(), errors: error.fields ?? {} }
  }
}

export default async function UtilizationPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor()
  const params = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => typeof value === 'string' && value !== '')) as Record<string, string>
  if (params.view === 'people' && params.practice) return <PeopleView actor={actor} params={params} />
  const {
    result: { value: view, errors },
    recording,
  } = await withRecording(() => orDefaults(() => getUtilization(actor, params), () => getUtilization(actor, {})))
  const selected = view.practice ? view.practices.find((row) => row.key === view.practice)! : null
  const row = selected ?? view.firm
  const query = (overrides: Params) => new URLSearchParams(Object.entries({ ...params, ...overrides }).filter((entry): entry is [string, string] => Boolean(entry[1])))
  const period = params.period ?? 'next-month'
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p id={`utilization-${name}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">{errors[name].join(' ')}</p>
    ) : null
  const described = (name: string) => (errors[name]?.length ? { 'aria-invalid': true, 'aria-describedby': `utilization-${name}-error` } : {})
  return (
    <>
      <PageHeader
        title="Utilization"
        description="Billable hours against capacity, by practice and for the firm. Capacity is weekly hours less time off; scheduled is booked work; billable is booked work on billable projects, non-billable the rest (internal work, pre-sales)."
        actions={<a href={`/api/exports/utilization?${query({})}`} className={secondaryLinkClass} download>Export utilization (CSV)</a>}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Utilization filters">
        <div>
          <label htmlFor="utilization-period" className={label}>Period</label>
          <select id="utilization-period" name="period" defaultValue={period} className={control} {...described('period')}>
            {utilizationPeriods.map((value) => (
              <option key={value} value={value}>{periodLabels[value]}</option>
            ))}
          </select>
          {fieldError('period')}
        </div>
        <div>
          <label htmlFor="utilization-from" className={label}>From (chosen dates)</label>
          <DateInput id="utilization-from" name="from" defaultValue={params.from} className={control} {...described('from')} />
          {fieldError('from')}
        </div>
        <div>
          <label htmlFor="utilization-to" className={label}>To (chosen dates)</label>
          <DateInput id="utilization-to" name="to" defaultValue={params.to} className={control} {...described('to')} />
          {fieldError('to')}
        </div>
        <div>
          <label htmlFor="utilization-grain" className={label}>Show by</label>
          <select id="utilization-grain" name="grain" defaultValue={view.grain} className={control} {...described('grain')}>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </div>
        <div>
          <label htmlFor="utilization-practice" className={label}>Practice</label>
          <select id="utilization-practice" name="practice" defaultValue={view.practice ?? ''} className={control}>
            <option value="">Whole firm</option>
            {view.practices.map((practice) => (
              <option key={practice.key} value={practice.key}>{practice.name}</option>
            ))}
          </select>
        </div>
        {view.includeTentative ? null : <input type="hidden" name="tentative" value="ignore" />}
        <button type="submit" className={secondaryLinkClass}>Show</button>
        <div className="ml-auto"><TentativeToggle on={view.includeTentative} /></div>
      </form>
      {view.uncovered ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.uncovered} {view.uncovered === 1 ? 'week' : 'weeks'} of this period {view.uncovered === 1 ? 'is' : 'are'} outside the figures Roster keeps (this week and the next 25) and not counted.
        </p>
      ) : null}
      {view.practices.length === 0 ? (
        <EmptyState title="No utilization to show yet">Add people to practices and staff them, and their hours appear here.</EmptyState>
      ) : (
        <>
          <section aria-labelledby="utilization-chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="utilization-chart-heading" className="text-lg font-semibold">
              {row.name}: {row.total.billablePercent === null ? 'no capacity' : `${row.total.billablePercent}% billable`}
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              {row.total.from ? `${formatDate(row.total.from)} – ${formatDate(row.total.to)}` : `${formatDate(view.from)} – ${formatDate(view.to)}`} · {row.people} people · {row.total.weeks} weeks
              (the weeks whose Thursday falls in {formatDate(view.from)} – {formatDate(view.to)}; a week counts in the month its Thursday falls in)
              {view.includeTentative ? '' : ' · tentative work not counted'}
            </p>
            <UtilizationChart periods={row.periods} title={row.name} />
          </section>
          <section aria-labelledby="utilization-table-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="utilization-table-heading" className="mb-3 text-lg font-semibold">{row.name}: by {view.grain}</h2>
            {selected ? (
              <p className="mb-3 text-sm">
                <a className="text-indigo-700 underline-offset-2 hover:underline" href={`/utilization?${query({ view: 'people' })}`}>Each person in {selected.name}</a>
              </p>
            ) : null}
            <PeriodTable row={row} caption={`${row.name}: utilization by ${view.grain}`} />
          </section>
          <section aria-labelledby="utilization-practices-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="utilization-practices-heading" className="mb-3 text-lg font-semibold">By practice, whole period</h2>
            <PracticeTable rows={view.practices} firm={view.firm} linkOf={(key) => `/utilization?${query({ practice: key })}`} />
          </section>
        </>
      )}
      <UnderTheHood recording={recording} />
    </>
  )
}

/** One practice's people, 50 to a page, each over the period (one Query: the practice's key). */
async function PeopleView({ actor, params }: { actor: Awaited<ReturnType<typeof requireActor>>; params: Record<string, string> }) {
  const {
    result: { value: page, errors },
    recording,
  } = await withRecording(() => orDefaults(() => getUtilizationPeople(actor, params), () => getUtilizationPeople(actor, { practice: params.practice })))
  const query = (overrides: Params) => new URLSearchParams(Object.entries({ ...params, ...overrides }).filter((entry): entry is [string, string] => Boolean(entry[1])))
  const messages = Object.values(errors).flat()
  return (
    <>
      <PageHeader
        eyebrow={<a className="text-indigo-700 underline-offset-2 hover:underline" href={`/utilization?${query({ view: undefined, cursor: undefined })}`}>Utilization</a>}
        title={`Each person in ${page.practiceName}`}
        description={`${formatDate(page.from)} – ${formatDate(page.to)}, by ${page.grain}${page.includeTentative ? ', tentative work included' : ', tentative work not counted'}. Capacity is weekly hours less time off; billable is booked work on billable projects.`}
      />
      {messages.length ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{messages.join(' ')} Showing next month.</p>
      ) : null}
      {page.uncovered ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {page.uncovered} {page.uncovered === 1 ? 'week' : 'weeks'} of this period {page.uncovered === 1 ? 'is' : 'are'} outside this week and the next 25 and not counted.
        </p>
      ) : null}
      {page.people.length === 0 ? (
        <EmptyState title="Nobody in this practice">Check the practice, or add people to it.</EmptyState>
      ) : (
        <section aria-labelledby="people-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="people-heading" className="mb-3 text-lg font-semibold">People, whole period</h2>
          <PeopleTable rows={page.people} />
          {page.nextCursor ? (
            <p className="mt-3 text-sm">
              <a className="text-indigo-700 underline-offset-2 hover:underline" href={`/utilization?${query({ cursor: page.nextCursor })}`}>Next 50 people</a>
            </p>
          ) : null}
        </section>
      )}
      <UnderTheHood recording={recording} />
    </>
  )
}
