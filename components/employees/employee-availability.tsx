import { formatDate } from '@/lib/format'
import type { Availability, WeekAvailability } from '@/lib/employees/availability'

// The planner's cell colours (app/globals.css), so a week reads the same on both screens.
const stateClass: Record<WeekAvailability['state'], string> = { free: 'is-free', partly: 'is-partly', full: 'is-full', over: 'is-over', off: 'is-off text-slate-800' }

function cellText(week: WeekAvailability): string {
  return week.state === 'off' ? 'off' : week.state === 'over' ? 'over' : `${week.free}%`
}

/** Free capacity week by week (this week first), then the weeks in words. */
export function EmployeeAvailability({ availability }: { availability: Availability }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <ol aria-label="Free per week" className="flex gap-0.5">
        {availability.weeks.map((week) => (
          <li key={week.weekStart} title={`Week of ${formatDate(week.weekStart)}`} className={`w-10 rounded py-0.5 text-center text-[11px] leading-tight tabular-nums ${stateClass[week.state]}`}>
            <span className="sr-only">Week of {formatDate(week.weekStart)}: </span>
            {cellText(week)}
            {week.state === 'partly' || week.state === 'free' ? <span className="sr-only"> free</span> : null}
          </li>
        ))}
      </ol>
      <span className="whitespace-nowrap text-xs text-slate-700">{availability.summary}</span>
    </div>
  )
}
