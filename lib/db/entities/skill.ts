import { Entity, item, list, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { bookingSchema, entityNames, keyAttributes, timestamps } from './common'

// Stored in the employee's partition; GSI1 (employee) and GSI2 (technology) serve both sides.
export const SkillEntity = new Entity({
  name: entityNames.skill,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    employeeId: string(),
    employeeName: string(),
    technologyId: string(),
    technologyName: string(),
    level: number(),
    // A copy of the employee's bookings so the technology page can show who is free.
    employeeBookings: list(bookingSchema).default([]),
  }),
})
