import 'server-only'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { FormattedItem } from 'dynamodb-toolbox'
import { createHash } from 'node:crypto'
import { getDb } from './client'
import { isConditionalCheckFailed } from './errors'
import { formatAs, keyOf } from './aggregates'
import { CapacityShardSummaryEntity } from './entities/digests'
import type { SummaryFigures } from './overview-store'

// The capacity digests (lib/capacity), in two levels so that neither a write nor the screen's read
// grows with the firm. People and unfilled roles are spread over 128 parts by a hash of their id;
// each part is the overview's SET / SUMMARY pair (lib/db/overview-store.ts, whose writers it shares)
// under `CAPACITY#<shard>#<sub>`. The 8 parts of a shard add up into the shard's SUMMARY,
// `CAPACITY#<shard>`, and `/capacity` reads the 16 shard summaries.

export const CAPACITY_SHARDS = 16
export const CAPACITY_PARTS_PER_SHARD = 8

export interface CapacityPart {
  shard: number
  sub: number
}

export const capacityKeys = {
  /** A shard's summary: its parts' summaries added up (what the screen reads). */
  shard: (shard: number) => `CAPACITY#${shard}`,
  /** A part: the SET item of its people and roles, and the SUMMARY derived from it. */
  part: ({ shard, sub }: CapacityPart) => `CAPACITY#${shard}#${sub}`,
} as const

export function capacityPartOf(id: string): CapacityPart {
  const digest = createHash('sha1').update(id).digest()
  return { shard: digest[0] % CAPACITY_SHARDS, sub: digest[1] % CAPACITY_PARTS_PER_SHARD }
}

export const capacityShards = Array.from({ length: CAPACITY_SHARDS }, (_, shard) => shard)
export const partsOfShard = (shard: number): CapacityPart[] => Array.from({ length: CAPACITY_PARTS_PER_SHARD }, (_, sub) => ({ shard, sub }))
export const capacityParts = capacityShards.flatMap(partsOfShard)
/** The keys `/capacity` reads: one summary per shard. */
export const capacityPartitions = capacityShards.map((shard) => capacityKeys.shard(shard))

/**
 * Stores a shard's summary added up from its parts' summaries at revisions `revs` (by part), unless
 * the one stored was added up from a newer revision of any part: stored revisions only move forward.
 */
export async function writeShardSummary(shard: number, revs: number[], summary: Omit<SummaryFigures<typeof CapacityShardSummaryEntity>, 'parts'>): Promise<boolean> {
  const { documentClient, config } = getDb()
  const names: Record<string, string> = { '#parts': 'parts' }
  const values: Record<string, unknown> = {}
  const conditions = revs.map((rev, sub) => {
    names[`#p${sub}`] = String(sub)
    values[`:r${sub}`] = rev
    return `(attribute_not_exists(#parts.#p${sub}) OR #parts.#p${sub} <= :r${sub})`
  })
  try {
    await documentClient.send(
      new PutCommand({
        TableName: config.tableName,
        Item: {
          ...keyOf(CapacityShardSummaryEntity, { digest: capacityKeys.shard(shard) }),
          _type: CapacityShardSummaryEntity.entityName,
          parts: Object.fromEntries(revs.map((rev, sub) => [String(sub), rev])),
          ...summary,
        },
        ConditionExpression: `attribute_not_exists(#parts) OR (${conditions.join(' AND ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** A shard's summary, read consistently (or null). */
export async function readShardSummary(shard: number): Promise<FormattedItem<typeof CapacityShardSummaryEntity> | null> {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: config.tableName, Key: keyOf(CapacityShardSummaryEntity, { digest: capacityKeys.shard(shard) }), ConsistentRead: true }),
  )
  return Item ? formatAs(CapacityShardSummaryEntity, Item) : null
}
