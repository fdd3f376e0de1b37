import 'server-only'
import { authorize, type Actor } from '../authorization'
import { cachedScreen, nameAccessPattern } from '../db'
import { capacityPartitions } from '../db/capacity-store'
import { CapacityShardSummaryEntity } from '../db/entities/digests'
import { readSummaries } from '../db/overview-store'
import { todayIso } from '../load/allocation'
import { mergeCapacity } from '../digests/capacity-figures'
import { withUnfilledAtPracticeHours, type CapacityScreen } from './unfilled-hours'

/**
 * `/capacity`: every practice's capacity and demand for the next 26 weeks, from the capacity
 * digests' summaries: one BatchGetItem of a fixed number of keys (one per shard), the same size at
 * any firm size. Unfilled roles count at their practice's weekly hours (lib/capacity/unfilled-hours.ts).
 */
export async function getCapacity(actor: Actor | null, options: { today?: string } = {}): Promise<CapacityScreen> {
  authorize(actor, 'read')
  const today = options.today ?? todayIso()
  return cachedScreen({ screen: 'capacity', role: actor.role, args: [today] }, async () => {
    nameAccessPattern('Capacity')
    const found = await readSummaries(CapacityShardSummaryEntity, capacityPartitions)
    return withUnfilledAtPracticeHours(mergeCapacity([...found.values()], today))
  })
}
