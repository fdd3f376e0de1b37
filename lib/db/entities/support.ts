import { Entity, item, list, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

// Claims an e-mail address for one employee: a conditional put on this item is the uniqueness check.
export const EmailClaimEntity = new Entity({
  name: entityNames.emailClaim,
  table: RosterTable,
  timestamps,
  schema: item({ ...keyAttributes, email: string(), employeeId: string() }),
})

// A multi-item operation in progress (client delete, rename fan-out). Written before the first item
// is touched and removed after the last, so an interrupted run can be found and finished.
export const JobEntity = new Entity({
  name: entityNames.job,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    kind: string(),
    targetId: string(),
    parentId: string().optional(),
    employeeIds: list(string()).default([]),
    technologyIds: list(string()).default([]),
    clientIds: list(string()).default([]),
  }),
})
