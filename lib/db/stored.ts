import 'server-only'
import { DeleteCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { EntityFormatter, type Entity, type FormatItemOptions, type FormattedItem, type InferReadItemOptions } from 'dynamodb-toolbox'
import { getDb } from './client'
import type { IndexName } from './table'

// Items as stored, for the audit, the upgrade repair, start-up, tests and operators; never for a
// screen. What they find is of every type and of every age (an older Roster's items too), so it is
// returned as stored; `storedOf` reads the items of one entity through it.

/** An item as stored: its key, its type (`_type`, absent on no item the app writes) and its attributes. */
export type StoredItem = { PK: string; SK: string; _type?: string } & Record<string, unknown>

/** Every item of the table (read consistently), or every entry of one index. */
export async function scanAll(indexName?: IndexName): Promise<StoredItem[]> {
  const { documentClient, config } = getDb()
  const items: StoredItem[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: config.tableName, IndexName: indexName, ExclusiveStartKey, ...(indexName ? {} : { ConsistentRead: true }) }),
    )
    // Every item of the table has the table's key.
    items.push(...((page.Items ?? []) as StoredItem[]))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/**
 * The items of one entity's type read through it, with only `attributes` when given (an older item
 * may hold others in a shape this Roster no longer reads). An item its entity cannot read goes to
 * `unreadable` with the reason.
 */
export function storedOf<E extends Entity, O extends FormatItemOptions<E> = {}>(
  items: Record<string, unknown>[],
  entity: E,
  options?: O,
): { items: FormattedItem<E, InferReadItemOptions<E, O>>[]; unreadable: string[] } {
  const formatter = entity.build(EntityFormatter)
  const found: FormattedItem<E, InferReadItemOptions<E, O>>[] = []
  const unreadable: string[] = []
  for (const item of items) {
    if (item._type !== entity.entityName) continue
    try {
      found.push(formatter.format(item, options))
    } catch (error) {
      unreadable.push(`${item._type} ${item.PK} ${item.SK} cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return { items: found, unreadable }
}

/** The first entry of an index partition (whether a list holds anything, and how an older Roster wrote it), or null. */
export async function firstInIndex(index: IndexName, partition: string): Promise<StoredItem | null> {
  const { documentClient, config } = getDb()
  const { Items } = await documentClient.send(
    new QueryCommand({ TableName: config.tableName, IndexName: index, KeyConditionExpression: `${index}PK = :pk`, ExpressionAttributeValues: { ':pk': partition }, Limit: 1 }),
  )
  // An index entry carries its item's table key.
  return (Items?.[0] as StoredItem | undefined) ?? null
}

/**
 * Rewrites attributes of a stored item that is still there (the upgrade repair): sets `set`,
 * removes `remove`, and bumps aggRev when `bumpAggRev` (an aggregate whose maps were rebuilt).
 */
export async function rewriteStored(item: StoredItem, change: { set: Record<string, unknown>; remove: string[]; bumpAggRev: boolean }): Promise<void> {
  const { documentClient, config } = getDb()
  const entries = Object.entries(change.set)
  const { remove, bumpAggRev } = change
  await documentClient.send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: { PK: item.PK, SK: item.SK },
      UpdateExpression: [
        entries.length ? `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}` : '',
        remove.length ? `REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '',
        bumpAggRev ? 'ADD aggRev :one' : '',
      ]
        .filter(Boolean)
        .join(' '),
      ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])), ...Object.fromEntries(remove.map((name, i) => [`#r${i}`, name])) },
      ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])), ...(bumpAggRev ? { ':one': 1 } : {}) },
      ConditionExpression: 'attribute_exists(PK)',
    }),
  )
}

/** Deletes a stored item no entity describes any more (an older Roster's job, say). */
export async function deleteStored(item: StoredItem): Promise<void> {
  const { documentClient, config } = getDb()
  await documentClient.send(new DeleteCommand({ TableName: config.tableName, Key: { PK: item.PK, SK: item.SK } }))
}
