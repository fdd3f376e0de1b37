import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { JobEntity, PutItemCommand, entityNames, forEachBounded, getDb, listPartitions } from '../db'
import { expectedAggregates, scanAll } from './audit'
import { refreshOverview } from '../overview/maintain'

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
  const writes: { key: Record<string, unknown>; values: Record<string, unknown>; aggregate: boolean }[] = []
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
    if (Object.keys(values).length) writes.push({ key, values, aggregate: aggregates.includes(item._type as string) })
  }
  await forEachBounded(writes, 8, async ({ key, values, aggregate }) => {
    const entries = Object.entries(values)
    await documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}${aggregate ? ' ADD aggRev :one' : ''}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
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

/** True when the table holds people written by an older Roster (bookings as a list, no versions). */
export async function needsRepair(): Promise<boolean> {
  const { documentClient, config } = getDb()
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: config.tableName, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': listPartitions.employees }, Limit: 1 }),
  )
  const sample = Items[0]
  return Boolean(sample && (Array.isArray(sample.bookings) || typeof sample.version !== 'number'))
}
