'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { employeeStaffingOptions } from '@/lib/employees/query-options'
import { formatDateRange } from '@/lib/format'
import type { PlannerColumn, PlannerRow } from '@/lib/planner/grid'

const DAY = 86_400_000
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY

/**
 * A person's assignments and time off as bars across the shown period, labelled with client and
 * project (read when the row opens: one request, the person's own view).
 */
export function PersonBars({ person, columns }: { person: PlannerRow; columns: PlannerColumn[] }) {
  const staffing = useQuery(employeeStaffingOptions(person.id))
  const first = dayOf(columns[0].start)
  const span = dayOf(columns[columns.length - 1].end) - first + 1
  const place = (start: string, end: string | null) => {
    const from = Math.max(dayOf(start), first)
    const to = Math.min(end ? dayOf(end) : Infinity, first + span - 1)
    return to < from ? null : { left: `${((from - first) / span) * 100}%`, width: `${((to - from + 1) / span) * 100}%` }
  }
  if (staffing.isPending) return <p className="text-sm text-slate-600">Loading {person.name}’s assignments…</p>
  if (staffing.isError) return <p role="alert" className="text-sm text-red-700">Could not load {person.name}’s assignments: {staffing.error.message}</p>
  const assignments = staffing.data?.assignments.flatMap((assignment) => {
    const position = place(assignment.startDate, assignment.endDate)
    return position ? [{ assignment, position }] : []
  }) ?? []
  const timeOff = person.timeOff.flatMap((entry) => {
    const position = place(entry.start, entry.end)
    return position ? [{ entry, position }] : []
  })
  return (
    <div>
      <p className="mb-1 text-xs text-slate-600">
        <Link href={`/employees/${person.id}`} className="font-medium text-indigo-700 hover:underline">
          {person.name}’s staffing
        </Link>{' '}
        · change dates or allocation on the project page
      </p>
      {assignments.length === 0 && timeOff.length === 0 ? <p className="text-sm text-slate-600">No assignments or time off in these weeks.</p> : null}
      <ul aria-label={`${person.name}’s assignments in this period`} className="space-y-1">
        {assignments.map(({ assignment, position }) => (
          <li key={assignment.id} className="relative h-7">
            <Link
              href={`/clients/${assignment.clientId}/projects/${assignment.projectId}`}
              style={position}
              className={`absolute inset-y-0 flex items-center truncate rounded px-2 text-xs text-white ${assignment.status === 'tentative' ? 'border-2 border-dashed border-indigo-900 bg-indigo-500' : 'bg-indigo-700'}`}
            >
              {assignment.clientName} · {assignment.projectName} · {assignment.allocation}%
              <span className="sr-only">
                , {assignment.role}, {formatDateRange(assignment.startDate, assignment.endDate)}
                {assignment.status === 'tentative' ? ', tentative' : ''}
              </span>
            </Link>
          </li>
        ))}
        {timeOff.map(({ entry, position }) => (
          <li key={entry.id} className="relative h-7">
            <span
              style={position}
              className="absolute inset-y-0 flex items-center truncate rounded border border-slate-400 bg-[repeating-linear-gradient(45deg,var(--color-slate-200)_0,var(--color-slate-200)_3px,white_3px,white_6px)] px-2 text-xs text-slate-900"
            >
              Time off ({entry.kind}) <span className="sr-only">, {formatDateRange(entry.start, entry.end)}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
