import { Entity, item, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { technologyCategories } from '../../technologies/schemas'
import { aggregate, editable, entityNames, keyAttributes, timestamps } from './common'

export const TechnologyEntity = new Entity({
  name: entityNames.technology,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    ...editable,
    ...aggregate,
    id: string(),
    name: string(),
    category: string().enum(...technologyCategories),
    // Per-edge maps: "<clientId>#<projectId>" -> 1 for stack entries, employee id -> level for skills.
    projectKeys: record(string(), number()).default({}),
    people: record(string(), number()).default({}),
    projectCount: number().default(0),
    peopleCount: number().default(0),
  }),
})
