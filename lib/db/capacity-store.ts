import { createHash } from 'node:crypto'

// The capacity digests (lib/capacity): the same SET / SUMMARY pair as the overview's digests
// (lib/db/overview-store.ts, whose writers they share), sharded by a hash of the person or the
// unfilled role. `CAPACITY#<shard>` SET holds one entry per person (`people`) and per unfilled role
// (`roles`); its SUMMARY holds each practice's weekly hours, which is all `/capacity` reads.

export const CAPACITY_SHARDS = 16

export const capacityKeys = {
  shard: (shard: number) => `CAPACITY#${shard}`,
} as const

export function capacityShardOf(id: string): number {
  return createHash('sha1').update(id).digest()[0] % CAPACITY_SHARDS
}

export const capacityPartitions = Array.from({ length: CAPACITY_SHARDS }, (_, shard) => capacityKeys.shard(shard))
