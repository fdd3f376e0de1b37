import { pick, type Booking, type TimeOff } from '../dto'
import { addWeeks, periodLoads } from '../load/allocation'
import { formatDate } from '../format'
import type { PlannerUnit, PlannerZoom } from './schemas'

// The planner's arithmetic, shared by the server (the availability filter) and the grid in the
// browser (cells, zoom, the tentative toggle), so both say the same thing.

type Person = { bookings: Omit<Booking, 'projectId' | 'assignmentId' | 'clientId'>[]; timeOff: Pick<TimeOff, 'start' | 'end'>[] }

/** A person as the grid in the browser gets them: what its arithmetic and a row's bars need, no more. */
export interface PlannerRow {
  id: string
  name: string
  title: string | null
  practice: string | null
  location: string | null
  level: number | null
  /** Weekly hours, for cells in hours (null where the read does not hold them). */
  capacityHours: number | null
  bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[]
  timeOff: Pick<TimeOff, 'id' | 'kind' | 'start' | 'end'>[]
}

/**
 * The row the browser gets for the period on screen (`shown`: the first column's start to the last's
 * end): only the bookings and time off that touch it, since no cell outside it is drawn (the staffing
 * dialog reads the person's whole booking list itself). About half a year of a person's history and
 * plans stays on the server.
 */
export function toPlannerRow(person: PlannerRow, shown: { start: string; end: string }): PlannerRow {
  const touches = (span: { start: string; end?: string | null }) => span.start <= shown.end && (!span.end || span.end >= shown.start)
  return {
    ...pick(person, ['id', 'name', 'title', 'practice', 'location', 'level', 'capacityHours']),
    bookings: person.bookings.filter(touches).map((booking) => pick(booking, ['start', 'end', 'allocation', 'tentative'])),
    timeOff: person.timeOff.filter(touches).map((entry) => pick(entry, ['id', 'kind', 'start', 'end'])),
  }
}

export interface PlannerColumn {
  /** First and last day the column covers (inclusive). */
  start: string
  end: string
  /** "5 Jan" for a week, "Jan" for a month. */
  label: string
  /** The year, on the first column and where the year changes: headers never leave it to guess. */
  year: string | null
  /** For cell names: "week of 5 Jan 2027", "January 2027". */
  longLabel: string
  /** Monday-to-Friday days in the column: what a week's hours scale by. */
  workdays: number
}

export type Availability = 'free' | 'partly' | 'full' | 'over'

export interface PlannerCell {
  /** Percent booked, counting tentative work if asked to. */
  booked: number
  /** Of that, or beside it when not counted: percent booked tentatively. */
  tentative: number
  /** Percent of the period that is time off. */
  off: number
  /** 100 minus booked and off, never below 0. */
  free: number
  /** Booked and free hours (whole), when the person's weekly hours are known. */
  bookedHours: number | null
  freeHours: number | null
  availability: Availability
}

const DAY = 86_400_000
const day = (iso: string, offset: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10)

export const COLUMN_COUNT = 12

/** Twelve week columns from the Monday `from`, or twelve month columns from `from`'s month. */
export function plannerColumns(zoom: PlannerZoom, from: string): PlannerColumn[] {
  const columns = Array.from({ length: COLUMN_COUNT }, (_, i) => {
    if (zoom === 'weeks') {
      const start = addWeeks(from, i)
      return { start, end: day(start, 6), label: formatDate(start).replace(/ \d{4}$/, ''), longLabel: `week of ${formatDate(start)}` }
    }
    const [year, month] = from.split('-').map(Number)
    const first = new Date(Date.UTC(year, month - 1 + i, 1))
    const last = new Date(Date.UTC(year, month + i, 0))
    const monthName = (style: 'short' | 'long') => first.toLocaleDateString('en-GB', { month: style, timeZone: 'UTC' })
    return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10), label: monthName('short'), longLabel: `${monthName('long')} ${first.getUTCFullYear()}` }
  })
  return columns.map((column, i) => ({
    ...column,
    year: i === 0 || column.start.slice(0, 4) !== columns[i - 1].start.slice(0, 4) ? column.start.slice(0, 4) : null,
    workdays: workdaysIn(column.start, column.end),
  }))
}

/** Monday-to-Friday days from `start` to `end`, both included. */
export function workdaysIn(start: string, end: string): number {
  let count = 0
  for (let time = Date.parse(`${start}T00:00:00Z`), last = Date.parse(`${end}T00:00:00Z`); time <= last; time += DAY) {
    const weekday = new Date(time).getUTCDay()
    if (weekday !== 0 && weekday !== 6) count++
  }
  return count
}

/** Where the view after or before this one starts: four weeks on, or three months on. */
export function shiftPeriod(zoom: PlannerZoom, from: string, direction: 1 | -1): string {
  if (zoom === 'weeks') return addWeeks(from, 4 * direction)
  const [year, month] = from.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1 + 3 * direction, 1)).toISOString().slice(0, 10)
}

export function availabilityOf(used: number): Availability {
  if (used <= 0) return 'free'
  if (used < 100) return 'partly'
  if (used === 100) return 'full'
  return 'over'
}

export function plannerCell(person: Person & { capacityHours?: number | null }, column: Pick<PlannerColumn, 'start' | 'end'> & { workdays?: number }, includeTentative: boolean): PlannerCell {
  const load = periodLoads(person.bookings, column.start, column.end, person.timeOff)
  const booked = includeTentative ? load.total : load.confirmed
  const used = booked + load.off
  const free = Math.max(0, 100 - used)
  // A percent of the column's working days, at the person's weekly hours (a fifth of them a day).
  const hoursOf = (percent: number) => (person.capacityHours ? Math.round((percent * person.capacityHours * (column.workdays ?? workdaysIn(column.start, column.end))) / 500) : null)
  return { booked, tentative: load.total - load.confirmed, off: load.off, free, bookedHours: hoursOf(booked), freeHours: hoursOf(free), availability: availabilityOf(used) }
}

/** The least free capacity in any of `weeks` seven-day windows from `from` (the availability filter). */
export function freeOver(person: Person, need: { from: string; weeks: number; includeTentative: boolean }): number {
  let least = 100
  for (let i = 0; i < need.weeks; i++) {
    const start = day(need.from, i * 7)
    least = Math.min(least, plannerCell(person, { start, end: day(start, 6) }, need.includeTentative).free)
  }
  return least
}

/** "Ada Lovelace, week of 5 Jan 2027: 60% booked, 40% free": what a screen reader says of a cell. */
export function cellName(personName: string, column: PlannerColumn, cell: PlannerCell, includeTentative: boolean, unit: PlannerUnit = 'percent'): string {
  const parts = [unit === 'hours' && cell.bookedHours !== null ? `${cell.booked}% booked (${cell.bookedHours} hours, ${cell.freeHours} free)` : `${cell.booked}% booked`]
  if (cell.tentative) parts.push(includeTentative ? `${cell.tentative}% of it tentative` : `${cell.tentative}% more tentative, not counted`)
  if (cell.off) parts.push(`${cell.off}% time off`)
  parts.push(cell.availability === 'over' ? `over-allocated by ${cell.booked + cell.off - 100}%` : `${cell.free}% free`)
  return `${personName}, ${column.longLabel}: ${parts.join(', ')}`
}
