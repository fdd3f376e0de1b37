import 'server-only'
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Entity, FormattedItem } from 'dynamodb-toolbox'
import { getDb } from './client'
import { databaseBusy } from './errors'
import { formatAs, type ItemKey } from './aggregates'
import type { StoredItem } from './stored'

// DynamoDB answers part of a batch as UnprocessedItems or UnprocessedKeys when it is throttled or
// busy, with no error. These two primitives send the rest again (jittered exponential backoff, as
// AWS advises) until nothing is left, and fail with `unavailable:database` rather than return or
// record a partial batch: a caller either has every item or an error.

type RawItem = Record<string, unknown>

const WRITE_BATCH = 25
const READ_BATCH = 100
const MAX_ROUNDS = 10

/** Full-jitter backoff before round `round` (1, 2, ...): up to 25 ms, 50 ms, ... capped at 1 s. */
export function batchBackoffMs(round: number): number {
  return Math.random() * Math.min(1_000, 25 * 2 ** round)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends `pending` through `send` until it returns nothing unprocessed; throws after MAX_ROUNDS. */
async function untilProcessed<T>(pending: T[], send: (batch: T[]) => Promise<T[]>): Promise<void> {
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_ROUNDS) {
      console.error(`DynamoDB left ${pending.length} batch entries unprocessed after ${MAX_ROUNDS} rounds`)
      throw databaseBusy()
    }
    if (round > 0) await sleep(batchBackoffMs(round))
    pending = await send(pending)
  }
}

/** Writes items 25 at a time (the seed), until every one is written. */
export async function batchPutItems(items: RawItem[]): Promise<void> {
  const { documentClient, config } = getDb()
  for (let start = 0; start < items.length; start += WRITE_BATCH) {
    await untilProcessed(
      items.slice(start, start + WRITE_BATCH).map((Item) => ({ PutRequest: { Item } })),
      async (pending) => {
        const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }))
        return (result.UnprocessedItems?.[config.tableName] ?? []) as typeof pending
      },
    )
  }
}

/** Items by key, 100 keys to a BatchGetItem, every key answered (missing items are simply absent). */
export async function batchGetItems(keys: ItemKey[], options: { consistent?: boolean } = {}): Promise<StoredItem[]> {
  const { documentClient, config } = getDb()
  const found: StoredItem[] = []
  for (let start = 0; start < keys.length; start += READ_BATCH) {
    await untilProcessed(keys.slice(start, start + READ_BATCH), async (pending) => {
      const { Responses, UnprocessedKeys } = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [config.tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }),
      )
      // What the table answers for keys it was given: items with those keys.
      found.push(...((Responses?.[config.tableName] ?? []) as StoredItem[]))
      return (UnprocessedKeys?.[config.tableName]?.Keys ?? []) as ItemKey[]
    })
  }
  return found
}

/** Items of one entity by key (100 to a BatchGetItem), read through it; missing items are simply absent. */
export async function batchGetAs<E extends Entity>(entity: E, keys: ItemKey[], options: { consistent?: boolean } = {}): Promise<FormattedItem<E>[]> {
  return (await batchGetItems(keys, options)).map((item) => formatAs(entity, item))
}
