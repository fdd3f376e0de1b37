import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

export const ProjectEntity = new Entity({
  name: entityNames.project,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    id: string(),
    clientId: string(),
    clientName: string(),
    name: string(),
    description: string().default(''),
    status: string().enum('proposed', 'active', 'on-hold', 'completed'),
    startDate: string(),
    endDate: string().optional(),
    budget: number().optional(),
    deletingAt: string().optional(),
  }),
})
