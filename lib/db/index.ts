// The data boundary: domain modules import DynamoDB things from here only.
export {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  $add,
  $remove,
} from 'dynamodb-toolbox'
export { RosterTable, ensureTable, tableDefinition } from './table'
export { keys, gsiKeys, listPartitions, FIRM_PARTITION, nameSortKey, normalizeName, type ListPartition } from './keys'
export * from './entities'
export { itemKeyOf, batchDeleteKeys, batchPutItems, queryAllItems, updateEachItem, type ItemKey } from './batch'
export { isConditionalCheckFailed, toDatabaseError } from './errors'
export { encodeCursor, decodeCursor } from './cursor'
export { getDb } from './client'
export { nameAccessPattern } from './recorder'
