import { CAPACITY_WEEKS, personCapacityEntry, personWeek, totalWeeks, type CapacityView, type CapacityWeek } from '../digests/capacity-figures'
import { parseLoadSpans } from '../load/load-spans'

type PersonSource = Parameters<typeof personCapacityEntry>[0]
import { addWeeks, fromDay, mondayOf, toDay } from '../load/allocation'
import type { UtilizationPeriod } from './schemas'

// Utilization from the capacity digests' weekly hours, per practice and for the firm: capacity (weekly
// hours less time off), scheduled (booked work), billable (booked on billable projects), non-billable
// (the rest: internal and pre-sales work), unscheduled (capacity not booked), and billable utilization
// = billable ÷ capacity. A week belongs to the month (or period) its Thursday falls in, the ISO rule,
// so weeks are never split. Figures cover the weeks the digests hold: this week and the next 25.

export interface UtilizationCell {
  label: string
  /** Monday of the first week and Sunday of the last. */
  from: string
  to: string
  weeks: number
  capacity: number
  scheduled: number
  billable: number
  nonBillable: number
  unscheduled: number
  /** Billable ÷ capacity, per cent to a tenth (null without capacity). */
  billablePercent: number | null
  /** Scheduled ÷ capacity (null without capacity). */
  scheduledPercent: number | null
}

export interface UtilizationRow {
  key: string
  name: string
  people: number
  periods: UtilizationCell[]
  total: UtilizationCell
}

export interface UtilizationView {
  from: string
  to: string
  grain: 'week' | 'month'
  includeTentative: boolean
  /** The firm, and each practice. */
  firm: UtilizationRow
  practices: UtilizationRow[]
  /** Weeks of the period the digests do not hold (before this week, or past the 26th). */
  uncovered: number
}

const thursday = (monday: string) => fromDay(toDay(monday) + 3)
const sunday = (monday: string) => fromDay(toDay(monday) + 6)
const tenth = (value: number) => Math.round(value * 10) / 10
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null)

/** The dates a named period covers, from `today`. */
export function periodRange(period: UtilizationPeriod, today: string, custom: { from?: string; to?: string } = {}): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number)
  const firstOf = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10)
  const lastOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  switch (period) {
    case 'this-month':
      return { from: firstOf(year, month), to: lastOf(year, month) }
    case 'next-month':
      return { from: firstOf(year, month + 1), to: lastOf(year, month + 1) }
    case 'next-quarter': {
      const quarterStart = Math.floor((month - 1) / 3) * 3 + 4
      return { from: firstOf(year, quarterStart), to: lastOf(year, quarterStart + 2) }
    }
    case 'next-26-weeks':
      return { from: mondayOf(today), to: sunday(addWeeks(mondayOf(today), 25)) }
    case 'custom':
      return { from: custom.from ?? today, to: custom.to ?? today }
  }
}

