import type { Column } from '@/components/ui/table'

// One layout for every staffing list (a dashboard's project cards, their past assignments, the
// project page): a fixed grid of column widths, so that Person, Role, Allocation and Dates stand at
// the same place in every card of a dashboard whatever the names in it. Below the `sm` breakpoint
// (phones) each row stacks into a small card: person and status, role and allocation, then the
// dates and the actions, so nothing needs a sideways scroll. The cells stay table cells with their
// column headers (visually hidden there), so a screen reader reads the same table at every width.

/** The table: fixed column widths from the header row; a block of stacked rows on a phone. */
export const staffingTableClass = 'w-full table-fixed text-left text-sm max-sm:block max-sm:[&>tbody]:block max-sm:[&>thead]:sr-only'

/** The header row's columns; `actions` adds the row actions' column (the project page's Change and Remove). */
export function staffingColumns({ actions = false }: { actions?: boolean } = {}): Column[] {
  return [
    { label: 'Person', className: actions ? 'w-[20%]' : 'w-[26%]' },
    { label: 'Role', className: actions ? 'w-[18%]' : 'w-[26%]' },
    { label: 'Allocation', align: 'right', className: actions ? 'w-[10%]' : 'w-[12%]' },
    { label: 'Dates', className: actions ? 'w-[22%]' : 'w-[24%]' },
    { label: 'Status', className: 'w-[12%]' },
    ...(actions ? [{ label: 'Actions', srOnly: true, className: 'w-[18%]' }] : []),
  ]
}

/** Each cell's place: a column at `sm` and up, a slot of the row's small card below it. */
export const staffingCell = {
  row: 'max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:gap-y-0.5 max-sm:py-2.5',
  person: 'py-1.5 pr-4 align-top break-words max-sm:col-start-1 max-sm:row-start-1 max-sm:p-0 max-sm:font-medium',
  role: 'py-1.5 pr-4 align-top break-words max-sm:col-start-1 max-sm:row-start-2 max-sm:p-0',
  allocation: 'py-1.5 pr-4 align-top text-right tabular-nums max-sm:col-start-2 max-sm:row-start-2 max-sm:p-0',
  dates: 'py-1.5 pr-4 align-top max-sm:col-span-2 max-sm:row-start-3 max-sm:p-0 max-sm:text-slate-700',
  status: 'py-1.5 pr-2 align-top max-sm:col-start-2 max-sm:row-start-1 max-sm:p-0 max-sm:text-right',
  actions: 'py-0.5 align-top text-right max-sm:col-span-2 max-sm:row-start-4 max-sm:-ml-3 max-sm:p-0 max-sm:text-left',
}
