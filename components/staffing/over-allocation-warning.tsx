'use client'

import { allocationImpact, todayIso, type TimeOffSpan, type WeekChange } from '@/lib/load/allocation'
import type { Booking } from '@/lib/dto'
import { formatDate } from '@/lib/format'

export function OverAllocationWarning({
  bookings,
  timeOff,
  employeeName,
  projectId,
  allocation,
  startDate,
  endDate,
  tentative,
  replacing,
}: {
  bookings: Booking[]
  timeOff: TimeOffSpan[]
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
  const { alreadyOver, pushedOver } = allocationImpact(
    bookings,
    { projectId, start: startDate, end: /^\d{4}-\d{2}-\d{2}$/.test(endDate) && endDate >= startDate ? endDate : null, allocation: percent, tentative },
    todayIso(),
    { replacingProjectId: replacing?.projectId, replacingStart: replacing?.start, timeOff },
  )
  if (alreadyOver.length === 0 && pushedOver.length === 0) return null
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {pushedOver.length ? <WeekList title={`This puts ${employeeName} above 100% in ${weeksOf(pushedOver.length)}:`} weeks={pushedOver} /> : null}
      {alreadyOver.length ? <WeekList title={`${employeeName} is already above 100% in ${weeksOf(alreadyOver.length)} of these dates:`} weeks={alreadyOver} /> : null}
      <p>You can still save it.</p>
    </div>
  )
}

function weeksOf(count: number) {
  return `${count} week${count === 1 ? '' : 's'}`
}

function WeekList({ title, weeks }: { title: string; weeks: WeekChange[] }) {
  const shown = weeks.slice(0, 6)
  return (
    <div>
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {shown.map((week) => (
          <li key={week.weekStart}>
            week of {formatDate(week.weekStart)}: {week.before}% → {week.after}%
          </li>
        ))}
        {weeks.length > shown.length ? <li>and {weeks.length - shown.length} more</li> : null}
      </ul>
    </div>
  )
}
