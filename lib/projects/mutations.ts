import 'server-only'
import { authorize, can, type Actor } from '../authorization'
import {
  $remove,
  $set,
  GetItemCommand,
  ProjectEntity,
  PutItemCommand,
  StackEntryEntity,
  TechnologyEntity,
  UpdateItemCommand,
  AssignmentEntity,
  copyFields,
  deleteItemOf,
  forEachBounded,
  createOnce,
  isConditionalCheckFailed,
  updateVersion,
} from '../db'
import { type DeleteProgress } from '../clients/mutations'
import { toProjectSummary, toStackEntryView, type ProjectSummary, type StackEntryView } from '../dto'
import { AppError, notFound } from '../errors'
import { idForKey } from '../ids'
import { runAsJob, type JobContext } from '../jobs/runner'
import { saveVersioned } from '../edges/versioned-save'
import { edgesAmong, sweepDelete } from '../edges/delete-sweep'
import { parseInput } from '../validation'
import { createProjectInput, deleteProjectInput, projectRatesInput, removeStackEntryInput, stackEntryInput, stackNoteInput, updateProjectInput } from './schemas'
import { syncUnfilledRole } from '../edges/unfilled-role'
import { syncProject } from '../edges/project'
import { syncStackEntry } from '../edges/stack-entry'
import { repriceProject } from '../edges/repricing'
import { roleKey } from '../money/figures'
import { syncProjectOverview } from '../digests/overview-sync'
import { readClientEdges, readProject, getLiveClient, getLiveProject } from '../reads'

/** Creates a project and counts it on its client; a retried create with the same idempotency key makes one. */
export async function createProject(actor: Actor | null, input: unknown): Promise<ProjectSummary> {
  authorize(actor, 'manage')
  const { idempotencyKey, ...data } = parseInput(createProjectInput, input, 'project')
  const client = await getLiveClient(data.clientId)
  const id = idForKey('project', idempotencyKey)
  return runAsJob('sync-project', id, { clientId: data.clientId }, async () => {
    await createOnce(
      () =>
        ProjectEntity.build(PutItemCommand)
          .item({ id, clientName: client.name, clientNameVersion: client.version, ...data, version: 1, ...(idempotencyKey ? { idempotencyKey } : {}) })
          .options({ condition: { attr: 'PK', exists: false } })
          .send(),
      () => readProject(data.clientId, id),
      idempotencyKey,
      () => new AppError('conflict:project', 'A project with this id already exists. Please try again.'),
    )
    const project = await syncProject({ clientId: data.clientId, projectId: id })
    if (!project || project.deletingAt) throw notFound('client', data.clientId)
    return toProjectSummary(project, { money: can(actor, 'see-money') })
  })
}

/** Saves the project if unchanged since `version`; a new name reaches its assignments and stack entries before it returns. */
export async function updateProject(actor: Actor | null, input: unknown): Promise<ProjectSummary> {
  authorize(actor, 'manage')
  const { clientId, projectId, version, ...data } = parseInput(updateProjectInput, input, 'project')
  return saveVersioned('project', projectId, version, {
    read: () => readProject(clientId, projectId),
    // Optional fields cleared in the form are removed, not kept.
    write: () =>
      updateVersion(
        ProjectEntity,
        { clientId, id: projectId, ...data, endDate: data.endDate ?? $remove(), budgetKind: data.budgetKind ?? $remove(), budgetAmount: data.budgetAmount ?? $remove(), budget: $remove() },
        version,
      ),
    // Status and start date show on the overview: its entry follows in the same job. A new name reaches
    // the project's edges; a new pricing model its assignments' money copies and bookings (billable or not).
    followUp: (current) =>
      current.name !== data.name
        ? { kind: 'rename-project', params: { clientId }, follow: () => propagateProjectChanges(clientId, projectId) }
        : current.pricing !== data.pricing
          ? { kind: 'reprice-project', params: { clientId }, follow: (context) => propagateProjectPricing(clientId, projectId, context) }
          : { kind: 'sync-project', params: { clientId }, follow: () => syncProjectOverview(clientId, projectId) },
    toView: (item) => toProjectSummary(item, { money: can(actor, 'see-money') }),
  })
}

/** Sets the project's own rates per role title (over the firm's card) if unchanged since `version`; its assignments are repriced in the same job. */
export async function setProjectRates(actor: Actor | null, input: unknown): Promise<ProjectSummary> {
  authorize(actor, 'manage')
  authorize(actor, 'see-money')
  const { clientId, projectId, version, rates } = parseInput(projectRatesInput, input, 'project rates')
  const card = Object.fromEntries(rates.map((line) => [roleKey(line.role), { role: line.role.trim(), rate: line.rate }]))
  return saveVersioned('project', projectId, version, {
    read: () => readProject(clientId, projectId),
    write: () => updateVersion(ProjectEntity, { clientId, id: projectId, rates: $set(card) }, version),
    followUp: () => ({ kind: 'reprice-project', params: { clientId }, follow: (context) => propagateProjectPricing(clientId, projectId, context) }),
    toView: (item) => toProjectSummary(item, { money: can(actor, 'see-money') }),
  })
}

/** A project's pricing or rates onto its assignments, then its overview entry (status and dates may have changed with it) and money. */
export async function propagateProjectPricing(clientId: string, projectId: string, context?: JobContext): Promise<void> {
  await repriceProject(clientId, projectId, context)
  await syncProjectOverview(clientId, projectId)
}

/** A renamed project's name onto its edges, and its pricing onto its assignments (the rename job's step). */
export async function propagateProjectChanges(clientId: string, projectId: string): Promise<void> {
  await propagateProjectName(clientId, projectId)
  await repriceProject(clientId, projectId)
}

