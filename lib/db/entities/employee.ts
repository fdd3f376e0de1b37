import { Entity, item, list, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { indexKeys, listPartitions, nameSortKey, partitions, peopleKeys, sortKeys } from '../keys'
import { aggregate, bookingMap, editable, entityNames, timeOffMap, timestamps } from './common'
import { movedKey, unlessDeleting } from './key-links'

const attributes = item({
  id: string().key(),
  name: string(),
  email: string(),
  title: string(),
  practice: string(),
  location: string(),
  capacityHours: number().default(40),
  /** What an hour of this person costs the firm, in minor units (managers and admins only). */
  costRate: number().optional(),
  ...editable,
  ...aggregate,
  // Per-edge maps: assignment id -> booking, technology id -> level. One entry is set or removed
  // per edge write, so the person's list row and overview entry need no second read.
  bookings: bookingMap.default({}),
  skills: record(string(), number()).default({}),
  // Time off, by entry id: the record of it (not derived); counted in every allocation figure.
  timeOff: timeOffMap.default({}),
  // Derived from `skills` (the employee list filters on it) and from `bookings` (the overview's
  // compact copy, lib/aggregates/employee-figures.ts).
  skillIds: list(string()).default([]),
  loadSpans: list(string()).default([]),
})

// Its own partition (with its skills); GSI1 is the person's view, GSI3 the list, GSI5 and GSI6 the
// planner's practice and location keys. (Not GSI4: every staffing change would write its partition.) A save carries name, practice and
// location, so the update links move those keys with it.
export const EmployeeEntity = new Entity({
  name: entityNames.employee,
  table: RosterTable,
  timestamps,
  schema: attributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ id }) => partitions.employee(id)),
    SK: string().key().link<typeof schema>(() => sortKeys.employee),
    GSI1PK: string().optional().link<typeof schema>(({ id }) => partitions.employee(id)),
    GSI1SK: string().optional().link<typeof schema>(() => indexKeys.employeeSelf),
    GSI3PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.employees, () => listPartitions.employees))
      .updateLink<typeof schema>(({ deletingAt }) => unlessDeleting(deletingAt, listPartitions.employees, () => undefined)),
    GSI3SK: string()
      .optional()
      .link<typeof schema>(({ name, id }) => nameSortKey(name, id))
      .updateLink<typeof schema>((input) => movedKey('GSI3SK', input, ['name'], ({ name, id }) => nameSortKey(name, id))),
    GSI5PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt, practice }) => unlessDeleting(deletingAt, peopleKeys.everyone, () => peopleKeys.practice(practice)))
      .updateLink<typeof schema>((input) =>
        unlessDeleting(input.deletingAt, peopleKeys.everyone, () => movedKey('GSI5PK', input, ['practice'], ({ practice }) => peopleKeys.practice(practice))),
      ),
    GSI5SK: string()
      .optional()
      .link<typeof schema>(({ name, id }) => peopleKeys.byPractice(name, id))
      .updateLink<typeof schema>((input) => movedKey('GSI5SK', input, ['name'], ({ name, id }) => peopleKeys.byPractice(name, id))),
    GSI6PK: string()
      .optional()
      .link<typeof schema>(({ deletingAt, location }) => unlessDeleting(deletingAt, peopleKeys.everyone, () => peopleKeys.location(location)))
      .updateLink<typeof schema>((input) =>
        unlessDeleting(input.deletingAt, peopleKeys.everyone, () => movedKey('GSI6PK', input, ['location'], ({ location }) => peopleKeys.location(location))),
      ),
    GSI6SK: string()
      .optional()
      .link<typeof schema>(({ practice, name, id }) => peopleKeys.byLocation(practice, name, id))
      .updateLink<typeof schema>((input) => movedKey('GSI6SK', input, ['practice', 'name'], ({ practice, name, id }) => peopleKeys.byLocation(practice, name, id))),
  })),
})
