import { Entity, item, list, number, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { bookingSchema, entityNames, keyAttributes, timestamps } from './common'

export const EmployeeEntity = new Entity({
  name: entityNames.employee,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    id: string(),
    name: string(),
    email: string(),
    title: string(),
    practice: string(),
    location: string(),
    capacityHours: number().default(40),
    // Compact copies of the employee's assignments and skills, recomputed after each change, so the
    // employee list can show this week's allocation and filter by skill from the list index alone.
    bookings: list(bookingSchema).default([]),
    skillIds: list(string()).default([]),
  }),
})
