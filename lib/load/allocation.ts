import type { Booking as StoredBooking } from '../dto'

/** What allocation arithmetic needs of a booking (a stored one, or a proposal not yet saved). */
export type Booking = Pick<StoredBooking, 'projectId' | 'start' | 'end' | 'allocation' | 'tentative'>

/** A stretch of time off (inclusive dates): no capacity on those days. */
export interface TimeOffSpan {
  start: string
  end: string
}

// Allocation arithmetic over an employee's bookings. Weeks run Monday to Sunday; a booking that
// covers only some working days of a week counts in proportion (3 of 5 days at 50% adds 30%).

export interface WeekLoad {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string
  /** Percent of the week's capacity booked, rounded to a whole number. Days off count no booking. */
  total: number
  /** Percent of the week's capacity that is time off (each working day off is 20%). */
  off: number
}

/** Booked plus time off: above 100 is over-allocated, and 100 minus it is what is free. */
export function usedOf(week: Pick<WeekLoad, 'total' | 'off'>): number {
  return week.total + week.off
}

const DAY = 86_400_000

// Day numbers (days since 1970-01-01) of ISO dates, and back. The planner, the capacity digests and
// the overview ask for the same few hundred dates thousands of times a request, and every `Date`
// made inside Next.js goes through its wrapper: the answers are kept, up to a bound, so that each
// date is parsed once per process. `Date.parse` stays the one definition of what a date is.
const MEMO_LIMIT = 20_000
const dayOfDate = new Map<string, number>()
const dateOfDay = new Map<number, string>()

function remembered<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
  const known = memo.get(key)
  if (known !== undefined) return known
  if (memo.size >= MEMO_LIMIT) memo.clear()
  const value = compute(key)
  memo.set(key, value)
  return value
}

export function toDay(isoDate: string): number {
  return remembered(dayOfDate, isoDate, (date) => Date.parse(`${date}T00:00:00Z`) / DAY)
}

export function fromDay(day: number): string {
  return remembered(dateOfDay, day, (n) => new Date(n * DAY).toISOString().slice(0, 10))
}

/** Monday 0 … Sunday 6 of a day number: 1 January 1970 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}

export function mondayOf(isoDate: string): string {
  const day = toDay(isoDate)
  return fromDay(day - weekdayOf(day))
}

export function addWeeks(isoDate: string, weeks: number): string {
  return fromDay(toDay(isoDate) + weeks * 7)
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

function isOffOnDay(timeOff: TimeOffSpan[], day: number): boolean {
  return timeOff.some((span) => toDay(span.start) <= day && day <= toDay(span.end))
}

/** Whether `date` falls in any stretch of time off. */
export function isOffOn(timeOff: TimeOffSpan[] | undefined, date: string): boolean {
  return isOffOnDay(timeOff ?? [], toDay(date))
}

/**
 * Each week's booked and time-off percentages. A booking counts only on working days that are not
 * time off (a person on holiday is not working on their project), so a week half off at 100% booked
 * is 50% booked and 50% off: full, not over.
 */
export function weeklyLoads(bookings: Booking[], fromMonday: string, weeks: number, options: { includeTentative?: boolean; timeOff?: TimeOffSpan[] } = {}): WeekLoad[] {
  return Array.from({ length: weeks }, (_, i) => {
    const monday = addWeeks(fromMonday, i)
    return { weekStart: monday, ...periodLoad(bookings, monday, fromDay(toDay(monday) + 4), options) }
  })
}

/**
 * Booked and time-off percentages over the working days (Monday to Friday) from `start` to `end`
 * inclusive: a week's figures, or a month's (the planner's year view). Same rules as the weeks.
 */
export function periodLoad(bookings: Omit<Booking, 'projectId'>[], start: string, end: string, options: { includeTentative?: boolean; timeOff?: TimeOffSpan[] } = {}): { total: number; off: number } {
  const load = periodLoads(bookings, start, end, options.timeOff ?? [])
  return { total: (options.includeTentative ?? true) ? load.total : load.confirmed, off: load.off }
}

/**
 * `periodLoad` with and without tentative work, in one pass over the days: `total` counts tentative
 * bookings, `confirmed` does not; `billable` and `billableConfirmed` the same of billable work only.
 */
