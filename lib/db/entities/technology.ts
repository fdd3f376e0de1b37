import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

export const TechnologyEntity = new Entity({
  name: entityNames.technology,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    id: string(),
    name: string(),
    category: string().enum('language', 'framework', 'database', 'cloud', 'tool', 'other'),
    projectCount: number().default(0),
    peopleCount: number().default(0),
  }),
})
