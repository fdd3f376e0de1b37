'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { FinanceMonthView } from '@/lib/money/finance'
import { formatMoney } from '@/lib/money/currency'

// Revenue by month as bars (confirmed, with tentative on top) against people cost as lines. Focus the
// chart and use the arrow keys to read a month; the table below has every figure.

const colours = { revenue: '#047857', tentative: '#a7f3d0', cost: '#b91c1c', tentativeCost: '#f87171' }

export function FinanceChart({ months, currency, label }: { months: (FinanceMonthView & { label: string })[]; currency: string; label: string }) {
  const data = months.map((month) => ({
    month: month.label,
    revenue: month.revenue / 100,
    tentativeRevenue: month.tentativeRevenue / 100,
    cost: month.cost / 100,
    costWithTentative: (month.cost + month.tentativeCost) / 100,
  }))
  const money = (value: number) => formatMoney(Math.round(value * 100), currency)
  return (
    <figure aria-label={label} className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer title={label} desc="Focus the chart and use the left and right arrow keys to read each month. The table below has every figure.">
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11 }} width={80} tickFormatter={(value: number) => money(value).replace(/\.00$/, '')} />
          <Bar dataKey="revenue" name="Revenue (confirmed)" stackId="revenue" fill={colours.revenue} isAnimationActive={false} />
          <Bar dataKey="tentativeRevenue" name="Revenue (tentative)" stackId="revenue" fill={colours.tentative} isAnimationActive={false} />
          <Line type="monotone" dataKey="cost" name="Cost (confirmed)" stroke={colours.cost} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="costWithTentative" name="Cost with tentative" stroke={colours.tentativeCost} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
          <Tooltip formatter={(value, name) => [money(Number(value)), name]} />
          <Legend formatter={(value) => <span className="text-slate-800">{value}</span>} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  )
}