const monthLabel = (date: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
const weekLabel = (monday: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${monday}T00:00:00Z`))

function cellOf(label: string, weeks: CapacityWeek[], includeTentative: boolean): UtilizationCell {
  const sum = (pick: (week: CapacityWeek) => number) => tenth(weeks.reduce((total, week) => total + pick(week), 0))
  const capacity = sum((week) => week.capacity)
  const scheduled = sum((week) => week.confirmed + (includeTentative ? week.tentative : 0))
  const billable = sum((week) => week.billable + (includeTentative ? week.billableTentative : 0))
  return {
    label,
    from: weeks[0]?.weekStart ?? '',
    to: weeks.length ? sunday(weeks.at(-1)!.weekStart) : '',
    weeks: weeks.length,
    capacity,
    scheduled,
    billable,
    nonBillable: tenth(scheduled - billable),
    unscheduled: tenth(Math.max(0, capacity - scheduled)),
    billablePercent: percent(billable, capacity),
    scheduledPercent: percent(scheduled, capacity),
  }
}

/** Of the weeks held (`mondays`), those of the range (by their Thursday), grouped by week or month; and how many of the range's weeks are not held. */
function periodsOf(mondays: string[], range: { from: string; to: string }, grain: 'week' | 'month') {
  const indexes = mondays.flatMap((monday, i) => (thursday(monday) >= range.from && thursday(monday) <= range.to ? [i] : []))
  // Mondays whose Thursday is in the range, counted from the range itself: those not held.
  let wanted = 0
  for (let monday = mondayOf(range.from); thursday(monday) <= range.to; monday = addWeeks(monday, 1)) if (thursday(monday) >= range.from) wanted++
  const groups: { label: string; indexes: number[] }[] = []
  for (const i of indexes) {
    const label = grain === 'week' ? weekLabel(mondays[i]) : monthLabel(thursday(mondays[i]))
    const last = groups.at(-1)
    if (last && last.label === label) last.indexes.push(i)
    else groups.push({ label, indexes: [i] })
  }
  const rowOf = (key: string, name: string, people: number, weeks: CapacityWeek[], includeTentative: boolean): UtilizationRow => ({
    key,
    name,
    people,
    periods: groups.map((group) => cellOf(group.label, group.indexes.map((i) => weeks[i]), includeTentative)),
    total: cellOf('Whole period', indexes.map((i) => weeks[i]), includeTentative),
  })
  return { rowOf, uncovered: Math.max(0, wanted - indexes.length) }
}

/** The period's weeks (by their Thursday), grouped by week or month, for the firm and each practice. */
export function utilizationOf(view: CapacityView, range: { from: string; to: string }, grain: 'week' | 'month', includeTentative: boolean): UtilizationView {
  const periods = periodsOf(view.weeks, range, grain)
  const rowOf = (key: string, name: string, people: number, weeks: CapacityWeek[]) => periods.rowOf(key, name, people, weeks, includeTentative)
  return {
    from: range.from,
    to: range.to,
    grain,
    includeTentative,
    firm: rowOf('', 'Whole firm', view.practices.reduce((sum, practice) => sum + practice.people, 0), totalWeeks(view.practices, view.weeks)),
    practices: view.practices.map((practice) => rowOf(practice.key, practice.name, practice.people, practice.weeks)),
    uncovered: periods.uncovered,
  }
}

/** Weeks a person's own figures cover, from this one: the same span as the digests'. */
export const PERSON_WEEKS = CAPACITY_WEEKS

type PersonInput = { id?: string; name?: string; practice: string; capacityHours: number; bookings: PersonSource['bookings']; timeOff: PersonSource['timeOff'] }

/** A person's weeks from this one, as the capacity digests count them (bookings, billable or not, and time off). */
function personWeeks(person: PersonInput, today: string, weeks: number): CapacityWeek[] {
  const entry = personCapacityEntry(person, today)
  const parsed = parseLoadSpans(entry.s)
  return Array.from({ length: weeks }, (_, i) => addWeeks(mondayOf(today), i)).map((weekStart) => ({ weekStart, unfilled: 0, unfilledTentative: 0, ...personWeek(entry, weekStart, parsed) }))
}

/** A person's row over a period, by week or month (the people view of /utilization). */
export function personUtilizationRow(person: PersonInput, range: { from: string; to: string }, grain: 'week' | 'month', includeTentative: boolean, today: string): UtilizationRow & { uncovered: number } {
  const weeks = personWeeks(person, today, PERSON_WEEKS)
  const periods = periodsOf(weeks.map((week) => week.weekStart), range, grain)
  return { ...periods.rowOf(person.id ?? 'person', person.name ?? '', 1, weeks, includeTentative), uncovered: periods.uncovered }
}

/** A person's next weeks (their own page): tentative work included. */
export function personUtilization(person: PersonInput, today: string, weeks = 8): UtilizationRow {
  const figures = personWeeks(person, today, weeks)
  return { key: 'person', name: 'Next weeks', people: 1, periods: figures.map((week) => cellOf(weekLabel(week.weekStart), [week], true)), total: cellOf(`Next ${weeks} weeks`, figures, true) }
}
