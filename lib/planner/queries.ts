import 'server-only'
import { authorize, type Actor } from '../authorization'
import { EmployeeEntity, QueryCommand, cachedScreen, RosterTable, SkillEntity, decodeCursor, encodeCursor, listPartitions, nameAccessPattern, partitions, peopleKeys, skillLevelRange } from '../db'
import { toBookings, toTimeOff, type Booking, type TimeOff } from '../dto'
import { parseInput } from '../validation'
import { todayIso } from '../load/allocation'
import { freeOver } from './grid'
import { plannerPeopleInput, type PlannerFilters, type PlannerPeopleInput } from './schemas'

/** One row of the planner: what the grid's arithmetic needs of a person. */
export interface PlannerPerson {
  id: string
  name: string
  title: string | null
  practice: string | null
  location: string | null
  /** Weekly hours (null for a skill copied before they were). */
  capacityHours: number | null
  bookings: Booking[]
  timeOff: TimeOff[]
  /** The level in the filtered technology, when the planner is filtered by a skill. */
  level: number | null
}

export interface PlannerPage {
  people: PlannerPerson[]
  nextCursor: string | null
  /** People this page read before the availability filter (equal to people.length without it). */
  scanned: number
  /** Which key served the page: shown in the page's "Under the hood" note. */
  keyedBy: 'name' | 'practice' | 'location' | 'skill'
}

export const PLANNER_PAGE_SIZE = 50

/**
 * One Query per page of people, on the key that holds exactly the filtered people:
 * - a skill: the technology's partition on GSI2, `SKILL#<level>#…` from the minimum level up (best
 *   first); a practice or location then filters the copies on each skill item;
 * - a location: GSI6 `LOCATION#<location>`, and a practice narrows the sort key (`<practice>#…`);
 * - a practice: GSI5 `PRACTICE#<practice>`, by name;
 * - none: the employee list partition (GSI3), by name.
 * Availability ("free at least X% from D for N weeks") cannot be a key: it is computed here from the
 * bookings and time off each row carries, so such a page can hold fewer people than it read.
 */
export async function listPlannerPeople(actor: Actor | null, input: PlannerPeopleInput): Promise<PlannerPage> {
  authorize(actor, 'read')
  const filters = parseInput(plannerPeopleInput, input, 'planner filter')
  const today = todayIso()
  return cachedScreen({ screen: 'planner', role: actor.role, args: [filters, today] }, () => readPlannerPage(filters, today))
}

async function readPlannerPage(filters: PlannerFilters, today: string): Promise<PlannerPage> {
  const limit = filters.limit ?? PLANNER_PAGE_SIZE
  nameAccessPattern('Planner')
  let people: PlannerPerson[]
  let lastKey: Record<string, unknown> | undefined
  let keyedBy: PlannerPage['keyedBy']

  if (filters.technologyId) {
    keyedBy = 'skill'
    const partition = partitions.technology(filters.technologyId)
    const copies = [
      ...(filters.practice ? [{ attr: 'employeePractice', eq: filters.practice } as const] : []),
      ...(filters.location ? [{ attr: 'employeeLocation', eq: filters.location } as const] : []),
    ]
    const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
      .entities(SkillEntity)
      .query({ index: 'GSI2', partition, range: skillLevelRange(filters.minLevel ?? 1) })
      .options({
        limit,
        reverse: true,
        exclusiveStartKey: decodeCursor(filters.cursor, { attribute: 'GSI2PK', value: partition }),
        ...(copies.length ? { filters: { Skill: copies.length === 1 ? copies[0] : { and: copies } } } : {}),
      })
      .send()
    people = Items.map((skill) => ({
      id: skill.employeeId,
      name: skill.employeeName,
      title: skill.employeeTitle ?? null,
      practice: skill.employeePractice ?? null,
      location: skill.employeeLocation ?? null,
      capacityHours: skill.employeeCapacityHours ?? null,
      bookings: toBookings(skill.employeeBookings),
      timeOff: toTimeOff(skill.employeeTimeOff),
      level: skill.level,
    }))
    lastKey = LastEvaluatedKey
  } else {
    const query = filters.location
      ? { index: 'GSI6' as const, partition: peopleKeys.location(filters.location), ...(filters.practice ? { range: { beginsWith: peopleKeys.practiceInLocation(filters.practice) } } : {}) }
      : filters.practice
        ? { index: 'GSI5' as const, partition: peopleKeys.practice(filters.practice) }
        : { index: 'GSI3' as const, partition: listPartitions.employees }
    keyedBy = filters.location ? 'location' : filters.practice ? 'practice' : 'name'
    const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
      .entities(EmployeeEntity)
      .query(query)
      .options({ limit, exclusiveStartKey: decodeCursor(filters.cursor, { attribute: `${query.index}PK`, value: query.partition }) })
      .send()
    people = Items.map((employee) => ({
      id: employee.id,
      name: employee.name,
      title: employee.title,
      practice: employee.practice,
      location: employee.location,
      capacityHours: employee.capacityHours,
      bookings: toBookings(employee.bookings),
      timeOff: toTimeOff(employee.timeOff),
      level: null,
    }))
    lastKey = LastEvaluatedKey
  }

  const scanned = people.length
  if (filters.freeAtLeast) {
    const need = { from: filters.freeFrom ?? today, weeks: filters.freeWeeks ?? 1, includeTentative: filters.tentative === 'count' }
    const atLeast = filters.freeAtLeast
    people = people.filter((person) => freeOver(person, need) >= atLeast)
  }
  return { people, nextCursor: encodeCursor(lastKey), scanned, keyedBy }
}
