'use client'

import { overAllocatedWeeks } from '@/lib/staffing/allocation'
import type { Booking } from '@/lib/dto'
import { formatDate } from '@/lib/format'

export function OverAllocationWarning({
  bookings,
  employeeName,
  projectId,
  allocation,
  startDate,
  endDate,
  tentative,
  replacing,
}: {
  bookings: Booking[]
  employeeName: string
  projectId: string
  allocation: string
  startDate: string
  endDate: string
  tentative: boolean
  replacing?: { projectId: string; start: string }
}) {
  const percent = Number(allocation)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !Number.isFinite(percent) || percent <= 0) return null
  const weeks = overAllocatedWeeks(
    bookings,
    { projectId, start: startDate, end: /^\d{4}-\d{2}-\d{2}$/.test(endDate) && endDate >= startDate ? endDate : null, allocation: percent, tentative },
    { replacingProjectId: replacing?.projectId, replacingStart: replacing?.start },
  )
  if (weeks.length === 0) return null
  const shown = weeks.slice(0, 6)
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">
        This puts {employeeName} above 100% in {weeks.length} week{weeks.length === 1 ? '' : 's'}:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {shown.map((week) => (
          <li key={week.weekStart}>
            week of {formatDate(week.weekStart)}: {week.total}%
          </li>
        ))}
        {weeks.length > shown.length ? <li>and {weeks.length - shown.length} more</li> : null}
      </ul>
      <p className="mt-1">You can still save it.</p>
    </div>
  )
}
