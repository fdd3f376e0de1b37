import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { bookingMap, entityNames, keyAttributes, timestamps } from './common'

// Stored in the employee's partition; GSI1 (employee) and GSI2 (technology) serve both sides.
export const SkillEntity = new Entity({
  name: entityNames.skill,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    employeeId: string(),
    employeeName: string(),
    employeeNameVersion: number().optional(),
    technologyId: string(),
    technologyName: string(),
    technologyNameVersion: number().optional(),
    level: number(),
    // A copy of the employee's bookings so the technology page can show who is free; bookingsRev is
    // the employee's aggRev it was copied at (newer copies win).
    employeeBookings: bookingMap.default({}),
    bookingsRev: number().optional(),
  }),
})
