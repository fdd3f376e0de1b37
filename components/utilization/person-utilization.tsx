import type { UtilizationRow } from '@/lib/utilization/figures'
import { PeriodTable } from './utilization-table'

/** A person's hours over their next weeks: capacity, scheduled, billable and non-billable (hours only, never money). */
export function PersonUtilization({ row }: { row: UtilizationRow }) {
  return (
    <section aria-labelledby="person-utilization-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="person-utilization-heading" className="text-lg font-semibold">Utilization</h2>
      <p className="mb-3 text-sm text-slate-600">
        {row.total.billablePercent === null ? 'No capacity' : `${row.total.billablePercent}% billable`} over the next {row.periods.length} weeks, tentative work included: hours on
        billable projects against weekly hours less time off.
      </p>
      <PeriodTable row={row} caption="Utilization over the next weeks" />
    </section>
  )
}
