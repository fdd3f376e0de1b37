import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { batchPutItems, getDb, listPartitions } from '../db'
import { generateDemoData, type SeedSize } from './demo-data'

/** True when the table holds no clients (what start-up checks before loading demo data). */
export async function tableHasNoClients(): Promise<boolean> {
  const { documentClient, config } = getDb()
  const page = await documentClient.send(
    new QueryCommand({
      TableName: config.tableName,
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': listPartitions.clients },
      Limit: 1,
    }),
  )
  return (page.Items ?? []).length === 0
}

/** Writes the demo consultancy in batches, reporting progress after each chunk. */
export async function loadDemoData(
  size: SeedSize,
  options: { seed?: number; anchor?: string; onProgress?: (written: number, total: number) => void } = {},
): Promise<Record<string, number>> {
  const { items, counts } = generateDemoData(size, options)
  const chunk = 500
  for (let start = 0; start < items.length; start += chunk) {
    // Four batch writers at a time: faster than one, gentle on a provisioned table.
    const slice = items.slice(start, start + chunk)
    const quarter = Math.ceil(slice.length / 4)
    await Promise.all([0, 1, 2, 3].map((n) => batchPutItems(slice.slice(n * quarter, (n + 1) * quarter))))
    options.onProgress?.(Math.min(start + chunk, items.length), items.length)
  }
  return { ...counts, items: items.length }
}
