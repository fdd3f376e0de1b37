import 'server-only'
import { DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox'
import { RosterTable } from './table'
import { AuthPointerEntity, AuthRecordEntity } from './entities/auth'
import { authKeys } from './keys'
import { forEachBounded } from './aggregates'
import { isConditionalCheckFailed } from './errors'

// Storage for sign-in records (lib/auth/dynamodb-adapter.ts decides what to store). Every read a
// write depends on is consistent: sign-in reads a session right after creating it, and on AWS an
// index read might not see it yet.

export type AuthData = Record<string, unknown>
export interface StoredAuthRecord {
  id: string
  data: AuthData
  rev: number
}

export async function getAuthRecord(model: string, id: string): Promise<StoredAuthRecord | null> {
  const { Item } = await AuthRecordEntity.build(GetItemCommand).key({ model, id }).options({ consistent: true }).send()
  return Item ? { id: Item.id, data: Item.data as AuthData, rev: Item.rev } : null
}

export async function getAuthRecords(model: string, ids: string[]): Promise<StoredAuthRecord[]> {
  const found: (StoredAuthRecord | null)[] = new Array(ids.length).fill(null)
  await forEachBounded(ids, 8, async (id, index) => {
    found[index] = await getAuthRecord(model, id)
  })
  return found.filter((record): record is StoredAuthRecord => record !== null)
}

/** Ids pointed at by `<model>.<field> = value` (may include pointers left by a cut-off write). */
export async function pointedIds(model: string, field: string, value: string): Promise<string[]> {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(AuthPointerEntity)
    .query({ partition: authKeys.pointer(model, field, value) })
    .options({ consistent: true, maxPages: Infinity })
    .send()
  return Items.map((item) => item.id)
}

/** Every record of a model, through the list index (eventually consistent). */
export async function listAuthRecords(model: string): Promise<StoredAuthRecord[]> {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(AuthRecordEntity)
    .query({ index: 'GSI3', partition: authKeys.list(model) })
    .options({ maxPages: Infinity })
    .send()
  return Items.map((item) => ({ id: item.id, data: item.data as AuthData, rev: item.rev }))
}

/**
 * Writes a record if its revision is still `expectedRev` (undefined: the record must not exist).
 * Answers false when another write got there first.
 */
export async function putAuthRecord(model: string, id: string, data: AuthData, expectedRev: number | undefined): Promise<boolean> {
  try {
    await AuthRecordEntity.build(PutItemCommand)
      .item({ model, id, data, rev: (expectedRev ?? 0) + 1 })
      .options({ condition: expectedRev === undefined ? { attr: 'PK', exists: false } : { attr: 'rev', eq: expectedRev } })
      .send()
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** Deletes a record if its revision is still `expectedRev`; answers false when it changed or went. */
export async function deleteAuthRecord(model: string, id: string, expectedRev: number): Promise<boolean> {
  try {
    await AuthRecordEntity.build(DeleteItemCommand).key({ model, id }).options({ condition: { attr: 'rev', eq: expectedRev } }).send()
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

export async function putAuthPointer(model: string, field: string, value: string, id: string): Promise<void> {
  await AuthPointerEntity.build(PutItemCommand).item({ model, field, value, id }).send()
}

export async function deleteAuthPointer(model: string, field: string, value: string, id: string): Promise<void> {
  await AuthPointerEntity.build(DeleteItemCommand).key({ model, field, value, id }).send()
}
