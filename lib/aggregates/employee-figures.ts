import type { FormattedItem } from 'dynamodb-toolbox'
import type { EmployeeEntity, SkillEntity } from '../db'
import { toBookings, toTimeOff } from '../dto'
import { loadSpansOf } from '../load/load-spans'

type EmployeeItem = FormattedItem<typeof EmployeeEntity>
type EmployeeCopy = Pick<EmployeeItem, 'name' | 'practice' | 'location' | 'title' | 'capacityHours'>

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
 * name everywhere, and practice, location, title and weekly hours so the planner can group, filter
 * and show a technology's people (in hours too) without reading them.
 */
export function employeeCopyOf(employee: EmployeeCopy) {
  return {
    employeeName: employee.name,
    employeePractice: employee.practice,
    employeeLocation: employee.location,
    employeeTitle: employee.title,
    employeeCapacityHours: employee.capacityHours,
  }
}

/** Whether a skill's copy of its employee differs from the employee. */
export function skillCopyIsStale(
  skill: Pick<FormattedItem<typeof SkillEntity>, 'employeeName' | 'employeePractice' | 'employeeLocation' | 'employeeTitle' | 'employeeCapacityHours'>,
  employee: EmployeeCopy,
): boolean {
  const copy = employeeCopyOf(employee)
  return (
    skill.employeeName !== copy.employeeName ||
    skill.employeePractice !== copy.employeePractice ||
    skill.employeeLocation !== copy.employeeLocation ||
    skill.employeeTitle !== copy.employeeTitle ||
    skill.employeeCapacityHours !== copy.employeeCapacityHours
  )
}

/** The most skills one person can hold: it bounds what a booking change costs (one copy per skill). */
export const MAX_SKILLS_PER_PERSON = 40
