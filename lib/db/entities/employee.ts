import { Entity, item, list, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { aggregate, bookingMap, editable, entityNames, keyAttributes, timestamps } from './common'

export const EmployeeEntity = new Entity({
  name: entityNames.employee,
  table: RosterTable,
  timestamps,
  schema: item({
    ...keyAttributes,
    ...editable,
    ...aggregate,
    id: string(),
    name: string(),
    email: string(),
    title: string(),
    practice: string(),
    location: string(),
    capacityHours: number().default(40),
    // Per-edge maps: assignment id -> booking, technology id -> level. One entry is set or removed
    // per edge write, so the person's list row and overview entry need no second read.
    bookings: bookingMap.default({}),
    skills: record(string(), number()).default({}),
    // Derived from `skills` (the employee list filters on it).
    skillIds: list(string()).default([]),
  }),
})
