'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { UtilizationCell } from '@/lib/utilization/figures'

// Billable and non-billable hours as stacked bars against capacity as a line, per week or month.
// Focus the chart and use the arrow keys to read a period (recharts' accessibility layer); the table
// below has every figure.

const colours = { billable: '#047857', nonBillable: '#7c3aed', capacity: '#1e293b' }

export function UtilizationChart({ periods, title }: { periods: UtilizationCell[]; title: string }) {
  const data = periods.map((cell) => ({ period: cell.label, billable: cell.billable, nonBillable: cell.nonBillable, capacity: cell.capacity, percent: cell.billablePercent }))
  return (
    <figure aria-label={`${title}: billable and non-billable hours against capacity`} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer
          title={`${title}: utilization`}
          desc="Focus the chart and use the left and right arrow keys to read each period's figures. The table below has every figure."
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11 }} width={76} tickFormatter={(value: number) => `${value.toLocaleString('en-GB')} h`} />
          <Bar dataKey="billable" name="Billable" stackId="scheduled" fill={colours.billable} isAnimationActive={false} />
          <Bar dataKey="nonBillable" name="Non-billable" stackId="scheduled" fill={colours.nonBillable} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="capacity" name="Capacity" stroke={colours.capacity} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Tooltip
            formatter={(value, name) => [`${value} h`, name]}
            labelFormatter={(label, payload) => `${label}${payload?.[0]?.payload?.percent != null ? `: ${payload[0].payload.percent}% billable` : ''}`}
          />
          <Legend formatter={(value) => <span className="text-slate-800">{value}</span>} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
