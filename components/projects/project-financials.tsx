import type { ProjectDetail } from '@/lib/dto'
import { formatDate } from '@/lib/format'
import { formatMoney, formatRate } from '@/lib/money/currency'
import { pricingLabels } from '@/lib/projects/schemas'

const hours = (value: number) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} h`
const percent = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`)

/** One figure with the sentence that says how it was computed (Runn's "detailed" view). */
function Figure({ label, value, how, tone }: { label: string; value: string; how: string; tone?: 'bad' | 'good' }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${tone === 'bad' ? 'text-red-700' : tone === 'good' ? 'text-emerald-800' : ''}`}>{value}</dd>
      <dd className="mt-1 text-xs text-slate-600">{how}</dd>
    </div>
  )
}

/** A project's money for managers and admins: revenue, costs, margin and budget, each with how it is computed. */
export function ProjectFinancials({ project, currency }: { project: ProjectDetail; currency: string }) {
  const f = project.financials
  if (!f) return null
  const money = (minor: number) => formatMoney(minor, currency)
  const until = formatDate(f.forecastUntil)
  const figures: { label: string; value: string; how: string; tone?: 'bad' | 'good' }[] = []
  const costHow = (period: 'to date' | 'forecast') =>
    period === 'to date'
      ? `${hours(f.toDate.hours)} of confirmed work up to today × each person’s cost rate`
      : `${hours(f.forecast.hours)} of confirmed work to ${until} × each person’s cost rate`
  if (f.pricing === 'time_and_materials') {
    figures.push(
      { label: 'Revenue to date', value: money(f.revenue.toDate), how: `${hours(f.toDate.hours)} of confirmed work up to today × the rate each assignment charges` },
      { label: 'Revenue forecast', value: money(f.revenue.forecast), how: `${hours(f.forecast.hours)} scheduled (confirmed) to ${until} × rates` },
    )
  } else if (f.pricing === 'fixed_price') {
    figures.push(
      { label: 'Fee', value: money(f.revenue.forecast), how: 'The fixed fee: the project’s money budget' },
      {
        label: 'Effective rate',
        value: f.effectiveRate === null ? '–' : formatRate(f.effectiveRate, currency),
        how: `The fee ÷ ${hours(f.forecast.hours)} scheduled (confirmed) to ${until}`,
      },
    )
  }
  figures.push(
    { label: 'People cost to date', value: money(f.toDate.cost), how: costHow('to date') },
    { label: 'People cost forecast', value: money(f.forecast.cost), how: costHow('forecast') },
  )
  if (f.pricing !== 'non_billable') {
    figures.push(
      { label: 'Profit (forecast)', value: money(f.profit), how: `${f.pricing === 'fixed_price' ? 'The fee' : 'Revenue forecast'} − people cost forecast`, tone: f.profit < 0 ? 'bad' : undefined },
      { label: 'Margin (forecast)', value: percent(f.margin), how: 'Profit ÷ revenue', tone: f.margin !== null && f.margin < 0 ? 'bad' : undefined },
    )
  }
  const budget = f.budget
  const amount = (value: number) => (budget?.kind === 'hours' ? hours(value) : money(value))
  const consumption = budget?.kind === 'hours' ? 'confirmed hours' : f.pricing === 'non_billable' ? 'confirmed hours × cost rates' : 'confirmed hours × rates'
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {pricingLabels[f.pricing]}
        {f.pricing === 'non_billable' ? ': counts in allocation and costs, not in revenue or billable utilization.' : '.'} Figures in {currency}; each assignment’s hours are
        its person’s weekly hours × allocation on working days they are not off, rounded once per assignment to the cent.
      </p>
      {budget ? (
        <div role={budget.runsOutOn ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${budget.runsOutOn ? 'border-red-300 bg-red-50 text-red-900' : 'border-emerald-200 bg-emerald-50 text-emerald-900'}`}>
          {budget.runsOutOn
            ? `Will overrun its budget in the week of ${formatDate(budget.runsOutWeek!)}: ${consumption} pass ${amount(budget.amount)} on ${formatDate(budget.runsOutOn)}, and reach ${amount(budget.forecast)} by ${until}.`
            : `Within budget: ${consumption} reach ${amount(budget.forecast)} of ${amount(budget.amount)} by ${until}.`}
        </div>
      ) : null}
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {figures.map((figure) => (
          <Figure key={figure.label} {...figure} />
        ))}
        {budget ? (
          <>
            <Figure label="Budget used" value={amount(budget.used)} how={`${consumption} up to today, of ${amount(budget.amount)}`} />
            <Figure label="Budget remaining" value={amount(budget.remaining)} how="The budget − what is used" tone={budget.remaining < 0 ? 'bad' : undefined} />
          </>
        ) : null}
      </dl>
      {f.tentative.hours > 0 ? (
        <p className="text-sm text-slate-700">
          Tentative work, not counted above: {hours(f.tentative.hours)}, {money(f.tentative.billable)} at rates, {money(f.tentative.cost)} cost.
        </p>
      ) : null}
      {f.unpriced > 0 ? <p className="text-sm text-amber-800">{f.unpriced} assignment(s) are still being priced and count nothing yet; reload in a moment.</p> : null}
    </div>
  )
}
