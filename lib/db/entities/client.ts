import { Entity, item, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { aggregate, editable, entityNames, keyAttributes, timestamps } from './common'

export const ClientEntity = new Entity({
  name: entityNames.client,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    ...editable,
    ...aggregate,
    id: string(),
    name: string(),
    industry: string(),
    contactEmail: string(),
    status: string().enum('active', 'archived'),
    // Per-edge maps (project id -> 1, assignment id -> employee id), one entry set or removed per
    // edge write; the counts below are derived from them (lib/db/aggregates.ts).
    projectIds: record(string(), number()).default({}),
    staffing: record(string(), string()).default({}),
    projectCount: number().default(0),
    staffedCount: number().default(0),
  }),
})
