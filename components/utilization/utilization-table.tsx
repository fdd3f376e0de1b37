import type { UtilizationCell, UtilizationRow } from '@/lib/utilization/figures'
import { formatDate } from '@/lib/format'

const hours = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 })
const percent = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`)

function Cells({ cell }: { cell: UtilizationCell }) {
  return (
    <>
      <td className="px-2 py-1 text-right tabular-nums">{hours(cell.capacity)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{hours(cell.scheduled)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{hours(cell.billable)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{hours(cell.nonBillable)}</td>
      <td className="px-2 py-1 text-right tabular-nums">{hours(cell.unscheduled)}</td>
      <td className="px-2 py-1 text-right font-medium tabular-nums">{percent(cell.billablePercent)}</td>
    </>
  )
}

const head = ['Capacity h', 'Scheduled h', 'Billable h', 'Non-billable h', 'Unscheduled h', 'Billable %']

/** One row's periods, then its whole period. */
export function PeriodTable({ row, caption }: { row: UtilizationRow; caption: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways)`}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-2 py-1 font-medium">Period</th>
            {head.map((label) => (
              <th key={label} scope="col" className="px-2 py-1 text-right font-medium">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...row.periods, row.total].map((cell, index) => (
            <tr key={`${cell.label}-${index}`} className={`border-b border-slate-100 ${index === row.periods.length ? 'font-semibold' : ''}`}>
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {cell.label}
                {cell.from ? <span className="block text-xs text-slate-600">{formatDate(cell.from)} – {formatDate(cell.to)}</span> : null}
              </th>
              <Cells cell={cell} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Rows (practices, or people) over the whole period, each linked, with a people column and a total
 * row when given.
 */
function WholePeriodTable({ what, rows, linkOf, total }: { what: 'Practice' | 'Person'; rows: UtilizationRow[]; linkOf: (key: string) => string; total?: UtilizationRow }) {
  const people = what === 'Practice'
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Utilization by ${what.toLowerCase()} (scrolls sideways)`}>
      <table className="w-full text-sm">
        <caption className="sr-only">Utilization by {what.toLowerCase()} over the whole period</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-2 py-1 font-medium">{what}</th>
            {people ? <th scope="col" className="px-2 py-1 text-right font-medium">People</th> : null}
            {head.map((label) => (
              <th key={label} scope="col" className="px-2 py-1 text-right font-medium">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                <a className="text-indigo-700 underline-offset-2 hover:underline" href={linkOf(row.key)}>{row.name}</a>
              </th>
              {people ? <td className="px-2 py-1 text-right tabular-nums">{row.people}</td> : null}
              <Cells cell={row.total} />
            </tr>
          ))}
          {total ? (
            <tr className="font-semibold">
              <th scope="row" className="px-2 py-1 text-left">{total.name}</th>
              {people ? <td className="px-2 py-1 text-right tabular-nums">{total.people}</td> : null}
              <Cells cell={total.total} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}

/** Each practice's whole period, then the firm's. */
export function PracticeTable({ rows, firm, linkOf }: { rows: UtilizationRow[]; firm: UtilizationRow; linkOf: (key: string) => string }) {
  return <WholePeriodTable what="Practice" rows={rows} linkOf={linkOf} total={firm} />
}

/** Each person's whole period, linked to their page. */
export function PeopleTable({ rows }: { rows: UtilizationRow[] }) {
  return <WholePeriodTable what="Person" rows={rows} linkOf={(key) => `/employees/${key}`} />
}
