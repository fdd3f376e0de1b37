import 'server-only'
import { authorize, type Actor } from '../authorization'
import {
  AssignmentEntity,
  ClientEntity,
  ProjectEntity,
  PutItemCommand,
  StackEntryEntity,
  copyFields,
  deleteItemOf,
  forEachBounded,
  createOnce,
  markDeleting,
  updateVersion,
} from '../db'
import { toClientSummary, type ClientSummary } from '../dto'
import { AppError, notFound } from '../errors'
import { idForKey } from '../ids'
import { runAsJob, type JobContext } from '../jobs/runner'
import { saveVersioned } from '../edges/versioned-save'
import { edgesAmong, sweepDelete } from '../edges/delete-sweep'
import { parseInput } from '../validation'
import { createClientInput, deleteClientInput, updateClientInput } from './schemas'
import { syncProjectOverview } from '../digests/overview-sync'
import { syncUnfilledRole } from '../edges/unfilled-role'
import { readClient, readClientEdges } from '../reads'

export async function createClient(actor: Actor | null, input: unknown): Promise<ClientSummary> {
  authorize(actor, 'manage')
  const { idempotencyKey, ...data } = parseInput(createClientInput, input, 'client')
  const id = idForKey('client', idempotencyKey)
  await createOnce(
    () =>
      ClientEntity.build(PutItemCommand)
        .item({ id, ...data, version: 1, ...(idempotencyKey ? { idempotencyKey } : {}) })
        .options({ condition: { attr: 'PK', exists: false } })
        .send(),
    () => readClient(id),
    idempotencyKey,
    () => new AppError('conflict:client', 'A client with this id already exists. Please try again.'),
  )
  return toClientSummary((await readClient(id))!)
}

/**
 * Saves the client if nobody changed it since `version` was loaded (else conflict:stale with the
 * current values). A new name reaches every copy (projects, assignments, stack entries) before it
 * returns; the rename runs as a job, so a crash midway is finished by the sweep.
 */
export async function updateClient(actor: Actor | null, input: unknown): Promise<ClientSummary> {
  authorize(actor, 'manage')
  const { clientId, version, ...data } = parseInput(updateClientInput, input, 'client')
  return saveVersioned('client', clientId, version, {
    read: () => readClient(clientId),
    write: () => updateVersion(ClientEntity, { id: clientId, ...data }, version),
    followUp: (current) => (current.name === data.name ? null : { kind: 'rename-client', follow: () => propagateClientName(clientId) }),
    toView: toClientSummary,
  })
}

/** Copies the client's current name onto every project, assignment and stack entry in its partition. Idempotent. */
export async function propagateClientName(clientId: string): Promise<void> {
  const client = await readClient(clientId)
  if (!client) return
  const edges = await readClientEdges(clientId)
  const copies = edges.filter((item) => item.entity !== 'UnfilledRole' && item.clientName !== client.name)
  await forEachBounded(copies, 8, async (item) => {
    const copied = { clientName: client.name }
    if (item.entity === 'Project') await copyFields(ProjectEntity, { clientId, id: item.id }, copied, 'clientNameVersion', client.version)
    if (item.entity === 'Assignment') await copyFields(AssignmentEntity, { clientId, projectId: item.projectId, id: item.id }, copied, 'clientNameVersion', client.version)
    if (item.entity === 'StackEntry') await copyFields(StackEntryEntity, { clientId, projectId: item.projectId, technologyId: item.technologyId }, copied, 'clientNameVersion', client.version)
  })
  // Every unfilled role, not only those still showing the old name: a role's sync copies the name and
  // then its capacity entry (which lists it), and a resumed job may find the copy made but not the entry.
  await forEachBounded(edges.filter((item) => item.entity === 'UnfilledRole'), 8, async (role) => void (await syncUnfilledRole({ clientId, projectId: role.projectId, roleId: role.id })))
  // The overview lists projects starting soon with their client's name.
  // Every project, not only those copied by this run: a resumed job may have copied some already.
  await forEachBounded(edges.flatMap((item) => (item.entity === 'Project' ? [item.id] : [])), 8, (projectId) => syncProjectOverview(clientId, projectId))
}

export interface ClientDeletion {
  projects: number
  assignments: number
  stackEntries: number
}

export interface DeleteProgress {
  phase: 'marked' | 'deleting' | 'done'
  deleted: number
  total: number
}

export type ProgressListener = (progress: DeleteProgress) => Promise<void> | void

/**
 * Deletes the client, its projects and all their assignments and stack entries, without
 * transactions, as a job: mark the client and its projects (hidden from every screen at once), then
 * delete each edge and take it out of the aggregates it fed, then the projects, then the client.
 * Re-running it after a crash at any point finishes the work.
 */
export async function deleteClient(actor: Actor | null, input: unknown, options: { onProgress?: ProgressListener } = {}): Promise<ClientDeletion> {
  authorize(actor, 'manage')
  const { clientId } = parseInput(deleteClientInput, input, 'client')
  if (!(await readClient(clientId))) throw notFound('client', clientId)
  return runAsJob('delete-client', clientId, {}, (_job, context) => sweepClient(clientId, context, options.onProgress))
}

export async function sweepClient(clientId: string, context: JobContext, onProgress?: ProgressListener): Promise<ClientDeletion> {
  let projects = 0
  let total = 0
  let deleted = 0
  const removed = await sweepDelete(
    {
      entity: ClientEntity,
      key: { id: clientId },
      // Projects are marked before the edges are read: an edge written after this point sees its
      // project being deleted (syncAssignment, syncStackEntry) and removes itself.
      hide: async (marked) => {
        const first = await readClientEdges(clientId)
        await forEachBounded(first.filter((item) => item.entity === 'Project'), 8, async (project) => {
          await markDeleting(ProjectEntity, { clientId, id: project.id }, marked.deletingAt)
          await syncProjectOverview(clientId, project.id)
        })
        total = first.length
        await context.heartbeat({ done: 0, total })
        await onProgress?.({ phase: 'marked', deleted: 0, total })
      },
      remaining: async () => {
        const items = await readClientEdges(clientId)
        if (items.length === 0) return { edges: [] }
        const edges = edgesAmong(items)
        // Edges first, projects after: a crash leaves marked projects, never orphaned edges.
        const afterEdges = async () => {
          deleted += edges.length
          await forEachBounded(items.filter((item) => item.entity === 'Project'), 8, async (project) => {
            if (await deleteItemOf(ProjectEntity, { clientId, id: project.id })) projects++
            await syncProjectOverview(clientId, project.id)
            deleted++
          })
        }
        return { edges, afterEdges }
      },
      onBatch: (done) => onProgress?.({ phase: 'deleting', deleted: deleted + done, total }),
      finish: async () => onProgress?.({ phase: 'done', deleted, total }),
    },
    context,
  )
  return { projects, assignments: removed.assignment, stackEntries: removed.stack }
}
