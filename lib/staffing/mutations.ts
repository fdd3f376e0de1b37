import 'server-only'
import { authorize, type Actor } from '../authorization'
import { $add, $remove, AssignmentEntity, GetItemCommand, PutItemCommand, UpdateItemCommand, createOnce, deleteItemOf, isConditionalCheckFailed, readRateCard } from '../db'
import { toAssignmentView, toBookings, type AssignmentView, type Booking } from '../dto'
import { AppError, notFound, staleSave } from '../errors'
import { idForKey } from '../ids'
import { runAsJob } from '../jobs/runner'
import { hasField, parseInput } from '../validation'
import { assignmentRef, changeAssignmentInput, staffEmployeeInput } from './schemas'
import { syncAssignment, removeAssignment } from '../edges/assignment'
import { getLiveProject, readLiveEmployee } from '../reads'
import { moneyCopyOf } from '../edges/assignment-money'

// Staffing the same person twice on one project for overlapping dates is refused: one assignment
// per person per project per period, changed (allocation, dates) rather than stacked.

const overlaps = (a: { start: string; end?: string | null }, b: { start: string; end?: string | null }) =>
  a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31')

const alreadyStaffed = (name: string) =>
  new AppError('conflict:assignment_overlap', `${name} is already staffed on this project for these dates. Change that assignment instead.`, {
    employeeId: ['Already staffed on this project for these dates'],
  })

function overlappingBooking(bookings: Booking[], projectId: string, period: { start: string; end?: string | null }, exceptId?: string) {
  return bookings.find((booking) => booking.projectId === projectId && booking.assignmentId !== exceptId && overlaps(booking, period))
}

/**
 * Staffs an employee on a project: one assignment item (seen from both sides through GSI1), entered
 * into the employee's bookings and the client's staffing. A retried request with the same
 * idempotency key makes one assignment.
 */
export async function staffEmployee(actor: Actor | null, input: unknown): Promise<AssignmentView> {
  authorize(actor, 'manage')
  const { idempotencyKey, ...data } = parseInput(staffEmployeeInput, input, 'assignment')
  // The card beside the project and the person: the money copy is written with the assignment.
  const [project, employee, card] = await Promise.all([getLiveProject(data.clientId, data.projectId), readLiveEmployee(data.employeeId), readRateCard()])
  const id = idForKey('assignment', idempotencyKey)
  const period = { start: data.startDate, end: data.endDate }
  const existing = overlappingBooking(toBookings(employee.bookings), data.projectId, period, id)
  if (existing) throw alreadyStaffed(employee.name)
  const ref = { clientId: data.clientId, projectId: data.projectId, assignmentId: id, employeeId: employee.id }
  return runAsJob('sync-assignment', id, ref, async () => {
    // A replay (the same key again) finishes what the first request started and answers the same.
    const outcome = await createOnce(
      () =>
        AssignmentEntity.build(PutItemCommand)
        .item({
          id,
          clientId: data.clientId,
          clientName: project.clientName,
          projectId: data.projectId,
          projectName: project.name,
          projectNameVersion: project.version,
          employeeId: employee.id,
          employeeName: employee.name,
          employeeNameVersion: employee.version,
          role: data.role,
          allocation: data.allocation,
          startDate: data.startDate,
          endDate: data.endDate,
          status: data.status,
          ...(data.rateOverride !== undefined ? { rateOverride: data.rateOverride } : {}),
          money: moneyCopyOf({ role: data.role, rateOverride: data.rateOverride, startDate: data.startDate, endDate: data.endDate }, project, employee, card),
          version: 1,
          ...(idempotencyKey ? { idempotencyKey } : {}),
        })
        .options({ condition: { attr: 'PK', exists: false } })
        .send(),
      async () => (await AssignmentEntity.build(GetItemCommand).key({ clientId: data.clientId, projectId: data.projectId, id }).options({ consistent: true }).send()).Item ?? null,
      idempotencyKey,
      () => new AppError('conflict:assignment', 'This assignment already exists. Please try again.'),
    )
    const { assignment, employeeAfterFirstApply } = await syncAssignment(ref)
    if (!assignment) throw notFound('project', data.projectId)
    // Two requests that passed the check above at the same moment: the one whose booking reached the
    // employee second sees the first and withdraws. Only a request that made the assignment just now
    // may withdraw it: a replay's booking reached the employee in an earlier request, which may have
    // been answered with success, so a later rival is never a reason to take it back.
    const rival = outcome === 'created' && employeeAfterFirstApply && overlappingBooking(toBookings(employeeAfterFirstApply.bookings), data.projectId, period, id)
    if (rival && rival.assignmentId !== id) {
      await removeAssignment(ref)
      throw alreadyStaffed(employee.name)
    }
    return toAssignmentView(assignment)
  })
}

/** Changes role, allocation, dates or status of an assignment, if unchanged since `version` was loaded. */
export async function changeAssignment(actor: Actor | null, input: unknown): Promise<AssignmentView> {
  authorize(actor, 'manage')
  const { clientId, projectId, assignmentId, version, ...data } = parseInput(changeAssignmentInput, input, 'assignment')
  const key = { clientId, projectId, id: assignmentId }
  const { Item: current } = await AssignmentEntity.build(GetItemCommand).key(key).options({ consistent: true }).send()
  if (!current) throw notFound('assignment', assignmentId)
  if (current.version !== version) throw staleSave('assignment', toAssignmentView(current))
  const employee = await readLiveEmployee(current.employeeId)
  if (overlappingBooking(toBookings(employee.bookings), projectId, { start: data.startDate, end: data.endDate }, assignmentId)) throw alreadyStaffed(employee.name)
  const ref = { clientId, projectId, assignmentId, employeeId: current.employeeId }
  return runAsJob('sync-assignment', assignmentId, ref, async () => {
    try {
      await AssignmentEntity.build(UpdateItemCommand)
        .item({
          ...key,
          ...data,
          endDate: data.endDate ?? $remove(),
          // A form always sends the field (blank removes the rate); a JSON body that leaves it out keeps it.
          ...(hasField(input, 'rateOverride') ? { rateOverride: data.rateOverride ?? $remove() } : {}),
          version: $add(1),
        })
        .options({ condition: { attr: 'version', eq: version } })
        .send()
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
      const { assignment: now } = await syncAssignment(ref)
      if (!now) throw notFound('assignment', assignmentId)
      throw staleSave('assignment', toAssignmentView(now))
    }
    const { assignment } = await syncAssignment(ref)
    if (!assignment) throw notFound('assignment', assignmentId)
    return toAssignmentView(assignment)
  })
}

/** Takes an employee off a project: deletes the one assignment item and its bookings entry. */
export async function unstaffEmployee(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'manage')
  const { clientId, projectId, assignmentId } = parseInput(assignmentRef, input, 'assignment')
  const { Item: current } = await AssignmentEntity.build(GetItemCommand).key({ clientId, projectId, id: assignmentId }).options({ consistent: true }).send()
  if (!current) throw notFound('assignment', assignmentId)
  const ref = { clientId, projectId, assignmentId, employeeId: current.employeeId }
  await runAsJob('sync-assignment', assignmentId, ref, async () => {
    await deleteItemOf(AssignmentEntity, { clientId, projectId, id: assignmentId })
    await syncAssignment(ref)
  })
}
