import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import { PageHeader, EmptyState } from '@/components/ui/page-header'
import { RateLinesForm } from '@/components/finance/rate-lines-form'
import { FinanceChart } from '@/components/finance/finance-chart'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { saveRateCardAction } from '@/lib/actions/finance'
import { getFinance } from '@/lib/finance/queries'
import { formatDate } from '@/lib/format'
import { formatMoney } from '@/lib/money/currency'
import { withRecording } from '@/lib/recording'
import { todayIso } from '@/lib/load/allocation'

export const metadata: Metadata = { title: 'Finance' }

const monthName = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
const percent = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`)

export default async function FinancePage() {
  const actor = await requireActor()
  if (!can(actor, 'see-money')) forbidden()
  const { result: finance, recording } = await withRecording(() => getFinance(actor))
  const card = finance.card
  const money = (minor: number) => formatMoney(minor, finance.currency)
  const today = todayIso()
  const months = finance.months.map((month) => ({ ...month, label: monthName(month.month) }))
  const empty = finance.months.every((month) => !month.revenue && !month.cost && !month.tentativeRevenue && !month.tentativeCost)
  return (
    <>
      <PageHeader
        title="Finance"
        description={`Revenue, people cost and margin by month for the next 12 months, in ${finance.currency}. Revenue is hours × rates for time and materials and the fee spread over its hours for fixed price; cost is hours × cost rates. Tentative work is shown apart.`}
      />
      {finance.stale ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some figures were derived last month and are being brought forward.
        </p>
      ) : null}
      {empty ? (
        <EmptyState title="No revenue or cost ahead">Staff people on priced projects, and their months appear here.</EmptyState>
      ) : (
        <>
          <section aria-labelledby="finance-chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="finance-chart-heading" className="text-lg font-semibold">
              Next 12 months: {money(finance.total.revenue)} revenue, {percent(finance.total.margin)} margin (confirmed)
            </h2>
            <p className="mb-2 text-sm text-slate-600">
              With tentative work: {money(finance.total.revenue + finance.total.tentativeRevenue)} revenue, {percent(finance.total.marginWithTentative)} margin.
            </p>
            <FinanceChart months={months} currency={finance.currency} label="Revenue and cost by month" />
          </section>
          <section aria-labelledby="finance-table-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="finance-table-heading" className="mb-3 text-lg font-semibold">Month by month</h2>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Revenue, cost and margin by month (scrolls sideways)">
              <table className="w-full text-sm">
                <caption className="sr-only">Revenue, cost and margin by month</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    {['Month', 'Revenue', 'Cost', 'Margin', 'Tentative revenue', 'Tentative cost', 'Margin with tentative'].map((label, index) => (
                      <th key={label} scope="col" className={`px-2 py-1 font-medium ${index ? 'text-right' : ''}`}>{label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...months, { ...finance.total, label: 'Next 12 months' }].map((month, index) => (
                    <tr key={month.label} className={`border-b border-slate-100 ${index === months.length ? 'font-semibold' : ''}`}>
                      <th scope="row" className="px-2 py-1 text-left font-normal">{month.label}</th>
                      <td className="px-2 py-1 text-right tabular-nums">{money(month.revenue)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{money(month.cost)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{percent(month.margin)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{money(month.tentativeRevenue)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{money(month.tentativeCost)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{percent(month.marginWithTentative)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <section aria-labelledby="risk-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="risk-heading" className="mb-3 text-lg font-semibold">Projects at risk of overrun ({finance.risks.count})</h2>
        {finance.risks.count === 0 ? (
          <p className="text-sm text-slate-600">No project’s confirmed work passes its budget.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {finance.risks.first.map((risk) => (
              <li key={risk.id}>
                <Link href={`/clients/${risk.c}/projects/${risk.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">{risk.n}</Link> ({risk.cn}): {risk.o < today ? 'budget ran out on' : 'budget runs out on'} {formatDate(risk.o)}
              </li>
            ))}
            {finance.risks.count > finance.risks.first.length ? <li className="text-slate-600">and {finance.risks.count - finance.risks.first.length} more, soonest first above</li> : null}
          </ul>
        )}
      </section>
      <section aria-labelledby="card-heading" className="mt-6 max-w-2xl rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="card-heading" className="mb-1 text-lg font-semibold">The firm’s rate card</h2>
        <p className="mb-3 text-sm text-slate-600">
          The charge-out rate per role title, matched to an assignment’s role (case and spacing aside). A project’s own rate for a role, and an assignment’s own rate, are
          over it. Saving reprices every assignment whose role changed, client by client.
        </p>
        <RateLinesForm job={{ kind: 'reprice-firm', targetId: 'rate-card', unit: 'clients' }} action={saveRateCardAction} label="Firm rate card" hidden={{ version: String(card.version) }} rates={card.rates} currency={card.currency} submitLabel="Save rate card" />
      </section>
      <UnderTheHood recording={recording} />
    </>
  )
}
