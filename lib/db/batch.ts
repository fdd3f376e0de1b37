import { BatchWriteCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { getDb } from './client'

export type ItemKey = { PK: string; SK: string }
type RawItem = Record<string, unknown>

export function itemKeyOf(item: RawItem): ItemKey {
  return { PK: item.PK as string, SK: item.SK as string }
}

const BATCH_SIZE = 25
const MAX_ATTEMPTS = 8

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Deletes the keys 25 at a time with BatchWriteItem, re-sending UnprocessedItems with exponential
 * backoff and jitter. Deleting a key that is already gone is a no-op, so a re-run is safe.
 */
export async function batchDeleteKeys(itemKeys: ItemKey[], onBatch?: (deletedSoFar: number) => Promise<void> | void): Promise<void> {
  const { documentClient, config } = getDb()
  let deleted = 0
  for (let start = 0; start < itemKeys.length; start += BATCH_SIZE) {
    let pending = itemKeys.slice(start, start + BATCH_SIZE).map((Key) => ({ DeleteRequest: { Key } }))
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts`)
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2))
      const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }))
      pending = (result.UnprocessedItems?.[config.tableName] ?? []) as typeof pending
    }
    deleted += Math.min(BATCH_SIZE, itemKeys.length - start)
    await onBatch?.(deleted)
  }
}

/** Writes items 25 at a time (used by the seed), with the same retry of UnprocessedItems. */
export async function batchPutItems(items: RawItem[]): Promise<void> {
  const { documentClient, config } = getDb()
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    let pending = items.slice(start, start + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts`)
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2))
      const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }))
      pending = (result.UnprocessedItems?.[config.tableName] ?? []) as typeof pending
    }
  }
}

/** Follows every page of a query. For write-side sweeps and summaries, not for screens. */
export async function queryAllItems(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<RawItem[]> {
  const { documentClient, config } = getDb()
  const items: RawItem[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await documentClient.send(new QueryCommand({ ...input, TableName: config.tableName, ExclusiveStartKey: startKey }))
    items.push(...((page.Items ?? []) as RawItem[]))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return items
}

/**
 * Sets the same attributes on many existing items, a few at a time. The attribute_exists condition
 * keeps a concurrent delete from being undone; such items are skipped.
 */
export async function updateEachItem(itemKeys: ItemKey[], attributes: Record<string, unknown>, concurrency = 8): Promise<number> {
  const { documentClient, config } = getDb()
  const names = Object.fromEntries(Object.keys(attributes).map((name, i) => [`#a${i}`, name]))
  const values = Object.fromEntries(Object.values(attributes).map((value, i) => [`:v${i}`, value]))
  const setExpression = Object.keys(attributes).map((_, i) => `#a${i} = :v${i}`).join(', ')
  let updated = 0
  let next = 0
  async function worker() {
    while (next < itemKeys.length) {
      const Key = itemKeys[next++]
      try {
        await documentClient.send(
          new UpdateCommand({
            TableName: config.tableName,
            Key,
            UpdateExpression: `SET ${setExpression}`,
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        )
        updated++
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, itemKeys.length) }, worker))
  return updated
}