export function periodLoads(
  bookings: (Omit<Booking, 'projectId'> & { billable?: boolean })[],
  start: string,
  end: string,
  timeOff: TimeOffSpan[] = [],
): { total: number; confirmed: number; billable: number; billableConfirmed: number; off: number } {
  const spans = timeOff.map((span) => [toDay(span.start), toDay(span.end)])
  const running = bookings.map((booking) => ({
    from: toDay(booking.start),
    to: booking.end ? toDay(booking.end) : Infinity,
    allocation: booking.allocation,
    tentative: booking.tentative,
    billable: booking.billable !== false,
  }))
  let workingDays = 0
  let daysOff = 0
  let booked = 0
  let bookedConfirmed = 0
  let billable = 0
  let billableConfirmed = 0
  for (let day = toDay(start), last = toDay(end); day <= last; day++) {
    if (weekdayOf(day) >= 5) continue
    workingDays++
    if (spans.some(([from, to]) => from <= day && day <= to)) {
      daysOff++
      continue
    }
    for (const booking of running) {
      if (!(booking.from <= day && day <= booking.to)) continue
      booked += booking.allocation
      if (!booking.tentative) bookedConfirmed += booking.allocation
      if (booking.billable) {
        billable += booking.allocation
        if (!booking.tentative) billableConfirmed += booking.allocation
      }
    }
  }
  if (workingDays === 0) return { total: 0, confirmed: 0, billable: 0, billableConfirmed: 0, off: 0 }
  const percent = (sum: number) => Math.round(sum / workingDays)
  return { total: percent(booked), confirmed: percent(bookedConfirmed), billable: percent(billable), billableConfirmed: percent(billableConfirmed), off: Math.round((daysOff * 100) / workingDays) }
}

/** Sum of allocations of the bookings running on `date` (what "this week" shows in lists); 0 on a day off. */
export function allocationOn(bookings: Omit<Booking, 'projectId'>[], date: string, options: { includeTentative?: boolean; timeOff?: TimeOffSpan[] } = {}): number {
  const includeTentative = options.includeTentative ?? true
  if (isOffOn(options.timeOff, date)) return 0
  return bookings
    .filter((booking) => includeTentative || !booking.tentative)
    .filter((booking) => booking.start <= date && (!booking.end || booking.end >= date))
    .reduce((sum, booking) => sum + booking.allocation, 0)
}

/** A week's load (booked plus time off) before and after a proposed change. */
export interface WeekChange {
  weekStart: string
  before: number
  after: number
}

export interface AllocationImpact {
  /** Weeks above 100% whatever happens to this booking: the person was booked over already. */
  alreadyOver: WeekChange[]
  /** Weeks at or under 100% now that this change takes above it. */
  pushedOver: WeekChange[]
}

/**
 * What a proposed booking (new, or replacing one of the person's bookings) does to the weeks it
 * covers, from the week of `today` on: past weeks are history, not a warning. Open-ended proposals
 * are checked for a year from their start.
 */
export function allocationImpact(
  bookings: Booking[],
  proposal: Booking,
  today: string,
  options: { replacingProjectId?: string; replacingStart?: string; timeOff?: TimeOffSpan[] } = {},
): AllocationImpact {
  const others = bookings.filter((b) => !(options.replacingProjectId && b.projectId === options.replacingProjectId && b.start === options.replacingStart))
  const firstWeek = [mondayOf(proposal.start), mondayOf(today)].sort()[1]
  const lastDay = proposal.end ?? addWeeks(proposal.start, 52)
  const weeks = Math.floor((toDay(mondayOf(lastDay)) - toDay(firstWeek)) / 7) + 1
  if (weeks <= 0) return { alreadyOver: [], pushedOver: [] }
  const before = weeklyLoads(bookings, firstWeek, weeks, { timeOff: options.timeOff })
  const after = weeklyLoads([...others, proposal], firstWeek, weeks, { timeOff: options.timeOff })
  const changes = after.map((week, i) => ({ weekStart: week.weekStart, before: usedOf(before[i]), after: usedOf(week) }))
  return {
    alreadyOver: changes.filter((week) => week.before > 100 && week.after > 100),
    pushedOver: changes.filter((week) => week.before <= 100 && week.after > 100),
  }
}
