import { formatDate } from '../format'
import { mondayOf, usedOf, weeklyLoads, type Booking, type TimeOffSpan } from '../load/allocation'

/** How far ahead the employee list looks: six weeks, this one first. */
export const availabilityWeeks = 6

/** Free-for filters on the employee list: at least half free in each of the next N weeks. */
export const freeForOptions = [2, 4, 6] as const
export const freeThreshold = 50

export interface WeekAvailability {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string
  /** Percent of the week's capacity neither booked nor off: 0 when full or over. */
  free: number
  state: 'free' | 'partly' | 'full' | 'over' | 'off'
}

export interface Availability {
  weeks: WeekAvailability[]
  /** The weeks in a few words: "free 40% · 3 wks", "full · free 50% from 4 May 2026". */
  summary: string
}

/**
 * A person's free capacity week by week from this week on, from the bookings and time off their own
 * item carries (the list reads nothing more for it). Tentative work counts as booked, as the planner's
 * default does.
 */
export function availabilityOf(person: { bookings: Booking[]; timeOff: TimeOffSpan[] }, today: string, weeks = availabilityWeeks): Availability {
  const loads = weeklyLoads(person.bookings, mondayOf(today), weeks, { timeOff: person.timeOff })
  const cells = loads.map((load): WeekAvailability => {
    const used = usedOf(load)
    const free = Math.max(0, 100 - used)
    const state = load.off >= 100 ? 'off' : used > 100 ? 'over' : free === 100 ? 'free' : free > 0 ? 'partly' : 'full'
    return { weekStart: load.weekStart, free, state }
  })
  return { weeks: cells, summary: summaryOf(cells) }
}

function summaryOf(weeks: WeekAvailability[]): string {
  const run = weeks.findIndex((week) => week.free === 0)
  const plural = (n: number) => `${n} wk${n === 1 ? '' : 's'}`
  if (run !== 0) {
    const length = run < 0 ? weeks.length : run
    const least = Math.min(...weeks.slice(0, length).map((week) => week.free))
    return `free ${least}% · ${run < 0 ? `${length}+ wks` : plural(length)}`
  }
  const now = weeks[0].state === 'over' ? 'over-allocated' : weeks[0].state === 'off' ? 'away' : 'full'
  const next = weeks.find((week) => week.free > 0)
  return next ? `${now} · free ${next.free}% from ${formatDate(next.weekStart)}` : `${now} · nothing free in ${weeks.length} wks`
}

/** Whether the person has at least half their time free in each of the next `weeks` weeks. */
export function isFreeFor(availability: Availability, weeks: number): boolean {
  return availability.weeks.slice(0, weeks).every((week) => week.free >= freeThreshold)
}

/** The list's `free` filter from the address: one of the offered week counts, or none (anything else is ignored). */
export function parseFreeFor(value: string | undefined): number | undefined {
  return freeForOptions.find((option) => String(option) === value)
}
