import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { entityNames, keyAttributes, timestamps } from './common'

// Stored once, in the client's partition; GSI1 serves the employee's side of the edge.
// Names are copies, refreshed by the rename fan-out, so neither view needs a second read.
export const AssignmentEntity = new Entity({
  name: entityNames.assignment,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    id: string(),
    clientId: string(),
    clientName: string(),
    projectId: string(),
    projectName: string(),
    employeeId: string(),
    employeeName: string(),
    role: string(),
    allocation: number(),
    startDate: string(),
    endDate: string().optional(),
    status: string().enum('tentative', 'confirmed'),
  }),
})
