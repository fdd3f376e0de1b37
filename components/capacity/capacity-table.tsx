'use client'

import { TableHead } from '@/components/ui/table'
import { deficitOf, demandOf, type CapacityWeek } from '@/lib/digests/capacity-figures'
import { formatDate } from '@/lib/format'

// One formatter for every cell: making one per number was a noticeable share of the page's time.
const hoursFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const hours = (value: number) => `${hoursFormat.format(value)} h`

/**
 * The chart's figures as a table: every week, with its deficit named in words, not only by colour.
 * A client component: the page sends the weeks once, as the chart's and this table's data, rather
 * than this table's rendered rows a second time in its payload.
 */
export function CapacityTable({ weeks, includeTentative, title }: { weeks: CapacityWeek[]; includeTentative: boolean; title: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: week by week figures (scrolls sideways)`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{title}: capacity and demand per week, in hours</caption>
        <TableHead
          columns={[
            { label: 'Week of' },
            { label: 'Capacity', align: 'right' },
            { label: 'Confirmed', align: 'right' },
            { label: includeTentative ? 'Tentative' : 'Tentative (not counted)', align: 'right' },
            { label: 'Unfilled roles', align: 'right' },
            { label: 'Demand', align: 'right' },
            { label: 'Balance', align: 'right' },
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {weeks.map((week) => {
            const deficit = deficitOf(week, includeTentative)
            const demand = demandOf(week, includeTentative)
            const unfilled = week.unfilled + (includeTentative ? week.unfilledTentative : 0)
            return (
              <tr key={week.weekStart} className={deficit > 0 ? 'bg-red-50' : undefined}>
                <th scope="row" className="py-1.5 pr-4 font-normal whitespace-nowrap">{formatDate(week.weekStart)}</th>
                <td className="py-1.5 pr-4 text-right tabular-nums">{hours(week.capacity)}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums">{hours(week.confirmed)}</td>
                <td className={`py-1.5 pr-4 text-right tabular-nums ${includeTentative ? '' : 'text-slate-500'}`}>{hours(week.tentative)}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums">{hours(Math.round(unfilled * 10) / 10)}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums">{hours(demand)}</td>
                <td className="py-1.5 text-right tabular-nums">
                  {deficit > 0 ? <span className="font-medium text-red-800">Deficit {hours(deficit)}</span> : <span className="text-emerald-800">{hours(Math.round((week.capacity - demand) * 10) / 10)} free</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
