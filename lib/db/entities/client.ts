import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

export const ClientEntity = new Entity({
  name: entityNames.client,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    id: string(),
    name: string(),
    industry: string(),
    contactEmail: string(),
    status: string().enum('active', 'archived'),
    // Summaries recomputed from the client's partition after every write in it (see lib/summaries.ts).
    projectCount: number().default(0),
    staffedCount: number().default(0),
    deletingAt: string().optional(),
  }),
})
