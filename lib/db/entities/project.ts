import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { FIRM_PARTITION, firmPartition, indexKeys, partitions, sortKeys } from '../keys'
import { budgetKinds, pricingModels, projectStatuses } from './enums'
import { editable, entityNames, roleRateMap, timestamps } from './common'
import { movedKey, unlessDeleting } from './key-links'

const attributes = item({
  clientId: string().key(),
  id: string().key(),
  clientName: string(),
  clientNameVersion: number().optional(),
  name: string(),
  description: string().default(''),
  status: string().enum(...projectStatuses),
  startDate: string(),
  endDate: string().optional(),
  // Before pricing existed: a budget in whole currency units, read as a money budget (lib/dto.ts).
  budget: number().optional(),
  pricing: string().enum(...pricingModels).default('time_and_materials'),
  budgetKind: string().enum(...budgetKinds).optional(),
  /** Minor units for a money budget, hours for an hours budget. */
  budgetAmount: number().optional(),
  /** The project's own rate per role title, over the firm's card. */
  rates: roleRateMap.default({}),
  ...editable,
})

// In its client's partition; GSI4 (the firm overview) sorts projects by start date.
export const ProjectEntity = new Entity({
  name: entityNames.project,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ clientId }) => partitions.client(clientId)),
    SK: string().key().link<typeof schema>(({ id }) => sortKeys.project(id)),
    GSI4PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt, id }) => unlessDeleting(deletingAt, FIRM_PARTITION, () => firmPartition(id)))
      .updateLink<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, FIRM_PARTITION, () => undefined)),
    GSI4SK: string()
      .optional()
      .link<typeof schema>(({ startDate, id }) => indexKeys.firmProject(startDate, id))
      .updateLink<typeof schema>((input) => movedKey('GSI4SK', input, ['startDate'], ({ startDate, id }) => indexKeys.firmProject(startDate, id))),
  })),
})
