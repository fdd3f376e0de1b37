import { Entity, boolean, item, list, map, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { indexKeys, partitions, sortKeys } from '../keys'
import { assignmentStatuses, rateSources } from './enums'
import { editable, entityNames, timestamps, projectEdgeNames } from './common'
import { movedKey } from './key-links'

/**
 * What the assignment's money figures need from other items, copied on by its sync
 * (lib/edges/assignment-money.ts) so a project page or dashboard is still one Query: whether the project
 * bills, the resolved charge-out rate and where it came from, the person's cost rate, weekly hours and
 * time off over the assignment, and the versions of the project, person and rate card it was copied from.
 */
export const moneyCopySchema = map({
  billable: boolean(),
  rate: number(),
  rateSource: string().enum(...rateSources),
  cost: number(),
  hours: number(),
  off: list(string()),
  projectVersion: number(),
  employeeVersion: number(),
  employeeRev: number(),
  cardVersion: number(),
})

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
  /** This assignment's own charge-out rate (minor units per hour), over the project's and the card's. */
  rateOverride: number().optional(),
  money: moneyCopySchema.optional(),
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
