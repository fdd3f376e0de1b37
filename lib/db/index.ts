import 'server-only'
// The data boundary: domain modules import DynamoDB things from here only.
export {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  $add,
  $remove,
  $set,
} from 'dynamodb-toolbox'
export type { Entity, FormattedItem, KeyInputItem, UpdateItemInput } from 'dynamodb-toolbox'
export { RosterTable, ensureTable, indexNames, tableDefinition } from './table'
export { partitions, sortKeys, listPartitions, deletingPartition, FIRM_PARTITION, FIRM_SHARDS, firmPartition, JOB_SHARDS, jobPartition, nameSortKey, normalizeName, peopleKeys, skillLevelRange, technologyPeopleRange, technologyProjectsRange, type ListPartition } from './keys'
export * from './entities'
export type { EntityName } from './entities/common'
export { batchPutItems } from './batch'
export { scanAll, storedOf, firstInIndex, rewriteStored, deleteStored, type StoredItem } from './stored'
export { applyEntries, applyDigestEntries, writeDerived, copyFields, markDeleting, deleteItemOf, forEachBounded, mapBounded, keyOf, type ItemKey, type EntryChange, type Marked } from './aggregates'
export { isConditionalCheckFailed } from './errors'
export { createOnce, saveIfUnchanged, updateVersion } from './conditional'
export { encodeCursor, decodeCursor } from './cursor'
export { getDb } from './client'
export { nameAccessPattern } from './recorder'
export { cachedScreen, forgetScreens } from './screen-cache'
export { writeMoneyCopy, readRateCard, readFinanceScreen, moneyAttributes, withoutMoney, type MoneyCopy } from './money-store'
export { settingsKeys } from './keys'
