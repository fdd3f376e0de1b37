import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { getDb } from './client'

type RawItem = Record<string, unknown>

const BATCH_SIZE = 25
const MAX_ATTEMPTS = 8

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Writes items 25 at a time (the seed), re-sending UnprocessedItems with exponential backoff and jitter. */
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
