import 'server-only'
import { authorize, type Actor } from '../authorization'
import { cachedScreen, nameAccessPattern } from '../db'
import { capacityPartitions } from '../db/capacity-store'
import { CapacityShardSummaryEntity } from '../db/entities/digests'
import { readSummaries } from '../db/overview-store'
import { todayIso } from '../load/allocation'
import { mergeCapacity, type CapacityView } from '../digests/capacity-figures'

/**
 * `/capacity`: every practice's capacity and demand for the next 26 weeks, from the capacity
 * digests' summaries: one BatchGetItem of a fixed number of keys (one per shard), the same size at
 * any firm size.
 */
export async function getCapacity(actor: Actor | null, options: { today?: string } = {}): Promise<CapacityView> {
  authorize(actor, 'read')
  const today = options.today ?? todayIso()
  return cachedScreen({ screen: 'capacity', role: actor.role, args: [today] }, async () => {
    nameAccessPattern('Capacity')
    const found = await readSummaries(CapacityShardSummaryEntity, capacityPartitions)
    return mergeCapacity([...found.values()], today)
  })
}
