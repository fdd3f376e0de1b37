import { Entity, item, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { settingsKeys } from '../keys'
import { editable, entityNames, roleRateMap, timestamps } from './common'

const attributes = item({
  /** The firm's default charge-out rate per role title. */
  rates: roleRateMap.default({}),
  ...editable,
})

// One item: the firm's default rate card. Read by GetItem where an assignment's rate is resolved (its
// sync), never by a screen: assignments carry the rate they resolved to.
export const RateCardEntity = new Entity({
  name: entityNames.rateCard,
  table: RosterTable,
  timestamps,
  schema: attributes.and(() => ({
    PK: string().key().const(settingsKeys.partition),
    SK: string().key().const(settingsKeys.rateCard),
  })),
})
