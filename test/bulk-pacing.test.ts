import assert from 'node:assert/strict'
import { it } from 'node:test'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { useTestDatabase } from './helpers/database'
import { getDb } from '../lib/db/client'
import { INDEX_WRITES_PER_PARTITION_PER_SECOND, loadDemoData } from '../lib/seed/load'
import { seedSizes } from '../lib/seed/demo-data'

useTestDatabase()

it('a bulk load of 2,000 people never sends one index partition more than DynamoDB takes in a second', async () => {
  // Every item each BatchWriteItem carries, with the moment it was sent and its index partitions.
  const sent: { at: number; partitions: string[] }[] = []
  const { client } = getDb()
  const middleware = (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) => async (args: { input: unknown }) => {
    if (context.commandName === 'BatchWriteItemCommand') {
      const input = args.input as { RequestItems: Record<string, { PutRequest?: { Item: Record<string, unknown> } }[]> }
      for (const request of Object.values(input.RequestItems).flat()) {
        const raw = request.PutRequest?.Item ?? {}
        const item = 'PK' in raw && typeof raw.PK === 'object' ? unmarshall(raw as Record<string, AttributeValue>) : raw
        sent.push({ at: Date.now(), partitions: ['GSI3', 'GSI4', 'GSI5', 'GSI6'].flatMap((index) => (typeof item[`${index}PK`] === 'string' ? [`${index}|${item[`${index}PK`]}`] : [])) })
      }
    }
    return next(args)
  }
  client.middlewareStack.add(middleware as never, { step: 'build', name: 'countWrites', priority: 'high' })
  try {
    await loadDemoData({ ...seedSizes.demo, employees: 2000, assignments: 600, skills: 600 }, { seed: 3 })
  } finally {
    client.middlewareStack.remove('countWrites')
  }
  const employees = sent.filter((write) => write.partitions.includes('GSI3|EMPLOYEES'))
  assert.equal(employees.length, 2000)
  // The busiest partition in any one-second window.
  let busiest = 0
  const byPartition = new Map<string, number[]>()
  for (const write of sent) for (const partition of write.partitions) byPartition.set(partition, [...(byPartition.get(partition) ?? []), write.at])
  for (const times of byPartition.values()) {
    let first = 0
    for (let last = 0; last < times.length; last++) {
      while (times[last] - times[first] >= 1000) first++
      busiest = Math.max(busiest, last - first + 1)
    }
  }
  assert.ok(busiest <= 1000, `one partition took ${busiest} writes in a second (limit ${INDEX_WRITES_PER_PARTITION_PER_SECOND} planned, 1,000 allowed)`)
})
