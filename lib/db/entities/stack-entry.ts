import { Entity, item, number, string } from 'dynamodb-toolbox'
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
    clientNameVersion: number().optional(),
    projectId: string(),
    projectName: string(),
    projectNameVersion: number().optional(),
    technologyId: string(),
    technologyName: string(),
    technologyCategory: string(),
    technologyNameVersion: number().optional(),
    note: string().default(''),
  }),
})
