import { Entity, item, number, record, string } from 'dynamodb-toolbox'
import { technologyCategories } from './enums'
import { RosterTable } from '../table'
import { indexKeys, listPartitions, nameSortKey, partitions, sortKeys } from '../keys'
import { aggregate, editable, entityNames, timestamps } from './common'
import { movedKey, unlessDeleting } from './key-links'

const attributes = item({
  id: string().key(),
  name: string(),
  category: string().enum(...technologyCategories),
  ...editable,
  ...aggregate,
  // Per-edge maps: "<clientId>#<projectId>" -> 1 for stack entries, employee id -> level for skills.
  projectKeys: record(string(), number()).default({}),
  people: record(string(), number()).default({}),
  projectCount: number().default(0),
  peopleCount: number().default(0),
})

// Its own partition; GSI2 is the technology's view (with its stack entries and skills), GSI3 the list.
export const TechnologyEntity = new Entity({
  name: entityNames.technology,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ id }) => partitions.technology(id)),
    SK: string().key().link<typeof schema>(() => sortKeys.technology),
    GSI2PK: string().optional().link<typeof schema>(({ id }) => partitions.technology(id)),
    GSI2SK: string().optional().link<typeof schema>(() => indexKeys.technologySelf),
    GSI3PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.technologies, () => listPartitions.technologies))
      .updateLink<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.technologies, () => undefined)),
    GSI3SK: string()
      .optional()
      .link<typeof schema>(({ name, id }) => nameSortKey(name, id))
      .updateLink<typeof schema>((input) => movedKey('GSI3SK', input, ['name'], ({ name, id }) => nameSortKey(name, id))),
  })),
})
