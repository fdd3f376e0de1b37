import 'server-only'
import { authorize, type Actor } from '../authorization'
import { getCapacity } from '../capacity/queries'
import { todayIso } from '../load/allocation'
import { parseInput } from '../validation'
import { periodRange, utilizationOf, type UtilizationView } from './figures'
import { utilizationInput } from './schemas'

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
