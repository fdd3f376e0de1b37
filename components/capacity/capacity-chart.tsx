'use client'

import { Area, Bar, CartesianGrid, ComposedChart, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CapacityWeek } from '@/lib/digests/capacity-figures'
import { deficitOf } from '@/lib/digests/capacity-figures'
import { formatDate } from '@/lib/format'

// Effective capacity as an area, demand as stacked bars (confirmed, tentative, unfilled), weeks in
// deficit shaded. Hovering, or focusing the chart and using the arrow keys (recharts' accessibility
// layer), shows a week's figures; the table below the chart has the same figures for every week.

const colours = { capacity: '#c7d2fe', capacityLine: '#4338ca', confirmed: '#047857', tentative: '#d97706', unfilled: '#b91c1c' }

export function CapacityChart({ weeks, includeTentative, title }: { weeks: CapacityWeek[]; includeTentative: boolean; title: string }) {
  const data = weeks.map((week) => ({
    week: formatDate(week.weekStart),
    capacity: week.capacity,
    confirmed: week.confirmed,
    tentative: includeTentative ? week.tentative : 0,
    unfilled: Math.round((week.unfilled + (includeTentative ? week.unfilledTentative : 0)) * 10) / 10,
    deficit: deficitOf(week, includeTentative),
  }))
  return (
    <figure aria-label={`${title}: capacity against demand, week by week`} className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer
          title={`${title}: capacity and demand per week`}
          desc="Focus the chart and use the left and right arrow keys to read each week's figures. The table below has every week's figures."
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11 }} unit=" h" width={56} />
          {data.map((week) =>
            week.deficit > 0 ? <ReferenceArea key={week.week} x1={week.week} x2={week.week} fill="#fecaca" fillOpacity={0.5} ifOverflow="extendDomain" /> : null,
          )}
          <Area type="stepAfter" dataKey="capacity" name="Capacity" fill={colours.capacity} stroke={colours.capacityLine} fillOpacity={0.6} isAnimationActive={false} />
          <Bar dataKey="confirmed" name="Confirmed" stackId="demand" fill={colours.confirmed} isAnimationActive={false} />
          {includeTentative ? <Bar dataKey="tentative" name="Tentative" stackId="demand" fill={colours.tentative} isAnimationActive={false} /> : null}
          <Bar dataKey="unfilled" name="Unfilled roles" stackId="demand" fill={colours.unfilled} isAnimationActive={false} />
          <Tooltip formatter={(value, name) => [`${value} h`, name]} labelFormatter={(label) => `Week of ${label}`} />
          <Legend />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
