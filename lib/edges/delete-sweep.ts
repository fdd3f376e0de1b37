import 'server-only'
import { deleteItemOf, markDeleting, type Entity, type KeyInputItem, type Marked } from '../db'
import type { JobContext } from '../jobs/runner'
import { indexSettleMs, sleep } from '../jobs/settle'
import type { readClientEdges } from '../reads'
import { finishJournalledEdges, removeEdgesJournalled, stillPresent, type EdgeRef } from './journal'

// The one delete, without transactions, as the step of a job: mark the item (off every list at once),
// remove its edges pass by pass (each edge out of the aggregates it fed, written down in the job
// first), then delete the item. Re-running it after a crash at any point finishes the work. What
// differs between kinds is how to find their edges: a description (DeleteSweep) says that.

/** What a pass found left to remove, from sources that are read consistently. */
export interface Remaining {
  edges: EdgeRef[]
  /** Removes what this pass found besides edges, once its edges are gone (a client's projects). */
  afterEdges?: () => Promise<void>
}

export interface DeleteSweep<E extends Entity> {
  entity: E
  key: KeyInputItem<E>
  /** Once the item is marked: whatever must stop showing it at once (a digest, its children's marks). */
  hide?: (marked: Marked<E>) => Promise<void>
  /** What is left, from the item's own maps or partition; nothing left ends the sweep. */
  remaining: () => Promise<Remaining>
  /**
   * Edges an index shows (for those whose synchronisation has not reached the item's maps yet), read
   * once, after the index has caught up with the marking, when nothing else is left.
   */
  indexEdges?: () => Promise<EdgeRef[]>
  onBatch?: (done: number, total: number) => Promise<void> | void
  /** After the item itself is deleted; `deleted` is whether this run deleted it. */
  finish?: (marked: Marked<E>, deleted: boolean) => Promise<void>
}

/** Runs a delete sweep; how many edges of each kind it removed. */
export async function sweepDelete<E extends Entity>(sweep: DeleteSweep<E>, context: JobContext): Promise<Record<EdgeRef['kind'], number>> {
  await finishJournalledEdges(context)
  const removed = { assignment: 0, skill: 0, stack: 0, role: 0 }
  const marked = await markDeleting(sweep.entity, sweep.key, new Date().toISOString())
  if (!marked) return removed
  await sweep.hide?.(marked)
  for (let pass = 0; pass < 100; pass++) {
    const { edges, afterEdges } = await sweep.remaining()
    if (edges.length === 0 && !afterEdges) {
      if (!sweep.indexEdges) break
      await sleep(Date.parse(marked.deletingAt) + indexSettleMs() - Date.now())
      edges.push(...(await stillPresent(await sweep.indexEdges())))
      if (edges.length === 0) break
    }
    const counts = await removeEdgesJournalled(edges, context, sweep.onBatch)
    for (const kind of ['assignment', 'skill', 'stack', 'role'] as const) removed[kind] += counts[kind]
    await afterEdges?.()
  }
  const deleted = await deleteItemOf(sweep.entity, sweep.key)
  await sweep.finish?.(marked, deleted !== null)
  return removed
}

/** The edges among a client's items (as readClientEdges reads them): its assignments, stack entries and unfilled roles. */
export function edgesAmong(items: Awaited<ReturnType<typeof readClientEdges>>): EdgeRef[] {
  return items.flatMap((item): EdgeRef[] => {
    const { clientId } = item
    if (item.entity === 'Assignment') return [{ kind: 'assignment', clientId, projectId: item.projectId, assignmentId: item.id, employeeId: item.employeeId }]
    if (item.entity === 'StackEntry') return [{ kind: 'stack', clientId, projectId: item.projectId, technologyId: item.technologyId }]
    if (item.entity === 'UnfilledRole') return [{ kind: 'role', clientId, projectId: item.projectId, roleId: item.id }]
    return []
  })
}
