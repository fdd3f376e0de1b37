import type { ReactNode } from 'react'

export interface Column {
  label: string
  /** Numbers read best right-aligned. */
  align?: 'right'
  /** A column whose header is for screen readers only (status badges, row actions). */
  srOnly?: boolean
  className?: string
}

const cellPadding = { list: 'px-4 py-2', compact: 'py-1 pr-4' }

/** The header row of every table: scoped column headers, one look per variant. */
export function TableHead({ columns, variant = 'compact' }: { columns: Column[]; variant?: 'list' | 'compact' }) {
  return (
    <thead className={variant === 'list' ? 'bg-slate-50 text-slate-700' : 'text-slate-700'}>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={`${cellPadding[variant]} font-medium ${column.align === 'right' ? 'text-right' : ''} ${column.className ?? ''}`}>
            {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/**
 * A full-width list table in a bordered, horizontally scrollable card. With `cards` (one `<li>` per
 * row), screens narrower than 1024 px get those stacked cards instead, so nothing scrolls sideways.
 */
export function ListTable({ caption, columns, children, cards }: { caption: string; columns: Column[]; children: ReactNode; cards?: ReactNode }) {
  return (
    <>
      {cards ? (
        <ul aria-label={caption} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm lg:hidden">
          {cards}
        </ul>
      ) : null}
      <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${cards ? 'hidden lg:block' : ''}`}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <TableHead variant="list" columns={columns} />
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </div>
    </>
  )
}
