import 'server-only'
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { $get, EntityFormatter, EntityParser, UpdateItemCommand, type Condition, type Entity, type FormattedItem, type KeyInputItem, type UpdateItemInput } from 'dynamodb-toolbox'
import { getDb } from './client'
import { isConditionalCheckFailed, isMissingDocumentPath } from './errors'

// The only writes that touch more than the item a user edited. Each is a single conditional
// UpdateItem that names the item type it may write (`_type`), and each is idempotent:
// - applyEntries sets or removes one entry per edge in an aggregate's map (bookings, staffing, ...);
// - writeDerived stores figures computed from those maps, only if no newer change happened since;
// - copyFields stores a copy of another item's fields (a name), only if it is newer than the copy held.
// None of them reads an index, so index lag cannot make them store a wrong value.

export type ItemKey = { PK: string; SK: string }

/** The table key of an item, derived by its entity from its key attributes (the entity's links). */
export function keyOf<E extends Entity>(entity: E, input: KeyInputItem<E>): ItemKey {
  return parseKey(entity, input)
}

// Every entity is on RosterTable, whose key is PK and SK; a generic entity's key type does not know it.
const parseKey = (entity: Entity, input: object) => entity.build(EntityParser).parse(input, { mode: 'key' }).key as ItemKey

/** A stored item (what a raw command returns) read through its entity: typed, and checked against its schema. */
export function formatAs<E extends Entity>(entity: E, stored: Record<string, unknown>): FormattedItem<E> {
  return entity.build(EntityFormatter).format(stored)
}

/** A write's answer read through the entity, or null when the item was not there. */
const formattedOrNull = <E extends Entity>(entity: E, stored: Record<string, unknown> | undefined): FormattedItem<E> | null => (stored ? formatAs(entity, stored) : null)

export interface EntryChange {
  map: string
  entry: string
  /** The entry's new value; undefined removes it. */
  value: unknown
}

/** The SET and REMOVE clauses (with their names and values) that apply per-entry map changes. */
export function entryClauses(changes: EntryChange[]): { sets: string[]; removes: string[]; names: Record<string, string>; values: Record<string, unknown> } {
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  const sets: string[] = []
  const removes: string[] = []
  changes.forEach((change, i) => {
    names[`#m${i}`] = change.map
    names[`#e${i}`] = change.entry
    if (change.value === undefined) removes.push(`#m${i}.#e${i}`)
    else {
      values[`:v${i}`] = change.value
      sets.push(`#m${i}.#e${i} = :v${i}`)
    }
  })
  return { sets, removes, names, values }
}

/**
 * Sets or removes map entries on an aggregate item and bumps its aggRev, returning the item as it is
 * after the write (a strongly consistent view), or null when the item does not exist.
 */
export function applyEntries<E extends Entity>(entity: E, keyInput: KeyInputItem<E>, changes: EntryChange[]): Promise<FormattedItem<E> | null> {
  return sendEntries(entity, keyInput, changes, { counter: 'aggRev', upsert: false })
}

/**
 * Sets or removes entries in a digest's `SET` item (creating it if need be), bumps its rev, and
 * returns the item as it is after the write.
 */
export async function applyDigestEntries<E extends Entity>(entity: E, keyInput: KeyInputItem<E>, changes: EntryChange[]): Promise<FormattedItem<E>> {
  const item = await sendEntries(entity, keyInput, changes, { counter: 'rev', upsert: true })
  // An upsert without a condition always answers with the item.
  if (!item) throw new Error(`${entity.entityName} ${JSON.stringify(keyInput)} was not written`)
  return item
}

/**
 * The one UpdateItem of per-entry map changes. An aggregate must exist and be of the entity's type
 * (else null); a digest is created by its first change. A map the item does not hold yet is created
 * empty first, then the change applied again.
 */
async function sendEntries<E extends Entity>(
  entity: E,
  keyInput: KeyInputItem<E>,
  changes: EntryChange[],
  { counter, upsert }: { counter: 'aggRev' | 'rev'; upsert: boolean },
): Promise<FormattedItem<E> | null> {
  const { documentClient, config } = getDb()
  const key = keyOf(entity, keyInput)
  const type = entity.entityName
  const clauses = entryClauses(changes)
  const { removes } = clauses
  const sets = upsert ? ['#type = :type', ...clauses.sets] : clauses.sets
  const names: Record<string, string> = { '#type': '_type', '#rev': counter, ...clauses.names }
  const values: Record<string, unknown> = { ':type': type, ':one': 1, ...clauses.values }
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '', 'ADD #rev :one'].filter(Boolean).join(' ')
  const existing = upsert ? {} : { ConditionExpression: 'attribute_exists(PK) AND #type = :type' }
  const send = async () => {
    try {
      const { Attributes } = await documentClient.send(
        new UpdateCommand({ TableName: config.tableName, Key: key, UpdateExpression: expression, ...existing, ExpressionAttributeNames: names, ExpressionAttributeValues: values, ReturnValues: 'ALL_NEW' }),
      )
      return formattedOrNull(entity, Attributes)
    } catch (error) {
      if (!upsert && isConditionalCheckFailed(error)) return null
      throw error
    }
  }
  try {
    return await send()
  } catch (error) {
    if (!isMissingDocumentPath(error)) throw error
  }
  // An item written before the map existed (or a digest's first entry of a map): create the empty maps, then apply.
  const maps = upsert ? [...new Set(changes.map((change) => change.map))] : changes.map((change) => change.map)
  const creates = maps.map((_, i) => `#m${i} = if_not_exists(#m${i}, :empty)`)
  await documentClient
    .send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: `SET ${(upsert ? ['#type = :type', ...creates] : creates).join(', ')}`,
        ...existing,
        ExpressionAttributeNames: { '#type': '_type', ...Object.fromEntries(maps.map((map, i) => [`#m${i}`, map])) },
        ExpressionAttributeValues: { ':type': type, ':empty': {} },
      }),
    )
    .catch((error) => {
      if (upsert || !isConditionalCheckFailed(error)) throw error
    })
  return send()
}

