import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { indexKeys, partitions, sortKeys } from '../keys'
import { assignmentStatuses } from './enums'
import { editable, entityNames, timestamps, projectEdgeNames } from './common'
import { movedKey } from './key-links'

const attributes = item({
  clientId: string().key(),
  projectId: string().key(),
  id: string().key(),
  ...projectEdgeNames,
  employeeId: string(),
  employeeName: string(),
  employeeNameVersion: number().optional(),
  role: string(),
  allocation: number(),
  startDate: string(),
  endDate: string().optional(),
  status: string().enum(...assignmentStatuses),
  ...editable,
})

// Stored once, in the client's partition; GSI1 serves the employee's side of the edge, by start date.
// Names are copies, each with the version of the item it was copied from (lib/db/aggregates.ts).
export const AssignmentEntity = new Entity({
  name: entityNames.assignment,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ clientId }) => partitions.client(clientId)),
    SK: string().key().link<typeof schema>(({ projectId, id }) => sortKeys.assignment(projectId, id)),
    GSI1PK: string().optional().link<typeof schema>(({ employeeId }) => partitions.employee(employeeId)),
    GSI1SK: string()
      .optional()
      .link<typeof schema>(({ startDate, id }) => indexKeys.assignmentByEmployee(startDate, id))
      .updateLink<typeof schema>((input) => movedKey('GSI1SK', input, ['startDate'], ({ startDate, id }) => indexKeys.assignmentByEmployee(startDate, id))),
  })),
})
