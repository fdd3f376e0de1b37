import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { EmployeeEntity, GetItemCommand, SkillEntity, copyFields, deleteItemOf, forEachBounded } from '../db'
import { updateAggregate } from '../aggregates/update'
import { employeeCopyOf, skillCopyIsStale } from '../aggregates/employee-figures'

// A skill feeds the employee's `skills` map (skillIds) and the technology's `people` map
// (peopleCount), and holds a copy of the employee's bookings. Same shape as syncAssignment.

export interface SkillRef {
  employeeId: string
  technologyId: string
}

async function readSkill(ref: SkillRef) {
  const { Item } = await SkillEntity.build(GetItemCommand).key({ employeeId: ref.employeeId, technologyId: ref.technologyId }).options({ consistent: true }).send()
  return Item ?? null
}

type SkillItem = NonNullable<Awaited<ReturnType<typeof readSkill>>>

export async function syncSkill(ref: SkillRef): Promise<SkillItem | null> {
  let skill = await readSkill(ref)
  for (let round = 0; round < 10; round++) {
    const level = skill?.level
    const [employee, technology] = await Promise.all([
      updateAggregate('employee', ref.employeeId, [{ map: 'skills', entry: ref.technologyId, value: level }]),
      updateAggregate('technology', ref.technologyId, [{ map: 'people', entry: ref.employeeId, value: level }]),
    ])
    if (skill) {
      if (!employee || employee.deletingAt || !technology || technology.deletingAt) {
        await deleteItemOf(SkillEntity, { employeeId: ref.employeeId, technologyId: ref.technologyId })
      } else {
        const key = { employeeId: ref.employeeId, technologyId: ref.technologyId }
        await Promise.all([
          copyBookingsToSkills({ ...employee, skills: { [ref.technologyId]: skill.level } }),
          skillCopyIsStale(skill, employee) && copyFields(SkillEntity, key, employeeCopyOf(employee), 'employeeNameVersion', employee.version),
          skill.technologyName !== technology.name && copyFields(SkillEntity, key, { technologyName: technology.name }, 'technologyNameVersion', technology.version),
        ])
      }
    }
    const now = await readSkill(ref)
    if ((now?.level ?? null) === (skill?.level ?? null)) return now
    skill = now
  }
  throw new Error(`Skill ${ref.employeeId}/${ref.technologyId} kept changing while it was being synchronised`)
}

/** Deletes a skill (if it is still there) and takes it out of both aggregates; whether it was there. */
export async function removeSkillEdge(ref: SkillRef): Promise<boolean> {
  const removed = await deleteItemOf(SkillEntity, { employeeId: ref.employeeId, technologyId: ref.technologyId })
  await syncSkill(ref)
  return removed !== null
}

/**
 * Copies the employee's bookings and time off onto each of their skill items (the technology page
 * shows who is free from those), stamped with the employee's aggRev: an older copy never replaces a
 * newer one.
 */
export async function copyBookingsToSkills(employee: Pick<FormattedItem<typeof EmployeeEntity>, 'id' | 'skills' | 'bookings' | 'timeOff' | 'aggRev'>): Promise<void> {
  await forEachBounded(Object.keys(employee.skills), 8, async (technologyId) => {
    await copyFields(SkillEntity, { employeeId: employee.id, technologyId }, { employeeBookings: employee.bookings, employeeTimeOff: employee.timeOff }, 'bookingsRev', employee.aggRev)
  })
}
