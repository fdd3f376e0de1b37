import 'server-only'
import { decodeCursor, encodeCursor, normalizeName, type ListPartition } from '../db'
import { parseInput } from '../validation'
import { listQueryInput, type ListQueryInput } from './schemas'

/**
 * The GSI3 query every name-sorted list uses: one partition per item type, sort key
 * `<lower-case name>#<id>`, so a case-insensitive prefix search is `begins_with` on the sort key.
 */
export function listQueryParams(partition: ListPartition, input: ListQueryInput) {
  const { q, cursor, limit } = parseInput(listQueryInput, input, 'list query')
  const prefix = q ? normalizeName(q) : undefined
  return {
    query: { index: 'GSI3' as const, partition, ...(prefix ? { range: { beginsWith: prefix } } : {}) },
    options: { limit, exclusiveStartKey: decodeCursor(cursor, { attribute: 'GSI3PK', value: partition }) },
  }
}

export function nextCursorOf(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  return encodeCursor(lastEvaluatedKey)
}
