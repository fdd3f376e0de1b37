import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { editable, entityNames, keyAttributes, timestamps } from './common'

// Stored once, in the client's partition; GSI1 serves the employee's side of the edge.
// Names are copies, each with the version of the item it was copied from (see lib/db/aggregates.ts).
export const AssignmentEntity = new Entity({
  name: entityNames.assignment,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    ...editable,
    id: string(),
    clientId: string(),
    clientName: string(),
    clientNameVersion: number().optional(),
    projectId: string(),
    projectName: string(),
    projectNameVersion: number().optional(),
    employeeId: string(),
    employeeName: string(),
    employeeNameVersion: number().optional(),
    role: string(),
    allocation: number(),
    startDate: string(),
    endDate: string().optional(),
    status: string().enum('tentative', 'confirmed'),
  }),
})
