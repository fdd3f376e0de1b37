import { Entity, item, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

// A technology on a project: stored in the client's partition, GSI2 serves the technology's side.
export const StackEntryEntity = new Entity({
  name: entityNames.stackEntry,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    clientId: string(),
    clientName: string(),
    projectId: string(),
    projectName: string(),
    technologyId: string(),
    technologyName: string(),
    technologyCategory: string(),
    note: string().default(''),
  }),
})
