import 'server-only'
import { isEntityId, parseInput } from '../validation'
import { authorize, can, type Actor } from '../authorization'
import { AssignmentEntity, EmployeeEntity, GetItemCommand, QueryCommand, RosterTable, SkillEntity, decodeCursor, partitions, listPartitions, cachedScreen, nameAccessPattern, normalizeName, peopleKeys } from '../db'
import { todayIso } from '../load/allocation'
import { toAssignmentView, toEmployeeSummary, toSkillView, type AssignmentView, type Booking, type EmployeeSummary, type SkillView, type TimeOff } from '../dto'
import { listPlannerPeople } from '../planner/queries'
import { listQueryParams, nextCursorOf } from '../lists/list-query'
import { listQueryInput, type ListQueryInput, type Page } from '../lists/schemas'

export interface EmployeeStaffing {
  employee: EmployeeSummary
  assignments: AssignmentView[]
  skills: SkillView[]
}

/**
 * Access pattern 3: the employee, every assignment (carrying project and client names) and every
 * skill, all under GSI1PK=EMP#<id>: one Query on GSI1.
 */
export async function getEmployeeStaffing(actor: Actor | null, { employeeId }: { employeeId: string }): Promise<EmployeeStaffing | null> {
  authorize(actor, 'read')
  if (!isEntityId(employeeId)) return null
  nameAccessPattern('Employee staffing')
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(EmployeeEntity, AssignmentEntity, SkillEntity)
    .query({ index: 'GSI1', partition: partitions.employee(employeeId) })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  const employeeItem = Items.find((item) => item.entity === 'Employee')
  if (!employeeItem || employeeItem.entity !== 'Employee') return null
  const assignments: AssignmentView[] = []
  const skills: SkillView[] = []
  for (const item of Items) {
    if (item.entity === 'Assignment') assignments.push(toAssignmentView(item))
    if (item.entity === 'Skill') skills.push(toSkillView(item))
  }
  skills.sort((a, b) => b.level - a.level || a.technologyName.localeCompare(b.technologyName))
  return { employee: toEmployeeSummary(employeeItem, { money: can(actor, 'see-money') }), assignments, skills }
}

/** One consistent GetItem: the employee alone, for their edit form (the version it loads is what a save is checked against). */
export async function getEmployee(actor: Actor | null, { employeeId }: { employeeId: string }): Promise<EmployeeSummary | null> {
  authorize(actor, 'read')
  if (!isEntityId(employeeId)) return null
  const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: employeeId }).options({ consistent: true }).send()
  return Item ? toEmployeeSummary(Item, { money: can(actor, 'see-money') }) : null
}

export interface EmployeeListInput extends ListQueryInput {
  practice?: string
}

/**
 * Access pattern 5: employees by name with prefix search: one Query. A practice is the key (GSI5,
 * people by practice, by name), so a practice's pages are full. A skill is `listEmployeesWithSkill`.
 */
export async function listEmployees(actor: Actor | null, input: EmployeeListInput): Promise<Page<EmployeeSummary>> {
  authorize(actor, 'read')
  // Each row says how booked the person is this week: the day is part of what was read.
  return cachedScreen({ screen: 'employees', role: actor.role, args: [input, todayIso()] }, async () => {
    nameAccessPattern('Employee list')
    const { query, options } = input.practice ? practiceQueryParams(input.practice, input) : listQueryParams(listPartitions.employees, input)
    const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand).entities(EmployeeEntity).query(query).options({ ...options, entityAttrFilter: false }).send()
    return { items: Items.map((item) => toEmployeeSummary(item)), nextCursor: nextCursorOf(LastEvaluatedKey) }
  })
}

function practiceQueryParams(practice: string, input: ListQueryInput) {
  const { q, cursor, limit } = parseInput(listQueryInput, input, 'list query')
  const partition = peopleKeys.practice(practice)
  return {
    query: { index: 'GSI5' as const, partition, ...(q ? { range: { beginsWith: normalizeName(q) } } : {}) },
    options: { limit, exclusiveStartKey: decodeCursor(cursor, { attribute: 'GSI5PK', value: partition }) },
  }
}

/** A row of the employee list filtered by a skill: what the skill item carries of the person. */
export interface PersonWithSkill {
  id: string
  name: string
  title: string
  practice: string
  location: string
  bookings: Booking[]
  timeOff: TimeOff[]
  level: number
}

/**
 * The employee list filtered by a skill, through the technology's partition (GSI2, `SKILL#<level>#…`,
 * highest level first), the same key as the planner's skill filter: every page but the last is full
 * however rare the skill. A practice filters the copies on the skill items; a name prefix filters
 * the page in code (such a page can be short).
 */
export async function listEmployeesWithSkill(
  actor: Actor | null,
  input: { technologyId: string; practice?: string; q?: string; cursor?: string; limit?: number | string },
): Promise<Page<PersonWithSkill>> {
  const page = await listPlannerPeople(actor, { technologyId: input.technologyId, practice: input.practice, cursor: input.cursor, limit: input.limit === undefined ? 25 : String(input.limit) })
  const prefix = input.q ? normalizeName(input.q) : ''
  const items = page.people
    .filter((person) => normalizeName(person.name).startsWith(prefix))
    .map((person) => ({ ...person, title: person.title ?? '', practice: person.practice ?? '', location: person.location ?? '', level: person.level ?? 0 }))
  return { items, nextCursor: page.nextCursor }
}
