import 'server-only'
import { authorize, systemActor, type Actor } from '../authorization'
import {
  $add,
  $remove,
  AssignmentEntity,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TechnologyEntity,
  UnfilledRoleEntity,
  UpdateItemCommand,
  createOnce,
  isConditionalCheckFailed,
  saveIfUnchanged,
} from '../db'
import { toAssignmentView, type AssignmentView } from '../dto'
import { AppError, isRefusal, notFound } from '../errors'
import { idForKey } from '../ids'
import { runAsJob } from '../jobs/runner'
import { staffEmployee } from '../staffing/mutations'
import { parseInput } from '../validation'
import { assignUnfilledRoleInput, changeUnfilledRoleInput, createUnfilledRoleInput, unfilledRoleRef } from './schemas'
import { readRole, removeUnfilledRole, syncUnfilledRole, type RoleRef } from '../edges/unfilled-role'
import { toUnfilledRoleView, type UnfilledRoleView } from '../dto'
import { getLiveProject, readEmployee } from '../reads'

// Unfilled roles (placeholders): created, changed and deleted like any edge of a project, each write
// followed by the role's sync (its capacity entry) inside a job. "Assign" turns one into an
// assignment in steps that are each conditional and idempotent (see assignUnfilledRole).

async function requirementsWithNames(requirements: { technologyId: string; minLevel: number }[]) {
  return Promise.all(
    requirements.map(async (requirement, index) => {
      const { Item } = await TechnologyEntity.build(GetItemCommand).key({ id: requirement.technologyId }).options({ consistent: true }).send()
      if (!Item || Item.deletingAt) {
        throw new AppError('not_found:technology', `No technology with id "${requirement.technologyId}".`, { requirements: [`Technology ${index + 1} does not exist any more: choose another`] })
      }
      return { technologyId: Item.id, technologyName: Item.name, minLevel: requirement.minLevel }
    }),
  )
}

export async function createUnfilledRole(actor: Actor | null, input: unknown): Promise<UnfilledRoleView> {
  authorize(actor, 'manage')
  const { idempotencyKey, requirements, ...data } = parseInput(createUnfilledRoleInput, input, 'unfilled role')
  const [project, named] = await Promise.all([getLiveProject(data.clientId, data.projectId), requirementsWithNames(requirements)])
  const id = idForKey('role', idempotencyKey)
  const ref = { clientId: data.clientId, projectId: data.projectId, roleId: id }
  return runAsJob('sync-role', id, { clientId: ref.clientId, projectId: ref.projectId }, async () => {
    await createOnce(
      () =>
        UnfilledRoleEntity.build(PutItemCommand)
          .item({
            id,
            ...data,
            requirements: named,
            clientName: project.clientName,
            projectName: project.name,
            projectNameVersion: project.version,
            version: 1,
            ...(idempotencyKey ? { idempotencyKey } : {}),
          })
          .options({ condition: { attr: 'PK', exists: false } })
          .send(),
      () => readRole(ref),
      idempotencyKey,
      () => new AppError('conflict:role', 'This role already exists. Please try again.'),
    )
    const role = await syncUnfilledRole(ref)
    if (!role) throw notFound('project', data.projectId)
    return toUnfilledRoleView(role)
  })
}

/** Changes an unfilled role, if unchanged since `version` was loaded and nobody is filling it. */
export async function changeUnfilledRole(actor: Actor | null, input: unknown): Promise<UnfilledRoleView> {
  authorize(actor, 'manage')
  const { clientId, projectId, roleId, version, requirements, ...data } = parseInput(changeUnfilledRoleInput, input, 'unfilled role')
  const named = await requirementsWithNames(requirements)
  const ref = { clientId, projectId, roleId }
  return runAsJob('sync-role', roleId, { clientId, projectId }, async () => {
    await saveIfUnchanged({
      update: () =>
        UnfilledRoleEntity.build(UpdateItemCommand)
          .item({ clientId, projectId, id: roleId, ...data, requirements: named, version: $add(1) })
          .options({ condition: { and: [{ attr: 'version', eq: version }, { attr: 'deletingAt', exists: false }, { attr: 'fillToken', exists: false }] } })
          .send(),
      reread: () => readRole(ref),
      subject: 'unfilled role',
      id: roleId,
      toView: toUnfilledRoleView,
    })
    const role = await syncUnfilledRole(ref)
    if (!role) throw notFound('unfilled role', roleId)
    return toUnfilledRoleView(role)
  })
}

export async function deleteUnfilledRole(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'manage')
  const ref = parseInput(unfilledRoleRef, input, 'unfilled role')
  if (!(await readRole(ref))) throw notFound('unfilled role', ref.roleId)
  await runAsJob('sync-role', ref.roleId, { clientId: ref.clientId, projectId: ref.projectId }, () => removeUnfilledRole(ref))
}

const alreadyFilled = (name: string) =>
  new AppError('conflict:role_filled', `This role was just filled by ${name}. Nothing was changed; reload to see the project as it is now.`)

/**
 * "Assign": makes the unfilled role an assignment of `employeeId`, in three steps.
 * 1. Claim: one conditional update writes the person and the click's token on the role, if it is
 *    still there and unclaimed (or claimed by this same token: a retry). A second click, from another
 *    page, fails here and is answered with a conflict naming who was assigned.
 * 2. Staff: the assignment, with the token as its idempotency key (so its id too), through the same
 *    staffing path as the project page (overlap checks, bookings, digests).
 * 3. Delete the role, conditional on the token, and take it out of capacity.
 * All three run as one job, recorded before the claim, so a crash after any of them is finished by
 * the sweep (which goes on only if the claim was made); each step is safe to repeat.
 */
