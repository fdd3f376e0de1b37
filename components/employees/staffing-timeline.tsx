'use client'

import { useState } from 'react'
import type { Timeline } from '@/lib/staffing/timeline'
import { formatDate, formatDateRange } from '@/lib/format'

type Load = 'free' | 'under' | 'room' | 'full' | 'over'

/**
 * How a weekly total reads: as load, in the planner's colours (app/globals.css), so a colour means one
 * thing on every screen: nothing booked is free (green), partly booked amber, 100% full (blue), above
 * it over-allocated (red). The words name each, so colour is never the only signal.
 */
const loads: Record<Load, { className: string; explanation: string }> = {
  free: { className: 'is-free', explanation: 'free: under-used (nothing booked)' },
  under: { className: 'is-partly', explanation: 'under-used (below 50%)' },
  room: { className: 'is-partly', explanation: 'room for more (below 100%)' },
  full: { className: 'is-full font-semibold', explanation: 'full (100%)' },
  over: { className: 'is-over', explanation: 'over-allocated (above 100%)' },
}

const legend: { load: Load; text: string }[] = [
  { load: 'free', text: '0%: free' },
  { load: 'room', text: '1–99%: partly booked (below 50%: under-used)' },
  { load: 'full', text: '100%: full' },
  { load: 'over', text: 'Above 100%: over-allocated' },
]

const loadOf = (used: number): Load => (used > 100 ? 'over' : used === 100 ? 'full' : used >= 50 ? 'room' : used > 0 ? 'under' : 'free')

/** 26 weekly columns; one bar per assignment, and a row of weekly totals coloured by load, in percent. */
export function StaffingTimeline({ timeline }: { timeline: Timeline }) {
  const [includeTentative, setIncludeTentative] = useState(true)
  const totals = includeTentative ? timeline.totals.withTentative : timeline.totals.confirmedOnly
  // Narrow enough that all 26 weeks fit the card at 1280 px beside the navigation; narrower screens scroll.
  const columns = `minmax(7rem, 10rem) repeat(${timeline.weeks.length}, minmax(1.85rem, 1fr))`
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">Next 26 weeks</h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={includeTentative} onChange={(event) => setIncludeTentative(event.target.checked)} className="h-4 w-4" />
          Include tentative bookings in totals
        </label>
      </div>
      <div className="overflow-x-auto" tabIndex={0} aria-label="Timeline, scrolls sideways">
        <div role="table" aria-label="Weekly staffing timeline" className="text-xs">
          <div role="row" className="grid border-b border-slate-200" style={{ gridTemplateColumns: columns }}>
            <div role="columnheader" className="px-2 py-1 font-medium">Assignment</div>
            {timeline.weeks.map((week) => (
              <div role="columnheader" key={week} className="px-0.5 py-1 text-center leading-tight text-slate-600">
                {formatDate(week).replace(/ \d{4}$/, '')}
              </div>
            ))}
          </div>
          {timeline.bars.length === 0 ? (
            <p className="px-2 py-4 text-sm text-slate-600">No assignments in the next 26 weeks.</p>
          ) : (
            timeline.bars.map(({ assignment, fromWeek, toWeek }) => {
              const label = `${assignment.projectName} (${assignment.clientName}), ${assignment.allocation}%, ${formatDateRange(assignment.startDate, assignment.endDate)}${assignment.status === 'tentative' ? ', tentative' : ''}`
              return (
                <div role="row" key={assignment.id} className="grid items-center border-b border-slate-100" style={{ gridTemplateColumns: columns }}>
                  <div role="rowheader" className="truncate px-2 py-1.5" title={label}>
                    {assignment.projectName}
                  </div>
                  <div role="cell" className="relative py-1.5" style={{ gridColumn: `${fromWeek + 2} / ${toWeek + 3}` }}>
                    <div
                      tabIndex={0}
                      aria-label={label}
                      title={label}
                      className={`mx-0.5 truncate rounded px-1.5 py-1 font-medium ${
                        assignment.status === 'tentative' ? 'border-2 border-dashed border-amber-500 bg-amber-50 text-amber-900' : 'bg-indigo-600 text-white'
                      }`}
                    >
                      {assignment.allocation}%<span className="sr-only"> {label}</span>
                    </div>
                  </div>
                </div>
              )
            })
          )}
          {totals.some((week) => week.off > 0) ? (
            <div role="row" className="grid border-b border-slate-100" style={{ gridTemplateColumns: columns }}>
              <div role="rowheader" className="px-2 py-1.5">Time off</div>
              {totals.map((week) => (
                <div role="cell" key={week.weekStart} className="px-0.5 py-1">
                  {week.off > 0 ? (
                    <span
                      tabIndex={0}
                      aria-label={`Week of ${formatDate(week.weekStart)}: ${week.off / 20} day${week.off === 20 ? '' : 's'} off`}
                      title={`${week.off / 20} day${week.off === 20 ? '' : 's'} off`}
                      className="block rounded border border-slate-300 bg-[repeating-linear-gradient(45deg,var(--color-slate-200)_0,var(--color-slate-200)_3px,white_3px,white_6px)] py-1 text-center tabular-nums text-slate-800"
                    >
                      {week.off / 20}d
                    </span>
                  ) : null}
                </div>
              ))}
            </div>
          ) : null}
          <div role="row" className="grid" style={{ gridTemplateColumns: columns }}>
            <div role="rowheader" className="px-2 py-1.5 font-medium">Weekly total</div>
            {totals.map((week) => {
              // Time off takes capacity away: booked plus off above 100% is over-allocated, at 100% full.
              const used = week.total + week.off
              const load = loadOf(used)
              const offText = week.off ? `, ${week.off / 20} day${week.off === 20 ? '' : 's'} off (${100 - Math.min(100, used)}% free)` : ''
              const explanation = `Week of ${formatDate(week.weekStart)}: ${week.total}% booked${offText}, ${loads[load].explanation}${includeTentative ? '' : ', confirmed bookings only'}`
              return (
                <div role="cell" key={week.weekStart} className="px-0.5 py-1">
                  <span
                    tabIndex={0}
                    title={explanation}
                    aria-label={explanation}
                    data-testid={`week-total-${week.weekStart}`}
                    className={`block rounded py-1 text-center text-[11px] tracking-tight tabular-nums ${loads[load].className}`}
                  >
                    {week.total}
                    <span className="text-[0.8em]">%</span>
                  </span>
                </div>
              )
            })}
          </div>
        </div>
      </div>
      <ul aria-label="Weekly total colours" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {legend.map(({ load, text }) => (
          <li key={load} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm border border-slate-300 ${loads[load].className}`} />
            {text}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">Solid bars are confirmed, dashed bars tentative. Totals count time off as used; focus or hover a total for details.</p>
    </section>
  )
}
