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

/** Each practice's whole period, then the firm's. */
export function PracticeTable({ rows, firm, linkOf }: { rows: UtilizationRow[]; firm: UtilizationRow; linkOf: (key: string) => string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Utilization by practice (scrolls sideways)">
      <table className="w-full text-sm">
        <caption className="sr-only">Utilization by practice over the whole period</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-2 py-1 font-medium">Practice</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">People</th>
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
              <td className="px-2 py-1 text-right tabular-nums">{row.people}</td>
              <Cells cell={row.total} />
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="px-2 py-1 text-left">{firm.name}</th>
            <td className="px-2 py-1 text-right tabular-nums">{firm.people}</td>
            <Cells cell={firm.total} />
          </tr>
        </tbody>
      </table>
    </div>
  )
}

/** Each person's whole period, linked to their page. */
export function PeopleTable({ rows }: { rows: UtilizationRow[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Utilization by person (scrolls sideways)">
      <table className="w-full text-sm">
        <caption className="sr-only">Utilization by person over the whole period</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-2 py-1 font-medium">Person</th>
            {head.map((label) => (
              <th key={label} scope="col" className="px-2 py-1 text-right font-medium">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                <a className="text-indigo-700 underline-offset-2 hover:underline" href={`/employees/${row.key}`}>{row.name}</a>
              </th>
              <Cells cell={row.total} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
