import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { AssignmentEntity, ClientEntity, EmployeeEntity, GetItemCommand, ProjectEntity, copyFields, deleteItemOf, readRateCard } from '../db'
import { updateAggregate } from '../aggregates/update'
import { copyBookingsToSkills } from './skill'
import { syncPersonOverview } from '../digests/overview-sync'
import { refreshAssignmentMoney } from './assignment-money'
import { syncProjectFinance } from '../digests/finance-sync'

// An assignment feeds three aggregates: the employee's `bookings` map (and its copies on their skill
// items) and the client's `staffing` map (staffedCount). Each step reads the edge with a consistent
// read and applies what it says to each aggregate, one entry, so the cost does not depend on how
// many assignments the client or the person has, and re-running it is harmless.

export interface AssignmentRef {
  clientId: string
  projectId: string
  assignmentId: string
  employeeId: string
}

type AssignmentItem = NonNullable<Awaited<ReturnType<typeof readAssignment>>>
type EmployeeItem = FormattedItem<typeof EmployeeEntity>

async function readAssignment(ref: Pick<AssignmentRef, 'clientId' | 'projectId' | 'assignmentId'>) {
  const { Item } = await AssignmentEntity.build(GetItemCommand)
    .key({ clientId: ref.clientId, projectId: ref.projectId, id: ref.assignmentId })
    .options({ consistent: true })
    .send()
  return Item ?? null
}

export function bookingOf(assignment: AssignmentItem) {
  return {
    clientId: assignment.clientId,
    projectId: assignment.projectId,
    start: assignment.startDate,
    ...(assignment.endDate ? { end: assignment.endDate } : {}),
    allocation: assignment.allocation,
    tentative: assignment.status === 'tentative',
    // Non-billable work counts in allocation, not in billable utilization.
    ...(assignment.money && !assignment.money.billable ? { billable: false } : {}),
  }
}

const sameEdge = (a: AssignmentItem | null, b: AssignmentItem | null) =>
  JSON.stringify(a ? bookingOf(a) : null) === JSON.stringify(b ? bookingOf(b) : null)

export interface AssignmentSync {
  assignment: AssignmentItem | null
  /** The employee item as it was right after this run's first write to it (null if gone). */
  employeeAfterFirstApply: EmployeeItem | null
}

/**
 * Brings every aggregate in line with the assignment as it is now (or with its absence), checks that
 * its project and person still exist and are not being deleted (else it deletes the assignment), and
 * refreshes its copied names. Loops until the assignment did not change under it.
 */
export async function syncAssignment(ref: AssignmentRef): Promise<AssignmentSync> {
  let employeeAfterFirstApply: EmployeeItem | null | undefined
  let assignment = await readAssignment(ref)
  for (let round = 0; round < 10; round++) {
    const employeeId = assignment?.employeeId ?? ref.employeeId
    const booking = assignment ? bookingOf(assignment) : undefined
    // Aggregates first: a delete or rename that reads them after this point sees this assignment.
    const [employee, client] = await Promise.all([
      updateAggregate('employee', employeeId, [{ map: 'bookings', entry: ref.assignmentId, value: booking }]),
      updateAggregate('client', ref.clientId, [{ map: 'staffing', entry: ref.assignmentId, value: assignment ? employeeId : undefined }]),
    ])
    if (employeeAfterFirstApply === undefined) employeeAfterFirstApply = employee
    // The skills' copies and the project's check touch different items: side by side, one round trip.
    await Promise.all([
      employee ? copyBookingsToSkills(employee) : null,
      assignment ? keepAssignmentLive(assignment, ref, client, employee) : null,
    ])
    const now = await readAssignment(ref)
    if (sameEdge(now, assignment) && (now === null) === (assignment === null)) {
      // Once the edge is settled: run alongside its re-read, the overview's sync (which re-reads the
      // person until they stop changing) met the other syncs of a bulk sweep and never settled.
      // The person's digests and the project's money: different items, side by side.
      await Promise.all([syncPersonOverview(employeeId), syncProjectFinance(ref.clientId, ref.projectId)])
      return { assignment: now, employeeAfterFirstApply: employeeAfterFirstApply ?? null }
    }
    assignment = now
  }
  throw new Error(`Assignment ${ref.assignmentId} kept changing while it was being synchronised`)
}

type ClientItem = FormattedItem<typeof ClientEntity> | null

/** Deletes the assignment if its project, client or person is gone or going; else refreshes its copied names and money. */
async function keepAssignmentLive(assignment: AssignmentItem, ref: AssignmentRef, client: ClientItem, employee: EmployeeItem | null) {
  // The card beside the project: one round trip.
  const [{ Item: project }, card] = await Promise.all([
    ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.projectId }).options({ consistent: true }).send(),
    readRateCard(),
  ])
  if (!project || project.deletingAt || !client || client.deletingAt || !employee || employee.deletingAt) {
    // This assignment must not outlive them.
    await deleteItemOf(AssignmentEntity, { clientId: ref.clientId, projectId: ref.projectId, id: ref.assignmentId })
    return
  }
  await Promise.all([
    refreshAssignmentNames(assignment, {
      client: { name: client.name, version: client.version },
      project: { name: project.name, version: project.version },
      employee: { name: employee.name, version: employee.version },
    }),
    refreshAssignmentMoney({ clientId: ref.clientId, projectId: ref.projectId, id: ref.assignmentId }, { assignment, project, employee, card }),
  ])
}

type NameSource = { name: string; version: number }

async function refreshAssignmentNames(assignment: AssignmentItem, sources: { client: NameSource; project: NameSource; employee: NameSource }) {
  const key = { clientId: assignment.clientId, projectId: assignment.projectId, id: assignment.id }
  const stale = (copied: string, copiedVersion: number | undefined, source: NameSource) => copied !== source.name && (copiedVersion ?? 0) < source.version
  await Promise.all([
    stale(assignment.clientName, assignment.clientNameVersion, sources.client) && copyFields(AssignmentEntity, key, { clientName: sources.client.name }, 'clientNameVersion', sources.client.version),
    stale(assignment.projectName, assignment.projectNameVersion, sources.project) && copyFields(AssignmentEntity, key, { projectName: sources.project.name }, 'projectNameVersion', sources.project.version),
    stale(assignment.employeeName, assignment.employeeNameVersion, sources.employee) && copyFields(AssignmentEntity, key, { employeeName: sources.employee.name }, 'employeeNameVersion', sources.employee.version),
  ])
}

/** Deletes an assignment (if it is still there) and takes it out of every aggregate; whether it was there. */
export async function removeAssignment(ref: AssignmentRef): Promise<boolean> {
  const removed = await deleteItemOf(AssignmentEntity, { clientId: ref.clientId, projectId: ref.projectId, id: ref.assignmentId })
  await syncAssignment(ref)
  return removed !== null
}
