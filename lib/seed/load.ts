import 'server-only'
import { UnfilledRoleEntity, batchPutItems, firstInIndex, forEachBounded, listPartitions, storedOf } from '../db'
import { syncUnfilledRole } from '../edges/unfilled-role'
import { generateDemoData, type SeedSize } from './demo-data'

/** True when the table holds no clients (what start-up checks before loading demo data). */
export async function tableHasNoClients(): Promise<boolean> {
  return (await firstInIndex('GSI3', listPartitions.clients)) === null
}

/**
 * Index writes one partition key takes in a second, with room to spare: DynamoDB allows about 1,000,
 * and a global secondary index that falls behind throttles the table's writes. Bulk writes are paced
 * so that no list, practice, location or project-shard partition goes past it.
 */
export const INDEX_WRITES_PER_PARTITION_PER_SECOND = 800

/** How long writing `items` must take at least, so that no index partition gets more than its share. */
export function pacedDurationMs(items: Record<string, unknown>[]): number {
  const perPartition = new Map<string, number>()
  for (const item of items) {
    for (const index of ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6']) {
      const key = item[`${index}PK`]
      if (typeof key === 'string') perPartition.set(`${index}|${key}`, (perPartition.get(`${index}|${key}`) ?? 0) + 1)
    }
  }
  return (Math.max(0, ...perPartition.values()) / INDEX_WRITES_PER_PARTITION_PER_SECOND) * 1000
}

/** Writes the demo consultancy in batches, paced per index partition, reporting progress after each chunk. */
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
    const started = Date.now()
    await Promise.all([0, 1, 2, 3].map((n) => batchPutItems(slice.slice(n * quarter, (n + 1) * quarter))))
    const wait = pacedDurationMs(slice) - (Date.now() - started)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    options.onProgress?.(Math.min(start + chunk, items.length), items.length)
  }
  // Unfilled roles reach the capacity digests through their own sync, as after a planner's write
  // (people reach them through the overview's refresh, which follows every seed).
  const roles = storedOf(items, UnfilledRoleEntity).items
  await forEachBounded(roles, 8, async (role) => void (await syncUnfilledRole({ clientId: role.clientId, projectId: role.projectId, roleId: role.id })))
  return { ...counts, items: items.length }
}
