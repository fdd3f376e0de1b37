import { toBookings, toTimeOff, type StoredBookings, type StoredTimeOff } from '../dto'
import { loadSpansOf } from '../load/load-spans'

export { loadSpansOf, parseLoadSpans } from '../load/load-spans'

/** Figures stored on the employee item, derived from its `skills` and `bookings` maps. */
export function employeeFigures(employee: Record<string, unknown>) {
  return {
    skillIds: Object.keys((employee.skills as Record<string, number> | undefined) ?? {}).sort(),
    loadSpans: loadSpansOf(toBookings(employee.bookings as StoredBookings | undefined), toTimeOff(employee.timeOff as StoredTimeOff | undefined)),
  }
}

/**
 * What a skill item copies of its employee, under one version stamp (`employeeNameVersion`): the
 * name everywhere, and practice, location and title so the planner can group and filter a
 * technology's people without reading them.
 */
export function employeeCopyOf(employee: Record<string, unknown>) {
  return {
    employeeName: employee.name as string,
    employeePractice: employee.practice as string,
    employeeLocation: employee.location as string,
    employeeTitle: employee.title as string,
  }
}

/** Whether a skill's copy of its employee differs from the employee. */
export function skillCopyIsStale(skill: Record<string, unknown>, employee: Record<string, unknown>): boolean {
  return Object.entries(employeeCopyOf(employee)).some(([field, value]) => skill[field] !== value)
}

/** The most skills one person can hold: it bounds what a booking change costs (one copy per skill). */
export const MAX_SKILLS_PER_PERSON = 40
