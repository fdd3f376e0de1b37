import { Entity, item, list, map, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { partitions, sortKeys } from '../keys'
import { assignmentStatuses } from './enums'
import { editable, entityNames, timestamps, projectEdgeNames } from './common'

const attributes = item({
  clientId: string().key(),
  projectId: string().key(),
  id: string().key(),
  ...projectEdgeNames,
  role: string(),
  practice: string(),
  // What the person must know: technology, its name (copied, for the suggestions' evidence), and the lowest level that will do.
  requirements: list(map({ technologyId: string(), technologyName: string(), minLevel: number() })).default([]),
  allocation: number(),
  startDate: string(),
  endDate: string(),
  status: string().enum(...assignmentStatuses),
  // Set by the first "Assign" (conditionally): who fills it, and the request that claimed it. The
  // assignment is made under `fillToken`, then this item is deleted (lib/roles/mutations.ts).
  fillEmployeeId: string().optional(),
  fillEmployeeName: string().optional(),
  fillToken: string().optional(),
  ...editable,
})

// An unfilled role (a placeholder) on a project: in the client's partition, after the project, so the
// dashboard and the project page read it in their one Query. No index: it belongs to no person, and
// capacity counts it through the capacity digests (lib/capacity).
export const UnfilledRoleEntity = new Entity({
  name: entityNames.unfilledRole,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ clientId }) => partitions.client(clientId)),
    SK: string().key().link<typeof schema>(({ projectId, id }) => sortKeys.unfilledRole(projectId, id)),
  })),
})
