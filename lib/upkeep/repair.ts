import 'server-only'
import { EntityParser, type Entity } from 'dynamodb-toolbox'
import {
  AssignmentEntity,
  ClientEntity,
  EmployeeEntity,
  JobEntity,
  ProjectEntity,
  PutItemCommand,
  SkillEntity,
  StackEntryEntity,
  TechnologyEntity,
  deleteStored,
  entityNames,
  firstInIndex,
  forEachBounded,
  indexNames,
  listPartitions,
  rewriteStored,
  scanAll,
  storedOf,
  type StoredItem,
} from '../db'
import { indexKeys } from '../db/keys'
import { employeeCopyOf } from '../aggregates/employee-figures'
import { expectedAggregates } from './audit'
import { refreshOverview } from './refresh-overview'

// Rewrites every aggregate's maps and figures, and every skill's bookings copy, from a consistent
// scan of the edges, and gives items written before versions existed version 1. For data written by
// an older Roster (bookings stored as a list) and for operators after an incident. It reads the whole
// table and must run while no app instance is writing (start-up runs it before serving).

// The items whose index keys an older Roster gave differently (people out of GSI4 and into GSI5/GSI6,
// a technology's partition sorted by level, projects over FIRM#0..7): their entities derive them again.
const rekeyed: Partial<Record<string, Entity>> = {
  [entityNames.employee]: EmployeeEntity,
  [entityNames.technology]: TechnologyEntity,
  [entityNames.stackEntry]: StackEntryEntity,
  [entityNames.skill]: SkillEntity,
  [entityNames.project]: ProjectEntity,
}
const indexKeyNames = indexNames.flatMap((index) => [`${index}PK`, `${index}SK`])

export async function repairDerivedData(log: (message: string) => void = () => undefined): Promise<{ items: number; rewritten: number }> {
  const items = await scanAll()
  // An older Roster's aggregates hold their maps in other shapes: only what the recompute needs is read of them.
  const employees = storedOf(items, EmployeeEntity, { attributes: ['id', 'timeOff', 'name', 'practice', 'location', 'title', 'capacityHours'] }).items
  const expected = expectedAggregates({
    clients: storedOf(items, ClientEntity, { attributes: ['id'] }).items,
    employees,
    technologies: storedOf(items, TechnologyEntity, { attributes: ['id'] }).items,
    projects: storedOf(items, ProjectEntity, { attributes: ['clientId', 'id'] }).items,
    assignments: storedOf(items, AssignmentEntity).items,
    stackEntries: storedOf(items, StackEntryEntity).items,
    skills: storedOf(items, SkillEntity).items,
  })
  const employeeById = new Map(employees.map((employee) => [employee.id, employee]))
  const writes: { item: StoredItem; set: Record<string, unknown>; remove: string[]; bumpAggRev: boolean }[] = []
  const aggregates: (string | undefined)[] = [entityNames.client, entityNames.employee, entityNames.technology]
  const editable: (string | undefined)[] = [entityNames.client, entityNames.project, entityNames.employee, entityNames.technology, entityNames.assignment]
  for (const item of items) {
    const id = String(item.id)
    const values: Record<string, unknown> = {
      ...((item._type === entityNames.client && expected.clients.get(id)) ||
        (item._type === entityNames.employee && expected.employees.get(id)) ||
        (item._type === entityNames.technology && expected.technologies.get(id)) ||
        {}),
    }
    if (item._type === entityNames.skill) {
      const employeeId = String(item.employeeId)
      values.employeeBookings = expected.employees.get(employeeId)?.bookings ?? {}
      const employee = employeeById.get(employeeId)
      values.employeeTimeOff = employee?.timeOff ?? {}
      if (employee) for (const [name, value] of Object.entries(employeeCopyOf(employee))) if (item[name] !== value) values[name] = value
    }
    if (editable.includes(item._type) && typeof item.version !== 'number') values.version = 1
    const keys = currentIndexKeys({ ...item, ...values })
    Object.assign(values, keys.set)
    if (Object.keys(values).length || keys.remove.length) writes.push({ item, set: values, remove: keys.remove, bumpAggRev: aggregates.includes(item._type) })
  }
  await forEachBounded(writes, 8, ({ item, ...change }) => rewriteStored(item, change))
  // Jobs an older Roster left in its single JOB partition: recorded again where the sweep looks.
  for (const old of items.filter((item) => item.PK === 'JOB')) {
    const params: Record<string, string> = old.parentId ? { clientId: String(old.parentId) } : {}
    await JobEntity.build(PutItemCommand).item({ kind: String(old.kind), targetId: String(old.targetId), params, leaseUntil: 0, attempts: 0, nextRunAt: 0 }).send()
    await deleteStored(old)
  }
  log(`Rewrote the derived values of ${writes.length} of ${items.length} items`)
  // The overview's digests are derived too: recomputed from the repaired people and projects.
  await refreshOverview()
  return { items: items.length, rewritten: writes.length }
}

/**
 * The index keys this Roster gives an item, derived by its entity from the item as repaired (its
 * links), where they differ from the stored ones, and the index keys it no longer has. Items being
 * deleted keep the keys their delete gave them.
 */
function currentIndexKeys(item: StoredItem): { set: Record<string, unknown>; remove: string[] } {
  const entity = item._type === undefined ? undefined : rekeyed[item._type]
  if (!entity || item.deletingAt) return { set: {}, remove: [] }
  const unkeyed = Object.fromEntries(Object.entries(item).filter(([name]) => !indexKeyNames.includes(name)))
  const derived: Record<string, unknown> = entity.build(EntityParser).parse(unkeyed).item
  const set = Object.fromEntries(indexKeyNames.filter((name) => name in derived && derived[name] !== item[name]).map((name) => [name, derived[name]]))
  return { set, remove: indexKeyNames.filter((name) => name in item && !(name in derived)) }
}

/**
 * True when the table holds items written by an older Roster: people with bookings as a list or no
 * versions, or without the planner's keys, or a technology's partition in the old order.
 */
export async function needsRepair(): Promise<boolean> {
  const [person, technology] = await Promise.all([firstInIndex('GSI3', listPartitions.employees), firstInIndex('GSI3', listPartitions.technologies)])
  const oldPerson = Boolean(person && (Array.isArray(person.bookings) || typeof person.version !== 'number' || !person.GSI5PK || 'GSI4PK' in person))
  const oldTechnology = Boolean(technology && technology.GSI2SK !== indexKeys.technologySelf)
  return oldPerson || oldTechnology
}
