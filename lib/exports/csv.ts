import { stringify as stringifyCsv } from 'csv-stringify/sync'
import { authorize, type Actor } from '../authorization'
import { listClients } from '../clients/queries'
import { assembleProjects, queryClientPartition } from '../clients/partition'
import { getUtilization } from '../utilization/queries'
import { getCapacity } from '../capacity/queries'
import { demandOf, deficitOf, totalWeeks } from '../digests/capacity-figures'
import { AppError } from '../errors'
import { addWeeks, mondayOf, todayIso } from '../load/allocation'
import { parseInput } from '../validation'
import { capacityExportInput, staffingExportInput } from './schemas'

// CSV exports (csv-stringify writes the quoting). The staffing plan is streamed: one client at a
// time, so memory stays flat whatever the firm's size; the capacity figures are one request.

// A cell that starts like a formula would run as one in a spreadsheet: it is written as text.
const stringify = (rows: (string | number)[][]) => stringifyCsv(rows, { cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) } })

export const staffingPlanColumns = ['Type', 'Person', 'Practice', 'Client', 'Project', 'Role', 'Allocation %', 'Start', 'End', 'Status'] as const

export interface StaffingExport {
  from: string
  to: string
  /** CSV text in chunks: the header, then each client's rows. */
  chunks: AsyncGenerator<string>
}

const overlaps = (start: string, end: string | null, from: string, to: string) => start <= to && (!end || end >= from)

/**
 * The staffing plan over a period: every assignment and every unfilled role that overlaps it, client
 * by client (the client list by name, then one Query per client's partition, as the dashboard reads
 * it). Validates before the first byte, so a bad period is a 400 with the field, never half a file.
 */
export function exportStaffingPlan(actor: Actor | null, input: unknown): StaffingExport {
  authorize(actor, 'read')
  const period = parseInput(staffingExportInput, input, 'export period')
  const from = period.from ?? todayIso()
  const to = period.to ?? addWeeks(mondayOf(from), 26)
  async function* chunks(): AsyncGenerator<string> {
    yield stringify([[...staffingPlanColumns]])
    let cursor: string | undefined
    do {
      const page = await listClients(actor, { limit: 100, cursor })
      for (const client of page.items) {
        const projects = assembleProjects(await queryClientPartition(client.id))
        const rows: (string | number)[][] = []
        for (const project of projects) {
          for (const a of project.assignments) {
            if (overlaps(a.startDate, a.endDate, from, to)) rows.push(['assignment', a.employeeName, '', a.clientName, a.projectName, a.role, a.allocation, a.startDate, a.endDate ?? '', a.status])
          }
          for (const r of project.roles) {
            if (overlaps(r.startDate, r.endDate, from, to)) rows.push(['unfilled role', '', r.practice, r.clientName, r.projectName, r.role, r.allocation, r.startDate, r.endDate, r.status])
          }
        }
        if (rows.length) yield stringify(rows)
      }
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  }
  return { from, to, chunks: chunks() }
}

export const capacityColumns = ['Practice', 'Week of', 'People', 'Capacity h', 'Confirmed h', 'Tentative h', 'Unfilled h', 'Unfilled tentative h', 'Demand h', 'Deficit h'] as const

/** The capacity figures as CSV: every practice's 26 weeks (or one practice's), demand counting tentative work as asked. */
export async function exportCapacity(actor: Actor | null, input: unknown): Promise<string> {
  const options = parseInput(capacityExportInput, input, 'export')
  const view = await getCapacity(actor)
  const includeTentative = options.tentative !== 'ignore'
  const practices = options.practice ? view.practices.filter((practice) => practice.key === options.practice) : view.practices
  if (options.practice && practices.length === 0) throw new AppError('invalid:export', `No practice "${options.practice}".`, { practice: ['No such practice'] })
  const rows: (string | number)[][] = []
  const add = (name: string, people: number, weeks: typeof view.practices[number]['weeks']) => {
    for (const week of weeks) {
      rows.push([name, week.weekStart, people, week.capacity, week.confirmed, week.tentative, week.unfilled, week.unfilledTentative, demandOf(week, includeTentative), deficitOf(week, includeTentative)])
    }
  }
  for (const practice of practices) add(practice.name, practice.people, practice.weeks)
  if (!options.practice && practices.length > 1) add('All practices', practices.reduce((sum, p) => sum + p.people, 0), totalWeeks(practices, view.weeks))
  return stringify([[...capacityColumns], ...rows])
}

export const utilizationColumns = ['Practice', 'Period', 'From', 'To', 'Weeks', 'People', 'Capacity h', 'Scheduled h', 'Billable h', 'Non-billable h', 'Unscheduled h', 'Billable %'] as const

/** `/utilization` as CSV: each period of the firm and of every practice (or of one), then each one's whole period. */
export async function exportUtilization(actor: Actor | null, input: unknown): Promise<string> {
  const view = await getUtilization(actor, input)
  const rows = [view.firm, ...view.practices].filter((row) => !view.practice || row.key === '' || row.key === view.practice)
  const lines: (string | number)[][] = []
  for (const row of rows) {
    for (const cell of [...row.periods, row.total]) {
      lines.push([row.name, cell.label, cell.from, cell.to, cell.weeks, row.people, cell.capacity, cell.scheduled, cell.billable, cell.nonBillable, cell.unscheduled, cell.billablePercent ?? ''])
    }
  }
  return stringify([[...utilizationColumns], ...lines])
}
