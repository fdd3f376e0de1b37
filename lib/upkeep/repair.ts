import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { JobEntity, PutItemCommand, entityNames, firmPartition, forEachBounded, getDb, listPartitions, peopleKeys } from '../db'
import { indexKeys } from '../db/keys'
import { employeeCopyOf } from '../aggregates/employee-figures'
import { expectedAggregates, scanAll } from './audit'
import { refreshOverview } from './refresh-overview'

// Rewrites every aggregate's maps and figures, and every skill's bookings copy, from a consistent
// scan of the edges, and gives items written before versions existed version 1. For data written by
// an older Roster (bookings stored as a list) and for operators after an incident. It reads the whole
// table and must run while no app instance is writing (start-up runs it before serving).

export async function repairDerivedData(log: (message: string) => void = () => undefined): Promise<{ items: number; rewritten: number }> {
  const { documentClient, config } = getDb()
  const items = await scanAll()
  const expected = expectedAggregates(items)
  const employees = new Map<string, Record<string, unknown>>()
  for (const item of items) if (item._type === entityNames.employee) employees.set(item.id as string, item)
  const writes: { key: Record<string, unknown>; values: Record<string, unknown>; remove: string[]; aggregate: boolean }[] = []
  const aggregates = [entityNames.client, entityNames.employee, entityNames.technology] as string[]
  for (const item of items) {
    const key = { PK: item.PK, SK: item.SK }
    const values: Record<string, unknown> = { ...(expected.get(`${item.PK}|${item.SK}`) ?? {}) }
    if (item._type === entityNames.skill) {
      values.employeeBookings = expected.get(`${employees.get(item.employeeId as string)?.PK}|EMP`)?.bookings ?? {}
      values.employeeTimeOff = employees.get(item.employeeId as string)?.timeOff ?? {}
    }
    const editable = [entityNames.client, entityNames.project, entityNames.employee, entityNames.technology, entityNames.assignment] as string[]
    if (editable.includes(item._type as string) && typeof item.version !== 'number') values.version = 1
    const keys = currentIndexKeys(item, employees)
    Object.assign(values, keys.set)
    if (Object.keys(values).length || keys.remove.length) writes.push({ key, values, remove: keys.remove, aggregate: aggregates.includes(item._type as string) })
  }
  await forEachBounded(writes, 8, async ({ key, values, remove, aggregate }) => {
    const entries = Object.entries(values)
    await documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: [
          entries.length ? `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}` : '',
          remove.length ? `REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '',
          aggregate ? 'ADD aggRev :one' : '',
        ].filter(Boolean).join(' '),
        ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])), ...Object.fromEntries(remove.map((name, i) => [`#r${i}`, name])) },
        ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])), ...(aggregate ? { ':one': 1 } : {}) },
        ConditionExpression: 'attribute_exists(PK)',
      }),
    )
  })
  // Jobs an older Roster left in its single JOB partition: recorded again where the sweep looks.
  for (const old of items.filter((item) => item.PK === 'JOB')) {
    const params: Record<string, string> = old.parentId ? { clientId: old.parentId as string } : {}
    await JobEntity.build(PutItemCommand).item({ kind: old.kind as string, targetId: old.targetId as string, params, leaseUntil: 0, attempts: 0, nextRunAt: 0 }).send()
    await documentClient.send(new DeleteCommand({ TableName: config.tableName, Key: { PK: old.PK, SK: old.SK } }))
  }
  log(`Rewrote the derived values of ${writes.length} of ${items.length} items`)
  // The overview's digests are derived too: recomputed from the repaired people and projects.
  await refreshOverview()
  return { items: items.length, rewritten: writes.length }
}

/**
 * The index keys this Roster gives an item, where an older one gave others (people out of GSI4 and
 * into GSI5/GSI6, a technology's partition sorted by level, projects over FIRM#0..7), and the copies
 * a skill keeps of its person. Items being deleted keep the keys their delete gave them.
 */
function currentIndexKeys(item: Record<string, unknown>, employees: Map<string, Record<string, unknown>>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {}
  const remove: string[] = []
  const want = (name: string, value: unknown) => item[name] !== value && (set[name] = value)
  if (item.deletingAt) return { set, remove }
  switch (item._type) {
    case entityNames.employee:
      want('GSI5PK', peopleKeys.practice(item.practice as string))
      want('GSI5SK', peopleKeys.byPractice(item.name as string, item.id as string))
      want('GSI6PK', peopleKeys.location(item.location as string))
      want('GSI6SK', peopleKeys.byLocation(item.practice as string, item.name as string, item.id as string))
      for (const name of ['GSI4PK', 'GSI4SK']) if (name in item) remove.push(name)
      break
    case entityNames.technology:
      want('GSI2SK', indexKeys.technologySelf)
      break
    case entityNames.stackEntry:
      want('GSI2SK', indexKeys.stackByTechnology(item.clientId as string, item.projectId as string))
      break
    case entityNames.skill: {
      want('GSI2SK', indexKeys.skillByTechnology(item.level as number, item.employeeId as string))
      const employee = employees.get(item.employeeId as string)
      if (employee) for (const [name, value] of Object.entries(employeeCopyOf(employee))) want(name, value)
      break
    }
    case entityNames.project:
      want('GSI4PK', firmPartition(item.id as string))
      break
  }
  return { set, remove }
}

/**
 * True when the table holds items written by an older Roster: people with bookings as a list or no
 * versions, or without the planner's keys, or a technology's partition in the old order.
 */
export async function needsRepair(): Promise<boolean> {
  const { documentClient, config } = getDb()
  const first = async (partition: string) =>
    (
      await documentClient.send(
        new QueryCommand({ TableName: config.tableName, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': partition }, Limit: 1 }),
      )
    ).Items?.[0]
  const [person, technology] = await Promise.all([first(listPartitions.employees), first(listPartitions.technologies)])
  const oldPerson = Boolean(person && (Array.isArray(person.bookings) || typeof person.version !== 'number' || !person.GSI5PK || 'GSI4PK' in person))
  const oldTechnology = Boolean(technology && technology.GSI2SK !== indexKeys.technologySelf)
  return oldPerson || oldTechnology
}
