import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import { EmptyState } from '@/components/ui/page-header'
import { Pagination, RestartedNotice } from '@/components/ui/list-search'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { PlannerToolbar } from '@/components/planner/planner-toolbar'
import { PlannerGrid } from '@/components/planner/planner-grid'
import { withRecording } from '@/lib/recording'
import { firstPageIfInvalid } from '@/lib/lists/first-page'
import { listPlannerPeople } from '@/lib/planner/queries'
import { plannerPeopleInput, plannerZooms, type PlannerUnit, type PlannerZoom } from '@/lib/planner/schemas'
import { plannerColumns, toPlannerRow } from '@/lib/planner/grid'
import { mondayOf, todayIso } from '@/lib/load/allocation'
import { fieldErrorsOf } from '@/lib/validation'
import { practiceKey } from '@/lib/digests/capacity-figures'
import { UnfilledRolesGroup } from '@/components/planner/unfilled-roles-group'

export const metadata: Metadata = { title: 'Planner' }

type Params = Record<string, string | undefined>

/** Where the view starts: the Monday of `from` (weeks) or its month's first day (months); today by default. */
function periodOf(params: Params): { zoom: PlannerZoom; from: string } {
  const zoom = plannerZooms.find((z) => z === params.zoom) ?? 'weeks'
  const asked = /^\d{4}-\d{2}-\d{2}$/.test(params.from ?? '') && !Number.isNaN(Date.parse(params.from!)) ? params.from! : todayIso()
  return { zoom, from: zoom === 'weeks' ? mondayOf(asked) : `${asked.slice(0, 7)}-01` }
}

/** The practices whose unfilled roles the page's group shows: those on this page, and the one filtered on. */
function practiceKeysOf(practices: (string | null)[], filtered: string | undefined): string[] {
  return [...new Set([...practices, filtered].filter((p): p is string => Boolean(p)).map(practiceKey))]
}

export default async function PlannerPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor()
  const params = await searchParams
  const { zoom, from } = periodOf(params)
  const parsed = plannerPeopleInput.safeParse(params)
  const filterErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)
  const { practice, location, technologyId, minLevel, freeAtLeast, freeFrom, freeWeeks, tentative } = params
  const filters = parsed.success ? { practice, location, technologyId, minLevel, freeAtLeast, freeFrom, freeWeeks, tentative } : {}
  const { result: { page, restarted }, recording } = await withRecording(() =>
    firstPageIfInvalid(
      () => listPlannerPeople(actor, { ...filters, cursor: params.cursor }),
      () => listPlannerPeople(actor, filters),
      () => listPlannerPeople(actor, {}),
    ),
  )
  const includeTentative = params.tentative !== 'ignore'
  const unit: PlannerUnit = params.unit === 'hours' ? 'hours' : 'percent'
  const columns = plannerColumns(zoom, from)
  const filtered = Boolean(practice || location || technologyId || freeAtLeast)
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Planner</h1>
      <PlannerToolbar params={params} errors={filterErrors} zoom={zoom} unit={unit} columns={columns} includeTentative={includeTentative} />
      <RestartedNotice restarted={restarted} />
      {page.people.length === 0 ? (
        <EmptyState title={filtered ? 'Nobody on this page matches' : 'Nobody here yet'}>
          {page.scanned > 0
            ? `This page checked ${page.scanned} people and none is free enough over those weeks. Use “Next page” to keep looking, or ask for less.`
            : filtered
              ? 'Try another practice, location or skill.'
              : 'Add people on the Employees page.'}
        </EmptyState>
      ) : (
        <>
          {freeAtLeast && parsed.success ? (
            <p role="status" className="mb-2 text-sm text-slate-600">
              {page.people.length} of the {page.scanned} people on this page {page.people.length === 1 ? 'is' : 'are'} free at least {freeAtLeast}% for {freeWeeks || 1} {Number(freeWeeks || 1) === 1 ? 'week' : 'weeks'}
              {freeFrom ? ` from ${freeFrom}` : ' from today'}.
            </p>
          ) : null}
          <PlannerGrid
            people={page.people.map((person) => toPlannerRow(person, { start: columns[0].start, end: columns.at(-1)!.end }))}
            columns={columns}
            includeTentative={includeTentative}
            unit={unit}
            paged={Boolean(params.cursor || page.nextCursor)}
            sort={params.sort === 'availability' ? 'availability' : 'name'}
            canStaff={can(actor, 'manage')}
            today={todayIso()}
          />
        </>
      )}
      <UnfilledRolesGroup practiceKeys={practiceKeysOf(page.people.map((person) => person.practice), practice)} columns={columns} />
      <Pagination nextCursor={page.nextCursor} isFirstPage={!params.cursor} params={params} />
      <UnderTheHood recording={recording} />
    </>
  )
}
