'use client'

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CapacityWeek } from '@/lib/digests/capacity-figures'
import { deficitOf, demandOf } from '@/lib/digests/capacity-figures'
import { formatDate } from '@/lib/format'

// Capacity as a stepped line over demand as stacked bars (confirmed, tentative, unfilled roles), weeks
// in deficit shaded. The axis runs to the largest of capacity and demand over the weeks shown, not to
// a rounder number above it, so the bars fill the chart; unfilled roles are hatched and never thinner
// than a few pixels when there are any, so they show at a whole firm's scale. Hovering, or focusing
// the chart and using the arrow keys (recharts' accessibility layer), shows a week's figures; the
// table below the chart has the same figures for every week.

export const chartColours = { capacity: '#3730a3', confirmed: '#047857', tentative: '#b45309', unfilled: '#b91c1c', deficit: '#fecaca' }
const HATCH_ID = 'capacity-unfilled-hatch'

export function CapacityChart({ weeks, includeTentative, title }: { weeks: CapacityWeek[]; includeTentative: boolean; title: string }) {
  const data = weeks.map((week) => ({
    week: formatDate(week.weekStart),
    capacity: week.capacity,
    confirmed: week.confirmed,
    tentative: includeTentative ? week.tentative : 0,
    unfilled: Math.round((week.unfilled + (includeTentative ? week.unfilledTentative : 0)) * 10) / 10,
    deficit: deficitOf(week, includeTentative),
  }))
  const top = Math.max(1, ...weeks.map((week) => Math.max(week.capacity, demandOf(week, includeTentative))))
  return (
    <figure aria-label={`${title}: capacity against demand, week by week`} className="w-full">
      <svg aria-hidden="true" width="0" height="0" className="absolute">
        <defs>
          <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fee2e2" />
            <rect width="3" height="6" fill={chartColours.unfilled} />
          </pattern>
        </defs>
      </svg>
      <div className="h-80">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
            barCategoryGap="12%"
            accessibilityLayer
            title={`${title}: capacity and demand per week`}
            desc="Focus the chart and use the left and right arrow keys to read each week's figures. The table below has every week's figures."
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11 }} unit=" h" width={64} domain={[0, Math.ceil(top)]} allowDecimals={false} />
            {data.map((week) =>
              week.deficit > 0 ? <ReferenceArea key={week.week} x1={week.week} x2={week.week} fill={chartColours.deficit} fillOpacity={0.6} ifOverflow="extendDomain" /> : null,
            )}
            <Bar dataKey="confirmed" name="Confirmed" stackId="demand" fill={chartColours.confirmed} isAnimationActive={false} />
            {includeTentative ? <Bar dataKey="tentative" name="Tentative" stackId="demand" fill={chartColours.tentative} isAnimationActive={false} /> : null}
            <Bar
              dataKey="unfilled"
              name="Unfilled roles"
              stackId="demand"
              fill={`url(#${HATCH_ID})`}
              stroke={chartColours.unfilled}
              minPointSize={(value) => (Number(value) > 0 ? 4 : 0)}
              isAnimationActive={false}
            />
            <Line type="step" dataKey="capacity" name="Capacity" stroke={chartColours.capacity} strokeWidth={2.5} dot={false} isAnimationActive={false} />
            <Tooltip formatter={(value, name) => [`${value} h`, name]} labelFormatter={(label) => `Week of ${label}`} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: chartColours.capacity }} />Capacity (line)</li>
          <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: chartColours.confirmed }} />Confirmed</li>
          {includeTentative ? <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: chartColours.tentative }} />Tentative</li> : null}
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 border" style={{ borderColor: chartColours.unfilled, background: `repeating-linear-gradient(45deg, ${chartColours.unfilled} 0 2px, #fee2e2 2px 4px)` }} />
            Unfilled roles (hatched)
          </li>
          <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-3 w-3" style={{ background: chartColours.deficit }} />Week in deficit (shaded)</li>
        </ul>
      </figcaption>
    </figure>
  )
}
