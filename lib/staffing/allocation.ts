import type { Booking as StoredBooking } from '../dto'

/** What allocation arithmetic needs of a booking (a stored one, or a proposal not yet saved). */
export type Booking = Pick<StoredBooking, 'projectId' | 'start' | 'end' | 'allocation' | 'tentative'>

// Allocation arithmetic over an employee's bookings. Weeks run Monday to Sunday; a booking that
// covers only some working days of a week counts in proportion (3 of 5 days at 50% adds 30%).

export interface WeekLoad {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string
  /** Percent of the week's capacity booked, rounded to a whole number. */
  total: number
}

const DAY = 86_400_000

function toDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY
}

function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}

export function mondayOf(isoDate: string): string {
  const day = toDay(isoDate)
  const weekday = (new Date(day * DAY).getUTCDay() + 6) % 7
  return fromDay(day - weekday)
}

export function addWeeks(isoDate: string, weeks: number): string {
  return fromDay(toDay(isoDate) + weeks * 7)
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** Working days (Mon–Fri) of the week starting `monday` that fall inside the booking. */
function workingDaysCovered(booking: Pick<Booking, 'start' | 'end'>, monday: number): number {
  const first = Math.max(monday, toDay(booking.start))
  const last = Math.min(monday + 4, booking.end ? toDay(booking.end) : Infinity)
  return Math.max(0, last - first + 1)
}

export function weeklyLoads(bookings: Booking[], fromMonday: string, weeks: number, options: { includeTentative?: boolean } = {}): WeekLoad[] {
  const includeTentative = options.includeTentative ?? true
  const counted = bookings.filter((booking) => includeTentative || !booking.tentative)
  return Array.from({ length: weeks }, (_, i) => {
    const monday = toDay(fromMonday) + i * 7
    const total = counted.reduce((sum, booking) => sum + (booking.allocation * workingDaysCovered(booking, monday)) / 5, 0)
    return { weekStart: fromDay(monday), total: Math.round(total) }
  })
}

/** Sum of allocations of the bookings running on `date` (what "this week" shows in lists). */
export function allocationOn(bookings: Omit<Booking, 'projectId'>[], date: string, options: { includeTentative?: boolean } = {}): number {
  const includeTentative = options.includeTentative ?? true
  return bookings
    .filter((booking) => includeTentative || !booking.tentative)
    .filter((booking) => booking.start <= date && (!booking.end || booking.end >= date))
    .reduce((sum, booking) => sum + booking.allocation, 0)
}

/** A week's load before and after a proposed change. */
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
  options: { replacingProjectId?: string; replacingStart?: string } = {},
): AllocationImpact {
  const others = bookings.filter((b) => !(options.replacingProjectId && b.projectId === options.replacingProjectId && b.start === options.replacingStart))
  const firstWeek = [mondayOf(proposal.start), mondayOf(today)].sort()[1]
  const lastDay = proposal.end ?? addWeeks(proposal.start, 52)
  const weeks = Math.floor((toDay(mondayOf(lastDay)) - toDay(firstWeek)) / 7) + 1
  if (weeks <= 0) return { alreadyOver: [], pushedOver: [] }
  const before = weeklyLoads(bookings, firstWeek, weeks)
  const after = weeklyLoads([...others, proposal], firstWeek, weeks)
  const changes = after.map((week, i) => ({ weekStart: week.weekStart, before: before[i].total, after: week.total }))
  return {
    alreadyOver: changes.filter((week) => week.before > 100 && week.after > 100),
    pushedOver: changes.filter((week) => week.before <= 100 && week.after > 100),
  }
}
