import 'server-only'
import { AssignmentEntity, GetItemCommand, SkillEntity, StackEntryEntity, UnfilledRoleEntity, forEachBounded } from '../db'
import { removeSkillEdge, syncSkill } from './skill'
import { removeStackEntryEdge, syncStackEntry } from './stack-entry'
import { removeAssignment, syncAssignment } from './assignment'
import { removeUnfilledRole, syncUnfilledRole } from './unfilled-role'
import type { JobContext } from '../jobs/runner'

// An edge a sweep is about to remove, written down (in its job) before it is touched. Removing an
// edge is several writes (the edge, then each aggregate it fed); a crash between them would leave an
// aggregate entry that nothing points back to. A resumed sweep first re-synchronises every edge it
// had written down, which finishes whatever that crash left.

export type EdgeRef =
  | { kind: 'assignment'; clientId: string; projectId: string; assignmentId: string; employeeId: string }
  | { kind: 'skill'; employeeId: string; technologyId: string }
  | { kind: 'stack'; clientId: string; projectId: string; technologyId: string }
  | { kind: 'role'; clientId: string; projectId: string; roleId: string }

export function encodeEdge(edge: EdgeRef): string {
  if (edge.kind === 'assignment') return ['assignment', edge.clientId, edge.projectId, edge.assignmentId, edge.employeeId].join('|')
  if (edge.kind === 'skill') return ['skill', edge.employeeId, edge.technologyId].join('|')
  if (edge.kind === 'role') return ['role', edge.clientId, edge.projectId, edge.roleId].join('|')
  return ['stack', edge.clientId, edge.projectId, edge.technologyId].join('|')
}

export function decodeEdge(text: string): EdgeRef | null {
  const [kind, ...parts] = text.split('|')
  if (kind === 'assignment' && parts.length === 4) return { kind, clientId: parts[0], projectId: parts[1], assignmentId: parts[2], employeeId: parts[3] }
  if (kind === 'skill' && parts.length === 2) return { kind, employeeId: parts[0], technologyId: parts[1] }
  if (kind === 'stack' && parts.length === 3) return { kind, clientId: parts[0], projectId: parts[1], technologyId: parts[2] }
  if (kind === 'role' && parts.length === 3) return { kind, clientId: parts[0], projectId: parts[1], roleId: parts[2] }
  return null
}

/** Removes the edge and takes it out of its aggregates; whether it was still there. */
async function removeEdge(edge: EdgeRef): Promise<boolean> {
  if (edge.kind === 'assignment') return removeAssignment(edge)
  if (edge.kind === 'skill') return removeSkillEdge(edge)
  if (edge.kind === 'role') return removeUnfilledRole(edge)
  return removeStackEntryEdge(edge)
}

async function exists(edge: EdgeRef): Promise<boolean> {
  const consistent = { consistent: true } as const
  if (edge.kind === 'assignment') {
    return Boolean((await AssignmentEntity.build(GetItemCommand).key({ clientId: edge.clientId, projectId: edge.projectId, id: edge.assignmentId }).options(consistent).send()).Item)
  }
  if (edge.kind === 'skill') return Boolean((await SkillEntity.build(GetItemCommand).key(edge).options(consistent).send()).Item)
  if (edge.kind === 'role') return Boolean((await UnfilledRoleEntity.build(GetItemCommand).key({ clientId: edge.clientId, projectId: edge.projectId, id: edge.roleId }).options(consistent).send()).Item)
  return Boolean((await StackEntryEntity.build(GetItemCommand).key(edge).options(consistent).send()).Item)
}

/**
 * Of the edges an index pass found, those that still exist in the table: a lagging index still shows
 * an edge for a while after it is deleted, and a pass that finds only those has found nothing.
 */
export async function stillPresent(edges: EdgeRef[]): Promise<EdgeRef[]> {
  const present: EdgeRef[] = []
  await forEachBounded(edges, 8, async (edge) => {
    if (await exists(edge)) present.push(edge)
  })
  return present
}

async function resyncEdge(edge: EdgeRef): Promise<void> {
  if (edge.kind === 'assignment') return void (await syncAssignment(edge))
  if (edge.kind === 'skill') return void (await syncSkill(edge))
  if (edge.kind === 'role') return void (await syncUnfilledRole(edge))
  return void (await syncStackEntry(edge))
}

/** Re-synchronises the edges a crashed run of this job had written down. */
export async function finishJournalledEdges(context: JobContext): Promise<void> {
  const pending = context.pending.map(decodeEdge).filter((edge): edge is EdgeRef => edge !== null)
  await forEachBounded(pending, 8, resyncEdge)
}

/** Removes edges in batches, each batch written down in the job first; returns how many of each kind. */
export async function removeEdgesJournalled(
  edges: EdgeRef[],
  context: JobContext,
  onBatch?: (done: number, total: number) => Promise<void> | void,
): Promise<Record<EdgeRef['kind'], number>> {
  const counts = { assignment: 0, skill: 0, stack: 0, role: 0 }
  const batchSize = 25
  for (let start = 0; start < edges.length; start += batchSize) {
    const batch = edges.slice(start, start + batchSize)
    await context.journal(batch.map(encodeEdge))
    await forEachBounded(batch, 8, async (edge) => {
      if (await removeEdge(edge)) counts[edge.kind]++
    })
    const done = Math.min(start + batchSize, edges.length)
    await context.heartbeat({ done, total: edges.length })
    await onBatch?.(done, edges.length)
  }
  return counts
}
