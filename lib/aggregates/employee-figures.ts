import type { FormattedItem } from 'dynamodb-toolbox'
import type { EmployeeEntity, SkillEntity } from '../db'
import { toBookings, toTimeOff } from '../dto'
import { loadSpansOf } from '../load/load-spans'

type EmployeeItem = FormattedItem<typeof EmployeeEntity>
type EmployeeCopy = Pick<EmployeeItem, 'name' | 'practice' | 'location' | 'title'>

export { loadSpansOf, parseLoadSpans } from '../load/load-spans'

/** Figures stored on the employee item, derived from its `skills` and `bookings` maps. */
export function employeeFigures(employee: Pick<EmployeeItem, 'skills' | 'bookings' | 'timeOff'>) {
  return {
    skillIds: Object.keys(employee.skills).sort(),
    loadSpans: loadSpansOf(toBookings(employee.bookings), toTimeOff(employee.timeOff)),
  }
}

/**
 * What a skill item copies of its employee, under one version stamp (`employeeNameVersion`): the
 * name everywhere, and practice, location and title so the planner can group and filter a
 * technology's people without reading them.
 */
export function employeeCopyOf(employee: EmployeeCopy) {
  return {
    employeeName: employee.name,
    employeePractice: employee.practice,
    employeeLocation: employee.location,
    employeeTitle: employee.title,
  }
}

/** Whether a skill's copy of its employee differs from the employee. */
export function skillCopyIsStale(skill: Pick<FormattedItem<typeof SkillEntity>, 'employeeName' | 'employeePractice' | 'employeeLocation' | 'employeeTitle'>, employee: EmployeeCopy): boolean {
  const copy = employeeCopyOf(employee)
  return skill.employeeName !== copy.employeeName || skill.employeePractice !== copy.employeePractice || skill.employeeLocation !== copy.employeeLocation || skill.employeeTitle !== copy.employeeTitle
}

/** The most skills one person can hold: it bounds what a booking change costs (one copy per skill). */
export const MAX_SKILLS_PER_PERSON = 40