/**
 * Writes figures derived from an aggregate's maps, conditional on aggRev still being the one they were
 * computed from. If it moved on, the writer of the newer revision stores its own figures.
 * Skips the write when the stored figures already agree.
 */
export async function writeDerived<E extends Entity>(entity: E, item: FormattedItem<E>, figures: Partial<FormattedItem<E>>): Promise<boolean> {
  const type = entity.entityName
  const stored: Record<string, unknown> = item
  const changed = Object.entries(figures).filter(([name, value]) => JSON.stringify(stored[name]) !== JSON.stringify(value))
  if (changed.length === 0) return false
  const { documentClient, config } = getDb()
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: parseKey(entity, item),
        UpdateExpression: `SET ${changed.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ConditionExpression: '#type = :type AND #rev = :rev',
        ExpressionAttributeNames: { '#type': '_type', '#rev': 'aggRev', ...Object.fromEntries(changed.map(([name], i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: { ':type': type, ':rev': stored.aggRev, ...Object.fromEntries(changed.map(([, value], i) => [`:f${i}`, value])) },
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/**
 * Copies fields of another item (its name, say) onto `key`, stamped with that item's version in
 * `versionAttribute`; a copy from an older version never overwrites a newer one, and a missing item is
 * never recreated. Returns whether the copy was written.
 */
export async function copyFields<E extends Entity>(
  entity: E,
  keyInput: KeyInputItem<E>,
  fields: Partial<FormattedItem<E>>,
  versionAttribute: string,
  version: number,
): Promise<boolean> {
  const { documentClient, config } = getDb()
  const key = keyOf(entity, keyInput)
  const type = entity.entityName
  const entries = Object.entries(fields)
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: `SET ${entries.map((_, i) => `#c${i} = :c${i}`).join(', ')}, #ver = :ver`,
        ConditionExpression: 'attribute_exists(PK) AND #type = :type AND (attribute_not_exists(#ver) OR #ver < :ver)',
        ExpressionAttributeNames: { '#type': '_type', '#ver': versionAttribute, ...Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])) },
        ExpressionAttributeValues: { ':type': type, ':ver': version, ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])) },
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** An item as markDeleting leaves it: typed by its entity, with `deletingAt` set. */
export type Marked<E extends Entity> = FormattedItem<E> & { deletingAt: string }

/**
 * Marks an item as being deleted (the one marker all four deletes use). Its entity moves its list and
 * index keys off their lists as `deletingAt` is set (lib/db/entities/key-links.ts). A second mark keeps
 * the first time. Returns the item as it is now, or null when it is not there.
 */
export async function markDeleting<E extends Entity>(entity: E, keyInput: KeyInputItem<E>, at: string): Promise<Marked<E> | null> {
  // Generic code cannot see that every entity marked here has `deletingAt` (the editable attributes).
  const item = { ...keyInput, deletingAt: $get('deletingAt', at) } as UpdateItemInput<E>
  const condition = { and: [{ attr: 'PK', exists: true }, { attr: 'entity', eq: entity.entityName }] } as Condition<E>
  try {
    const { Attributes } = await entity.build(UpdateItemCommand).item(item).options({ condition, returnValues: 'ALL_NEW' }).send()
    // The update has just set `deletingAt` (or found it set).
    return (Attributes ?? null) as Marked<E> | null
  } catch (error) {
    if (isConditionalCheckFailed(error)) return null
    throw error
  }
}

/**
 * Deletes the item if it is there and of this type; returns what was deleted, or null. A delete
 * that DynamoDB applied and then failed is known to have happened but not what it deleted: it
 * returns the item's key only (lib/db/own-writes.ts), so callers take other fields from their own read.
 */
export async function deleteItemOf<E extends Entity>(entity: E, keyInput: KeyInputItem<E>): Promise<FormattedItem<E, { partial: true }> | null> {
  const { documentClient, config } = getDb()
  const key = keyOf(entity, keyInput)
  const type = entity.entityName
  try {
    const { Attributes } = await documentClient.send(
      new DeleteCommand({
        TableName: config.tableName,
        Key: key,
        ConditionExpression: 'attribute_exists(PK) AND #type = :type',
        ExpressionAttributeNames: { '#type': '_type' },
        ExpressionAttributeValues: { ':type': type },
        ReturnValues: 'ALL_OLD',
      }),
    )
    // Partial: a retried delete knows only the key of what it deleted.
    return Attributes ? entity.build(EntityFormatter).format(Attributes, { partial: true }) : null
  } catch (error) {
    if (isConditionalCheckFailed(error)) return null
    throw error
  }
}

/** Runs fn over items with at most `concurrency` in flight. */
export async function forEachBounded<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  async function worker() {
    while (next < items.length) {
      const index = next++
      await fn(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

/** fn over items with at most `concurrency` in flight, the results in the items' order. */
export async function mapBounded<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  await forEachBounded(items, concurrency, async (item, index) => void (results[index] = await fn(item, index)))
  return results
}
