import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import Link from 'next/link'
import { EmployeeAvailability } from '@/components/employees/employee-availability'
import { SkillFilter } from '@/components/employees/skill-filter'
import { ListSearch, Pagination, RestartedNotice } from '@/components/ui/list-search'
import { EmptyState, PageHeader, buttonLinkClass, linkClass } from '@/components/ui/page-header'
import { todayIso } from '@/lib/load/allocation'
import { availabilityOf, availabilityWeeks, freeForOptions, freeThreshold, isFreeFor, parseFreeFor } from '@/lib/employees/availability'
import { listEmployees, listEmployeesWithSkill, type PersonWithSkill } from '@/lib/employees/queries'
import type { EmployeeSummary } from '@/lib/dto'
import type { Page } from '@/lib/lists/schemas'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { firstPageIfInvalid } from '@/lib/lists/first-page'
import { practiceNames } from '@/lib/employees/practices'
import { ListTable } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Employees' }

type EmployeeRow = EmployeeSummary | PersonWithSkill

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor()
  const params = await searchParams
  const practice = params.practice || undefined
  const technologyId = params.technologyId || undefined
  // A skill is read through the technology's partition (people who know it, highest level first).
  const list = (input: { q?: string; cursor?: string; limit?: string; practice?: string; technologyId?: string }): Promise<Page<EmployeeRow>> =>
    input.technologyId ? listEmployeesWithSkill(actor, { ...input, technologyId: input.technologyId }) : listEmployees(actor, input)
  const { result: { page, restarted }, recording } = await withRecording(() =>
    firstPageIfInvalid(
      () => list({ q: params.q, cursor: params.cursor, limit: params.limit, practice, technologyId }),
      () => list({ q: params.q, practice, technologyId }),
      () => list({}),
    ),
  )
  const today = todayIso()
  // Availability comes from the bookings and time off on each person's own item: nothing more is read.
  // "Free for" filters the page that was read, so a filtered page can be short.
  const freeFor = parseFreeFor(params.free)
  const rows = page.items
    .map((employee) => ({ employee, availability: availabilityOf(employee, today) }))
    .filter((row) => freeFor === undefined || isFreeFor(row.availability, freeFor))
  return (
    <>
      <PageHeader
        title="Employees"
        description={`Everyone, with what they have free week by week over the next ${availabilityWeeks} weeks. Filter by practice, by a technology they know, or by time free.`}
        actions={can(actor, 'manage') && <Link href="/employees/new" className={buttonLinkClass}>New person</Link>}
      />
      <ListSearch
        label="Search people"
        filters={[
          { name: 'practice', label: 'Practice', options: practiceNames.map((name) => ({ value: name, label: name })) },
          {
            name: 'free',
            label: `At least ${freeThreshold}% free`,
            anyLabel: 'Any time',
            options: freeForOptions.map((weeks) => ({ value: String(weeks), label: `Each of the next ${weeks} weeks` })),
          },
        ]}
      />
      <RestartedNotice restarted={restarted} />
      <SkillFilter />
      {rows.length === 0 ? (
        <EmptyState title="Nobody matches">Try another name or filter. A filtered page can be short: use “Next page” to keep looking.</EmptyState>
      ) : (
        <ListTable
          caption="Employees"
          columns={[{ label: 'Name' }, { label: 'Title' }, { label: 'Practice' }, { label: 'Location' }, ...(technologyId ? [{ label: 'Level' }] : []), { label: `Free, next ${availabilityWeeks} weeks` }]}
          cards={rows.map(({ employee, availability }) => (
            <li key={employee.id} className="space-y-1.5 px-4 py-3">
              <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link href={`/employees/${employee.id}`} className={linkClass}>{employee.name}</Link>
                <span className="text-slate-800">{employee.practice}{'level' in employee ? ` · level ${employee.level} / 5` : ''}</span>
              </p>
              <p className="text-xs text-slate-600">{[employee.title, employee.location].filter(Boolean).join(' · ')}</p>
              <EmployeeAvailability availability={availability} />
            </li>
          ))}
        >
          {rows.map(({ employee, availability }) => (
            <tr key={employee.id}>
              <td className="px-4 py-2"><Link href={`/employees/${employee.id}`} className={linkClass}>{employee.name}</Link></td>
              <td className="px-4 py-2">{employee.title}</td>
              <td className="px-4 py-2">{employee.practice}</td>
              <td className="px-4 py-2">{employee.location}</td>
              {'level' in employee ? <td className="px-4 py-2">{employee.level} / 5</td> : null}
              <td className="px-4 py-2"><EmployeeAvailability availability={availability} /></td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pagination nextCursor={page.nextCursor} isFirstPage={!params.cursor} params={params} />
      <UnderTheHood recording={recording} />
    </>
  )
}
