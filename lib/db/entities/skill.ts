import { Entity, item, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { indexKeys, partitions, sortKeys } from '../keys'
import { bookingMap, entityNames, timeOffMap, timestamps } from './common'
import { movedKey } from './key-links'

const attributes = item({
  employeeId: string().key(),
  technologyId: string().key(),
  employeeName: string(),
  employeeNameVersion: number().optional(),
  // Copied with the name (same version stamp): the planner groups and filters a technology's people by them.
  employeePractice: string().optional(),
  employeeLocation: string().optional(),
  employeeTitle: string().optional(),
  // The person's weekly hours, so the planner can show a technology's people in hours too.
  employeeCapacityHours: number().optional(),
  technologyName: string(),
  technologyNameVersion: number().optional(),
  level: number(),
  // A copy of the employee's bookings and time off so the technology page can show who is free;
  // bookingsRev is the employee's aggRev it was copied at (newer copies win).
  employeeBookings: bookingMap.default({}),
  employeeTimeOff: timeOffMap.default({}),
  bookingsRev: number().optional(),
})

// Stored in the employee's partition; GSI1 (employee) and GSI2 (technology) serve both sides.
export const SkillEntity = new Entity({
  name: entityNames.skill,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ employeeId }) => partitions.employee(employeeId)),
    SK: string().key().link<typeof schema>(({ technologyId }) => sortKeys.skill(technologyId)),
    GSI1PK: string().optional().link<typeof schema>(({ employeeId }) => partitions.employee(employeeId)),
    GSI1SK: string().optional().link<typeof schema>(({ technologyId }) => indexKeys.skillByEmployee(technologyId)),
    GSI2PK: string().optional().link<typeof schema>(({ technologyId }) => partitions.technology(technologyId)),
    GSI2SK: string()
      .optional()
      .link<typeof schema>(({ level, employeeId }) => indexKeys.skillByTechnology(level, employeeId))
      .updateLink<typeof schema>((input) => movedKey('GSI2SK', input, ['level'], ({ level, employeeId }) => indexKeys.skillByTechnology(level, employeeId))),
  })),
})
