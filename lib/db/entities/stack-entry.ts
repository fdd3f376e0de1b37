import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { indexKeys, partitions, sortKeys } from '../keys'
import { entityNames, timestamps, projectEdgeNames } from './common'

const attributes = item({
  clientId: string().key(),
  projectId: string().key(),
  technologyId: string().key(),
  ...projectEdgeNames,
  technologyName: string(),
  technologyCategory: string(),
  technologyNameVersion: number().optional(),
  note: string().default(''),
})

// A technology on a project: stored in the client's partition, GSI2 serves the technology's side.
export const StackEntryEntity = new Entity({
  name: entityNames.stackEntry,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ clientId }) => partitions.client(clientId)),
    SK: string().key().link<typeof schema>(({ projectId, technologyId }) => sortKeys.stackEntry(projectId, technologyId)),
    GSI2PK: string().optional().link<typeof schema>(({ technologyId }) => partitions.technology(technologyId)),
    GSI2SK: string().optional().link<typeof schema>(({ clientId, projectId }) => indexKeys.stackByTechnology(clientId, projectId)),
  })),
})
