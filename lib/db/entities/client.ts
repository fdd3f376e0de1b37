import { Entity, item, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { listPartitions, nameSortKey, partitions, sortKeys } from '../keys'
import { clientStatuses } from './enums'
import { aggregate, editable, entityNames, timestamps } from './common'
import { movedKey, unlessDeleting } from './key-links'

const attributes = item({
  id: string().key(),
  name: string(),
  industry: string(),
  contactEmail: string(),
  status: string().enum(...clientStatuses),
  ...editable,
  ...aggregate,
  // Per-edge maps (project id -> 1, assignment id -> employee id), one entry set or removed per
  // edge write; the counts below are derived from them (lib/aggregates/update.ts).
  projectIds: record(string(), number()).default({}),
  staffing: record(string(), string()).default({}),
  projectCount: number().default(0),
  staffedCount: number().default(0),
})

export const ClientEntity = new Entity({
  name: entityNames.client,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ id }) => partitions.client(id)),
    SK: string().key().link<typeof schema>(() => sortKeys.client),
    GSI3PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.clients, () => listPartitions.clients))
      .updateLink<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.clients, () => undefined)),
    GSI3SK: string()
      .optional()
      .link<typeof schema>(({ name, id }) => nameSortKey(name, id))
      .updateLink<typeof schema>((input) => movedKey('GSI3SK', input, ['name'], ({ name, id }) => nameSortKey(name, id))),
  })),
})