export async function assignUnfilledRole(actor: Actor | null, input: unknown): Promise<AssignmentView> {
  authorize(actor, 'manage')
  const { fillToken, employeeId, ...ref } = parseInput(assignUnfilledRoleInput, input, 'assignment')
  const employee = await readEmployee(employeeId)
  if (!employee || employee.deletingAt) throw new AppError('not_found:employee', `No employee with id "${employeeId}".`, { employeeId: ['Choose an existing person'] })
  const role = await readRole(ref)
  if (!role) return answerForMissingRole(ref, fillToken)
  if (role.fillToken && role.fillToken !== fillToken) throw alreadyFilled(role.fillEmployeeName ?? 'someone else')
  return runAsJob('fill-role', fillJobTarget(ref.roleId, fillToken), { clientId: ref.clientId, projectId: ref.projectId, roleId: ref.roleId, fillToken }, async () => {
    await claimRole(ref, { fillToken, employeeId, employeeName: employee.name })
    return finishFill(ref, fillToken, actor)
  })
}

/** One job per click: two managers' clicks run side by side, and the claim decides between them. */
const fillJobTarget = (roleId: string, fillToken: string) => `${roleId}#${fillToken}`

/** The sweep's step for a "fill-role" job cut off by a crash: goes on only if that click's claim was made. */
export async function resumeFill(ref: RoleRef, fillToken: string): Promise<void> {
  const role = await readRole(ref)
  if (role?.fillToken === fillToken) await finishFill(ref, fillToken)
}

async function claimRole(ref: RoleRef, claim: { fillToken: string; employeeId: string; employeeName: string }): Promise<void> {
  try {
    await UnfilledRoleEntity.build(UpdateItemCommand)
      .item({ clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId, fillToken: claim.fillToken, fillEmployeeId: claim.employeeId, fillEmployeeName: claim.employeeName })
      .options({
        condition: {
          and: [{ attr: 'PK', exists: true }, { attr: 'deletingAt', exists: false }, { or: [{ attr: 'fillToken', exists: false }, { attr: 'fillToken', eq: claim.fillToken }] }],
        },
      })
      .send()
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
    const now = await readRole(ref)
    if (!now) return void (await answerForMissingRole(ref, claim.fillToken))
    throw alreadyFilled(now.fillEmployeeName ?? 'someone else')
  }
}

/** The role is gone: filled by this very token (a retry after success), filled by someone else, or deleted. */
async function answerForMissingRole(ref: RoleRef, fillToken: string): Promise<AssignmentView> {
  if (fillToken) {
    const { Item: assignment } = await AssignmentEntity.build(GetItemCommand)
      .key({ clientId: ref.clientId, projectId: ref.projectId, id: idForKey('assignment', fillToken) })
      .options({ consistent: true })
      .send()
    if (assignment && assignment.idempotencyKey === fillToken) return toAssignmentView(assignment)
  }
  throw new AppError('conflict:role_gone', 'This role is no longer open: someone filled or deleted it. Nothing was changed; reload to see the project as it is now.')
}

/**
 * Steps 2 and 3 of "Assign", from the role as it is now. A refusal from staffing (the person is
 * already on this project for these dates) gives the role back.
 */
async function finishFill(ref: RoleRef, fillToken: string, actor: Actor = systemActor): Promise<AssignmentView> {
  const role = await readRole(ref)
  if (!role) return answerForMissingRole(ref, fillToken)
  if (role.fillToken !== fillToken || !role.fillEmployeeId) throw alreadyFilled(role.fillEmployeeName ?? 'someone else')
  await syncUnfilledRole(ref)
  let assignment: AssignmentView
  try {
    assignment = await staffEmployee(actor, {
      clientId: ref.clientId,
      projectId: ref.projectId,
      employeeId: role.fillEmployeeId,
      role: role.role,
      allocation: role.allocation,
      startDate: role.startDate,
      endDate: role.endDate,
      status: role.status,
      idempotencyKey: role.fillToken,
    })
  } catch (error) {
    // Only a decided refusal gives the role back; after a database failure the assignment may exist,
    // and the job (resumed by the sweep) finishes the fill instead.
    if (isRefusal(error)) await releaseClaim(ref, role.fillToken)
    throw error
  }
  await UnfilledRoleEntity.build(DeleteItemCommand)
    .key({ clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId })
    .options({ condition: { attr: 'fillToken', eq: role.fillToken } })
    .send()
    .catch((error) => {
      if (!isConditionalCheckFailed(error)) throw error
    })
  await syncUnfilledRole(ref)
  return assignment
}

async function releaseClaim(ref: RoleRef, fillToken: string): Promise<void> {
  await UnfilledRoleEntity.build(UpdateItemCommand)
    .item({ clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId, fillToken: $remove(), fillEmployeeId: $remove(), fillEmployeeName: $remove() })
    .options({ condition: { attr: 'fillToken', eq: fillToken } })
    .send()
    .catch((error) => {
      if (!isConditionalCheckFailed(error)) throw error
    })
  await syncUnfilledRole(ref)
}