/** Copies the project's current name onto its assignments, stack entries and unfilled roles. Idempotent. */
export async function propagateProjectName(clientId: string, projectId: string): Promise<void> {
  const project = await readProject(clientId, projectId)
  if (!project) return
  const edges = await readClientEdges(clientId, projectId)
  const copies = edges.filter((item) => item.entity !== 'Project' && item.entity !== 'UnfilledRole' && item.projectName !== project.name)
  await forEachBounded(copies, 8, async (item) => {
    const copied = { projectName: project.name }
    if (item.entity === 'Assignment') await copyFields(AssignmentEntity, { clientId, projectId, id: item.id }, copied, 'projectNameVersion', project.version)
    if (item.entity === 'StackEntry') await copyFields(StackEntryEntity, { clientId, projectId, technologyId: item.technologyId }, copied, 'projectNameVersion', project.version)
  })
  // Every unfilled role, not only stale copies: see propagateClientName.
  await forEachBounded(edges.filter((item) => item.entity === 'UnfilledRole'), 8, async (role) => void (await syncUnfilledRole({ clientId, projectId, roleId: role.id })))
  await syncProjectOverview(clientId, projectId)
}

/** Deletes the project and its edges as a job (mark, sweep each edge out of its aggregates, delete). */
export async function deleteProject(
  actor: Actor | null,
  input: unknown,
  options: { onProgress?: (progress: DeleteProgress) => Promise<void> | void } = {},
): Promise<{ assignments: number; stackEntries: number }> {
  authorize(actor, 'manage')
  const { clientId, projectId } = parseInput(deleteProjectInput, input, 'project')
  if (!(await readProject(clientId, projectId))) throw notFound('project', projectId)
  return runAsJob('delete-project', projectId, { clientId }, (_job, context) => sweepProject(clientId, projectId, context, options.onProgress))
}

export async function sweepProject(
  clientId: string,
  projectId: string,
  context: JobContext,
  onProgress?: (progress: DeleteProgress) => Promise<void> | void,
): Promise<{ assignments: number; stackEntries: number }> {
  const ref = { clientId, projectId }
  const removed = await sweepDelete(
    {
      entity: ProjectEntity,
      key: { clientId, id: projectId },
      hide: async () => void (await syncProject(ref)),
      remaining: async () => ({ edges: edgesAmong(await readClientEdges(clientId, projectId)) }),
      onBatch: (done, total) => onProgress?.({ phase: 'deleting', deleted: done, total }),
      finish: async () => void (await syncProject(ref)),
    },
    context,
  )
  return { assignments: removed.assignment, stackEntries: removed.stack }
}

/** Puts a technology on a project's stack; a technology already there is a conflict. */
export async function addTechnologyToProject(actor: Actor | null, input: unknown): Promise<StackEntryView> {
  authorize(actor, 'manage')
  const data = parseInput(stackEntryInput, input, 'stack entry')
  const [project, { Item: technology }] = await Promise.all([
    getLiveProject(data.clientId, data.projectId),
    TechnologyEntity.build(GetItemCommand).key({ id: data.technologyId }).options({ consistent: true }).send(),
  ])
  if (!technology || technology.deletingAt) {
    throw new AppError('not_found:technology', `No technology with id "${data.technologyId}".`, { technologyId: ['Choose an existing technology'] })
  }
  const ref = { clientId: data.clientId, projectId: data.projectId, technologyId: technology.id }
  return runAsJob('sync-stack-entry', `${ref.clientId}#${ref.projectId}#${ref.technologyId}`, ref, async () => {
    try {
      await StackEntryEntity.build(PutItemCommand)
        .item({
          ...ref,
          clientName: project.clientName,
          projectName: project.name,
          projectNameVersion: project.version,
          technologyName: technology.name,
          technologyCategory: technology.category,
          technologyNameVersion: technology.version,
          note: data.note,
        })
        .options({ condition: { attr: 'PK', exists: false } })
        .send()
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        // This job may have been left by a crash after the put: finish its work before refusing.
        await syncStackEntry(ref)
        throw new AppError('conflict:stack_entry', `${technology.name} is already on this project's stack.`, { technologyId: ['Already on the stack'] })
      }
      throw error
    }
    const entry = await syncStackEntry(ref)
    if (!entry) throw notFound('project', ref.projectId)
    return toStackEntryView(entry)
  })
}

/** Changes the note on a stack entry (the version in use, say). The entry is the only item that holds it. */
export async function setStackEntryNote(actor: Actor | null, input: unknown): Promise<StackEntryView> {
  authorize(actor, 'manage')
  const { clientId, projectId, technologyId, note } = parseInput(stackNoteInput, input, 'stack entry')
  try {
    const { Attributes } = await StackEntryEntity.build(UpdateItemCommand)
      .item({ clientId, projectId, technologyId, note })
      .options({ condition: { attr: 'PK', exists: true }, returnValues: 'ALL_NEW' })
      .send()
    return toStackEntryView(Attributes!)
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('stack entry', technologyId)
    throw error
  }
}

export async function removeTechnologyFromProject(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'manage')
  const ref = parseInput(removeStackEntryInput, input, 'stack entry')
  await runAsJob('sync-stack-entry', `${ref.clientId}#${ref.projectId}#${ref.technologyId}`, ref, async () => {
    const removed = await deleteItemOf(StackEntryEntity, ref)
    await syncStackEntry(ref)
    if (!removed) throw notFound('stack entry', ref.technologyId)
  })
}
