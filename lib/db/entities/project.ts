import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { editable, entityNames, keyAttributes, timestamps } from './common'

export const ProjectEntity = new Entity({
  name: entityNames.project,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    ...editable,
    id: string(),
    clientId: string(),
    clientName: string(),
    clientNameVersion: number().optional(),
    name: string(),
    description: string().default(''),
    status: string().enum('proposed', 'active', 'on-hold', 'completed'),
    startDate: string(),
    endDate: string().optional(),
    budget: number().optional(),
  }),
})
