import { STANDARD_WEEK_HOURS, type CapacityView, type CapacityWeek } from '../digests/capacity-figures'

// The hours an unfilled role counts. The digests count a role at its allocation of a 40-hour week
// (STANDARD_WEEK_HOURS: nobody's hours are known when it is written, and a shard does not know the
// practice's other people). The screens count it at the hours of the people who would fill it: the
// practice's weekly hours per person, taken from its fullest week shown (capacity is weekly hours
// less time off, so the fullest week is the nearest to everyone's full hours). A practice with
// nobody in it yet counts the firm's typical week, the same figure over every practice; with
// nobody in the firm, the standard week.

type Practice = { people: number; weeks: CapacityWeek[] }

/** What /capacity and its JSON show: the digests' figures, unfilled roles at their practice's hours. */
export interface CapacityScreen extends CapacityView {
  practices: (CapacityView['practices'][number] & { /** The week its unfilled roles count their allocation of. */ roleWeekHours: number })[]
  /** The firm's typical week, counted by a practice with nobody in it. */
  firmWeekHours: number
}

const tenth = (hours: number) => Math.round(hours * 10) / 10

/** A practice's weekly hours per person (from its fullest week), or null when it has nobody. */
export function practiceWeekHours(practice: Practice): number | null {
  if (practice.people <= 0) return null
  return tenth(Math.max(0, ...practice.weeks.map((week) => week.capacity)) / practice.people)
}

/** The firm's typical week: every practice's fullest week added up, per person; the standard week when nobody is in it. */
export function firmWeekHours(practices: Practice[]): number {
  const people = practices.reduce((sum, practice) => sum + Math.max(0, practice.people), 0)
  if (people === 0) return STANDARD_WEEK_HOURS
  return tenth(practices.reduce((sum, practice) => sum + (practice.people > 0 ? Math.max(0, ...practice.weeks.map((week) => week.capacity)) : 0), 0) / people)
}

/** The week an unfilled role of this practice counts its allocation of. */
export function unfilledRoleWeekHours(practice: Practice, firm: number): number {
  return practiceWeekHours(practice) || firm
}

/**
 * The view with each practice's unfilled demand (confirmed and tentative) counted at its
 * `unfilledRoleWeekHours` instead of the digests' standard week, and that week on each practice.
 */
export function withUnfilledAtPracticeHours(view: CapacityView): CapacityScreen {
  const firm = firmWeekHours(view.practices)
  const practices = view.practices.map((practice) => {
    const hours = unfilledRoleWeekHours(practice, firm)
    const scale = hours / STANDARD_WEEK_HOURS
    return {
      ...practice,
      roleWeekHours: hours,
      weeks: practice.weeks.map((week) => ({ ...week, unfilled: tenth(week.unfilled * scale), unfilledTentative: tenth(week.unfilledTentative * scale) })),
    }
  })
  return { ...view, practices, firmWeekHours: firm }
}
