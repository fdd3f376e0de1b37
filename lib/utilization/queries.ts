import 'server-only'
import { authorize, type Actor } from '../authorization'
import { getCapacity } from '../capacity/queries'
import { todayIso } from '../load/allocation'
import { parseInput } from '../validation'
import { periodRange, personUtilizationRow, utilizationOf, type UtilizationRow, type UtilizationView } from './figures'
import { utilizationInput, utilizationPeopleInput } from './schemas'
import { listEmployees } from '../employees/queries'

/**
 * `/utilization`: capacity, scheduled, billable and non-billable hours for a period, by week or month,
 * for the firm and each practice. The capacity digests' read (one BatchGetItem, shared with `/capacity`
 * through the screen cache); hours only, so every role may see it.
 */
export async function getUtilization(actor: Actor | null, input: unknown, options: { today?: string } = {}): Promise<UtilizationView & { practice: string | null }> {
  authorize(actor, 'read')
  const { period, from, to, grain, practice, tentative } = parseInput(utilizationInput, input, 'utilization')
  const today = options.today ?? todayIso()
  const view = utilizationOf(await getCapacity(actor, { today }), periodRange(period, today, { from, to }), grain, tentative === 'include')
  return { ...view, practice: practice && view.practices.some((row) => row.key === practice) ? practice : null }
}

export interface UtilizationPeoplePage {
  from: string
  to: string
  grain: 'week' | 'month'
  includeTentative: boolean
  practice: string
  /** As the people spell it (the key is lower-cased). */
  practiceName: string
  people: UtilizationRow[]
  nextCursor: string | null
  uncovered: number
}

/**
 * `/utilization?view=people`: one practice's people, 50 to a page by name, each with their own figures
 * for the period: the employee list's Query on the practice key (GSI5), computed from each person's
 * bookings and time off as the digests count them. Hours only.
 */
export async function getUtilizationPeople(actor: Actor | null, input: unknown, options: { today?: string } = {}): Promise<UtilizationPeoplePage> {
  authorize(actor, 'read')
  const { period, from, to, grain, practice, tentative, cursor } = parseInput(utilizationPeopleInput, input, 'utilization')
  const today = options.today ?? todayIso()
  const range = periodRange(period, today, { from, to })
  const page = await listEmployees(actor, { practice, ...(cursor ? { cursor } : {}), limit: 50 })
  const people = page.items.map((person) => personUtilizationRow(person, range, grain, tentative === 'include', today))
  return {
    ...range,
    grain,
    includeTentative: tentative === 'include',
    practice,
    practiceName: page.items[0]?.practice ?? practice,
    people,
    nextCursor: page.nextCursor,
    uncovered: people[0]?.uncovered ?? 0,
  }
}
