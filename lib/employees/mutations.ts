import 'server-only'
import { authorize, type Actor } from '../authorization'
import {
  $remove,
  AssignmentEntity,
  DeleteItemCommand,
  EmailClaimEntity,
  EmployeeEntity,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  RosterTable,
  SkillEntity,
  TechnologyEntity,
  copyFields,
  deleteItemOf,
  forEachBounded,
  createOnce,
  isConditionalCheckFailed,
  partitions,
  updateVersion,
} from '../db'
import { toBookings, toEmployeeSummary, toSkillView, type EmployeeSummary, type SkillView } from '../dto'
import { AppError, notFound } from '../errors'
import { idForKey } from '../ids'
import { runAsJob, type JobContext } from '../jobs/runner'
import { saveVersioned } from '../edges/versioned-save'
import { sweepDelete } from '../edges/delete-sweep'
import type { EdgeRef } from '../edges/journal'
import { hasField, parseInput } from '../validation'
import { MAX_SKILLS_PER_PERSON, employeeCopyOf, skillCopyIsStale } from '../aggregates/employee-figures'
import { createEmployeeInput, deleteEmployeeInput, removeSkillInput, skillInput, updateEmployeeInput } from './schemas'
import { syncSkill } from '../edges/skill'
import { syncPersonOverview } from '../digests/overview-sync'
import { readEmployee } from '../reads'
import { refreshMoneyOfPerson } from '../edges/assignment-money'

const emailTaken = () => new AppError('conflict:employee_email', 'Another employee already has this email.', { email: ['Another employee already has this email'] })

/**
 * Claims an e-mail for an employee with a conditional put. A claim left behind by a crash (its
 * employee gone or now using another address) is taken over, conditionally on it being unchanged.
 */
