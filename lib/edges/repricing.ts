import 'server-only'
import { QueryCommand, RosterTable, ClientEntity, forEachBounded, listPartitions, readRateCard } from '../db'
import type { JobContext } from '../jobs/runner'
import { readClientEdges, readEmployee, readProject } from '../reads'
import { roleKey } from '../money/figures'
import { moneyCopyOf, refreshAssignmentMoney, sameMoney } from './assignment-money'
import { syncAssignment } from './assignment'
import { syncProjectFinance } from '../digests/finance-sync'

// Repricing: after a project's pricing or rates, or the firm's rate card, changed, every assignment
// that depends on it gets its money copy again. Each step reads its sources consistently and writes only
// a copy that differs, so a job cut off anywhere is finished by running it again.

type Edge = Awaited<ReturnType<typeof readClientEdges>>[number]
type AssignmentEdge = Extract<Edge, { entity: 'Assignment' }>

/** Re-copies the given assignments of one project; one whose billing changed is synchronised in full (its bookings say billable or not). */
async function repriceAssignments(clientId: string, projectId: string, assignments: AssignmentEdge[]): Promise<number> {
  if (assignments.length === 0) return 0
  const [project, card] = await Promise.all([readProject(clientId, projectId), readRateCard()])
  if (!project || project.deletingAt) return 0
  let changed = 0
  await forEachBounded(assignments, 8, async (assignment) => {
    const employee = await readEmployee(assignment.employeeId)
    if (!employee) return
    const copy = moneyCopyOf(assignment, project, employee, card)
    // The person's booking says billable or not as well: a run cut off between the copy and the
    // booking finds the copy current and the booking not.
    const booking = employee.bookings?.[assignment.id]
    const bookingCurrent = !booking || (booking.billable !== false) === copy.billable
    if (sameMoney(assignment.money, copy) && bookingCurrent) return
    changed++
    if (assignment.money?.billable !== copy.billable || !bookingCurrent) {
      await syncAssignment({ clientId, projectId, assignmentId: assignment.id, employeeId: assignment.employeeId })
    } else {
      await refreshAssignmentMoney({ clientId, projectId, id: assignment.id }, { project, employee, card })
    }
  })
  // Always, not only when a copy changed here: a run cut off after writing copies finds them current.
  await syncProjectFinance(clientId, projectId)
  return changed
}

const isAssignment = (edge: Edge): edge is AssignmentEdge => edge.entity === 'Assignment'

/** Every assignment of one project, after its pricing or its own rates changed. */
export async function repriceProject(clientId: string, projectId: string, context?: JobContext): Promise<number> {
  const assignments = (await readClientEdges(clientId, projectId)).filter(isAssignment)
  const changed = await repriceAssignments(clientId, projectId, assignments)
  if (assignments.length === 0) await syncProjectFinance(clientId, projectId)
  await context?.heartbeat({ done: assignments.length, total: assignments.length })
  return changed
}

/**
 * Every assignment in the firm whose role is one of `roles` (role keys; all when empty), after the
 * firm's card changed: client by client, in name order, with progress by clients done. The client list
 * comes from an index and may lag by a second: a client made in that second staffs with the new card
 * already (its assignments' syncs read it).
 */
export async function repriceFirm(roles: string[], context?: JobContext): Promise<{ clients: number; changed: number }> {
  const wanted = new Set(roles)
  const clientIds: string[] = []
  let cursor: Record<string, unknown> | undefined
  do {
    const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
      .entities(ClientEntity)
      .query({ index: 'GSI3', partition: listPartitions.clients })
      .options({ attributes: ['id'], ...(cursor ? { exclusiveStartKey: cursor } : {}) })
      .send()
    clientIds.push(...Items.map((item) => item.id))
    cursor = LastEvaluatedKey
  } while (cursor)
  let changed = 0
  for (let done = 0; done < clientIds.length; done++) {
    const clientId = clientIds[done]
    const assignments = (await readClientEdges(clientId)).filter(isAssignment).filter((a) => wanted.size === 0 || wanted.has(roleKey(a.role)))
    for (const projectId of new Set(assignments.map((a) => a.projectId))) {
      changed += await repriceAssignments(clientId, projectId, assignments.filter((a) => a.projectId === projectId))
    }
    if (done % 10 === 9 || done === clientIds.length - 1) await context?.heartbeat({ done: done + 1, total: clientIds.length })
  }
  return { clients: clientIds.length, changed }
}
