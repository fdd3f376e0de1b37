import Link from 'next/link'
import type { ClientMoney } from '@/lib/clients/figures'
import { formatDate } from '@/lib/format'
import { formatMoney } from '@/lib/money/currency'

/** The client's next four weeks in money, and the projects that will overrun (managers and admins). */
export function ClientMoneyPanel({ clientId, money }: { clientId: string; money: ClientMoney }) {
  const amount = (minor: number) => formatMoney(minor, money.currency)
  return (
    <section aria-labelledby="client-money-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="client-money-heading" className="text-lg font-semibold">Next four weeks</h2>
      <p className="mb-3 text-sm text-slate-600">
        {formatDate(money.from)} – {formatDate(money.to)}, confirmed work: billings are hours × rates (a fixed fee spread over its scheduled hours), costs are hours × cost rates.
      </p>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:text-center">
        <div>
          <dt className="text-sm text-slate-600">Billings</dt>
          <dd className="text-lg font-semibold tabular-nums">{amount(money.billings)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Costs</dt>
          <dd className="text-lg font-semibold tabular-nums">{amount(money.cost)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Margin</dt>
          <dd className="text-lg font-semibold tabular-nums">{money.margin === null ? '–' : `${money.margin}%`}</dd>
        </div>
      </dl>
      {money.overruns.length ? (
        <div role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">Will overrun their budget:</p>
          <ul className="list-disc pl-5">
            {money.overruns.map((overrun) => (
              <li key={overrun.projectId}>
                <Link className="underline" href={`/clients/${clientId}/projects/${overrun.projectId}`}>{overrun.name}</Link>: in the week of {formatDate(overrun.runsOutWeek)} (forecast{' '}
                {overrun.kind === 'hours' ? `${overrun.forecast} h of ${overrun.amount} h` : `${amount(overrun.forecast)} of ${amount(overrun.amount)}`})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