async function claimEmail(email: string, employeeId: string): Promise<void> {
  const claimKey = { email }
  try {
    await EmailClaimEntity.build(PutItemCommand)
      .item({ ...claimKey, email, employeeId })
      .options({ condition: { or: [{ attr: 'PK', exists: false }, { attr: 'employeeId', eq: employeeId }] } })
      .send()
    return
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
  const { Item: claim } = await EmailClaimEntity.build(GetItemCommand).key(claimKey).options({ consistent: true }).send()
  if (!claim) return claimEmail(email, employeeId)
  const { Item: holder } = await EmployeeEntity.build(GetItemCommand).key({ id: claim.employeeId }).options({ consistent: true }).send()
  if (holder && holder.email === email) throw emailTaken()
  try {
    await EmailClaimEntity.build(PutItemCommand)
      .item({ ...claimKey, email, employeeId })
      .options({ condition: { attr: 'employeeId', eq: claim.employeeId } })
      .send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw emailTaken()
    throw error
  }
}

async function releaseEmail(email: string, employeeId: string): Promise<void> {
  try {
    await EmailClaimEntity.build(DeleteItemCommand)
      .key({ email })
      .options({ condition: { attr: 'employeeId', eq: employeeId } })
      .send()
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
}

export async function createEmployee(actor: Actor | null, input: unknown): Promise<EmployeeSummary> {
  authorize(actor, 'manage')
  const { idempotencyKey, ...data } = parseInput(createEmployeeInput, input, 'employee')
  const id = idForKey('employee', idempotencyKey)
  const replay = idempotencyKey ? await readEmployee(id) : null
  if (replay && replay.idempotencyKey === idempotencyKey) return toEmployeeSummary(replay)
  await claimEmail(data.email, id)
  try {
    await createOnce(
      () =>
        EmployeeEntity.build(PutItemCommand)
          .item({ id, ...data, version: 1, ...(idempotencyKey ? { idempotencyKey } : {}) })
          .options({ condition: { attr: 'PK', exists: false } })
          .send(),
      () => readEmployee(id),
      idempotencyKey,
      () => new AppError('conflict:employee', 'An employee with this id already exists. Please try again.'),
    )
  } catch (error) {
    await releaseEmail(data.email, id)
    throw error
  }
  // Into the headcount and onto the bench; a crash before this is caught by the overview's daily refresh.
  await runAsJob('sync-person', id, {}, () => syncPersonOverview(id, { membership: true }))
  return toEmployeeSummary((await readEmployee(id))!)
}

/**
 * Saves the employee if unchanged since `version`; a new name reaches their assignments and skills
 * (and a new practice, location or title their skills) before it returns.
 */
export async function updateEmployee(actor: Actor | null, input: unknown): Promise<EmployeeSummary> {
  authorize(actor, 'manage')
  const { employeeId, version, ...data } = parseInput(updateEmployeeInput, input, 'employee')
  // Copied onto skills, or counted in the overview and capacity digests: a change runs the job that refreshes them.
  const propagated = ['name', 'practice', 'location', 'title', 'capacityHours', 'costRate'] as const
  return saveVersioned('employee', employeeId, version, {
    read: () => readEmployee(employeeId),
    // A form always sends the cost rate (blank removes it); a JSON body that leaves it out keeps it.
    write: () => updateVersion(EmployeeEntity, { id: employeeId, ...data, ...(hasField(input, 'costRate') ? { costRate: data.costRate ?? $remove() } : {}) }, version),
    around: (write, current) => (current.email === data.email ? write() : withEmailMoved(current.email, data.email, employeeId, write)),
    followUp: (current) =>
      propagated.every((field) => current[field] === data[field] || (data[field] === undefined && (field !== 'costRate' || !hasField(input, 'costRate'))))
        ? null
        : { kind: 'rename-employee', follow: () => propagateEmployeeName(employeeId) },
    toView: toEmployeeSummary,
  })
}

/** Claims the new address for the write, then releases the old one (or the new one if the write fails). */
async function withEmailMoved<T>(from: string, to: string, employeeId: string, write: () => Promise<T>): Promise<T> {
  await claimEmail(to, employeeId)
  try {
    const saved = await write()
    await releaseEmail(from, employeeId)
    return saved
  } catch (error) {
    await releaseEmail(to, employeeId)
    throw error
  }
}

/** The person's skill items, read from their own partition (consistently). */
async function readSkills(employeeId: string) {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(SkillEntity)
    .query({ partition: partitions.employee(employeeId), range: { beginsWith: 'SKILL#' } })
    .options({ consistent: true, maxPages: Infinity })
    .send()
  return Items
}

/**
 * Copies the employee's current name, and their hours and cost rate (the money copy), onto their
 * assignments (found through their bookings map), and name, practice, location and title onto their
 * skills (their own partition). Both are consistent reads; an assignment not yet in the map copies them
 * itself when it is synchronised. Idempotent.
 */
export async function propagateEmployeeName(employeeId: string): Promise<void> {
  const employee = await readEmployee(employeeId)
  if (!employee) return
  const skills = (await readSkills(employeeId)).filter((skill) => skillCopyIsStale(skill, employee))
  await Promise.all([
    forEachBounded(toBookings(employee.bookings), 8, async (booking) => {
      const key = { clientId: booking.clientId, projectId: booking.projectId, id: booking.assignmentId }
      await copyFields(AssignmentEntity, key, { employeeName: employee.name }, 'employeeNameVersion', employee.version)
    }),
    refreshMoneyOfPerson(employee),
    forEachBounded(skills, 8, async (skill) => {
      await copyFields(SkillEntity, { employeeId, technologyId: skill.technologyId }, employeeCopyOf(employee), 'employeeNameVersion', employee.version)
    }),
    syncPersonOverview(employeeId),
  ])
}

/** Deletes the employee with their assignments and skills, as a job (mark, sweep, delete). */
export async function deleteEmployee(actor: Actor | null, input: unknown): Promise<{ assignments: number; skills: number }> {
  authorize(actor, 'manage')
  const { employeeId } = parseInput(deleteEmployeeInput, input, 'employee')
  if (!(await readEmployee(employeeId))) throw notFound('employee', employeeId)
  return runAsJob('delete-employee', employeeId, {}, (_job, context) => sweepEmployee(employeeId, context))
}

export async function sweepEmployee(employeeId: string, context: JobContext): Promise<{ assignments: number; skills: number }> {
  const removed = await sweepDelete(
    {
      entity: EmployeeEntity,
      key: { id: employeeId },
      // Off the overview at once; it is synchronised again once the person is gone.
      hide: () => syncPersonOverview(employeeId, { membership: true }),
      // The bookings and skills maps, and the person's own partition.
      remaining: async () => {
        const employee = await readEmployee(employeeId)
        const skills = [...Object.keys(employee?.skills ?? {}), ...(await readSkills(employeeId)).map((skill) => skill.technologyId)]
        const edges: EdgeRef[] = [
          ...toBookings(employee?.bookings).map(({ clientId, projectId, assignmentId }) => ({ kind: 'assignment' as const, clientId, projectId, assignmentId, employeeId })),
          ...[...new Set(skills)].map((technologyId) => ({ kind: 'skill' as const, employeeId, technologyId })),
        ]
        return { edges }
      },
      indexEdges: () => employeeIndexEdges(employeeId),
      finish: async (marked, deleted) => {
        if (deleted) await releaseEmail(marked.email, employeeId)
        await syncPersonOverview(employeeId, { membership: true })
      },
    },
    context,
  )
  return { assignments: removed.assignment, skills: removed.skill }
}

/** The person's edges as their index view shows them (it may lag the table). */
async function employeeIndexEdges(employeeId: string): Promise<EdgeRef[]> {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(AssignmentEntity, SkillEntity)
    .query({ index: 'GSI1', partition: partitions.employee(employeeId), range: { gt: '#EMP' } })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  return Items.flatMap((item): EdgeRef[] => {
    if (item.entity === 'Assignment') return [{ kind: 'assignment', clientId: item.clientId, projectId: item.projectId, assignmentId: item.id, employeeId }]
    if (item.entity === 'Skill') return [{ kind: 'skill', employeeId, technologyId: item.technologyId }]
    return []
  })
}

/** Adds a skill or changes its level; the employee's skills and the technology's people follow. */
export async function setSkill(actor: Actor | null, input: unknown): Promise<SkillView> {
  authorize(actor, 'read')
  const data = parseInput(skillInput, input, 'skill')
  authorize(actor, 'edit-skills', { employeeId: data.employeeId })
  const [employee, { Item: technology }] = await Promise.all([
    readEmployee(data.employeeId),
    TechnologyEntity.build(GetItemCommand).key({ id: data.technologyId }).options({ consistent: true }).send(),
  ])
  if (!employee || employee.deletingAt) throw notFound('employee', data.employeeId)
  if (!technology || technology.deletingAt) {
    throw new AppError('not_found:technology', `No technology with id "${data.technologyId}".`, { technologyId: ['Choose an existing technology'] })
  }
  if (!(technology.id in employee.skills) && Object.keys(employee.skills).length >= MAX_SKILLS_PER_PERSON) {
    throw new AppError('invalid:skill', `A person can hold at most ${MAX_SKILLS_PER_PERSON} skills.`, { technologyId: [`At most ${MAX_SKILLS_PER_PERSON} skills per person: remove one first`] })
  }
  const ref = { employeeId: employee.id, technologyId: technology.id }
  return runAsJob('sync-skill', `${ref.employeeId}#${ref.technologyId}`, ref, async () => {
    await SkillEntity.build(PutItemCommand)
      .item({
        ...ref,
        ...employeeCopyOf(employee),
        employeeNameVersion: employee.version,
        technologyName: technology.name,
        technologyNameVersion: technology.version,
        level: data.level,
        employeeBookings: employee.bookings,
        employeeTimeOff: employee.timeOff,
        bookingsRev: employee.aggRev,
      })
      .send()
    const skill = await syncSkill(ref)
    if (!skill) throw notFound('employee', employee.id)
    return toSkillView(skill)
  })
}

export async function removeSkill(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'read')
  const ref = parseInput(removeSkillInput, input, 'skill')
  authorize(actor, 'edit-skills', { employeeId: ref.employeeId })
  await runAsJob('sync-skill', `${ref.employeeId}#${ref.technologyId}`, ref, async () => {
    const removed = await deleteItemOf(SkillEntity, ref)
    await syncSkill(ref)
    if (!removed) throw notFound('skill', ref.technologyId)
  })
}
