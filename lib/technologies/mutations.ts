import 'server-only'
import { authorize, type Actor } from '../authorization'
import {
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  RosterTable,
  SkillEntity,
  StackEntryEntity,
  TechnologyEntity,
  copyFields,
  forEachBounded,
  createOnce,
  partitions,
  updateVersion,
} from '../db'
import { toTechnologySummary, type TechnologySummary } from '../dto'
import { AppError, notFound } from '../errors'
import { slugify } from '../ids'
import { runAsJob, type JobContext } from '../jobs/runner'
import { saveVersioned } from '../edges/versioned-save'
import { sweepDelete } from '../edges/delete-sweep'
import type { EdgeRef } from '../edges/journal'
import { parseInput } from '../validation'
import { createTechnologyInput, deleteTechnologyInput, updateTechnologyInput } from './schemas'

async function readTechnology(technologyId: string) {
  const { Item } = await TechnologyEntity.build(GetItemCommand).key({ id: technologyId }).options({ consistent: true }).send()
  return Item ?? null
}

export async function createTechnology(actor: Actor | null, input: unknown): Promise<TechnologySummary> {
  authorize(actor, 'manage')
  const { idempotencyKey, ...data } = parseInput(createTechnologyInput, input, 'technology')
  const id = data.id ?? slugify(data.name)
  if (!id) throw new AppError('invalid:technology', 'Invalid technology: name: Name needs at least one letter or digit', { name: ['Name needs at least one letter or digit'] })
  await createOnce(
    () =>
      TechnologyEntity.build(PutItemCommand)
        .item({ id, name: data.name, category: data.category, version: 1, ...(idempotencyKey ? { idempotencyKey } : {}) })
        .options({ condition: { attr: 'PK', exists: false } })
        .send(),
    () => readTechnology(id),
    idempotencyKey,
    () => new AppError('conflict:technology', `A technology with id "${id}" already exists.`, { name: [`"${id}" already exists`] }),
  )
  return toTechnologySummary((await readTechnology(id))!)
}

/** Saves name or category if unchanged since `version`; the new values reach every stack entry and skill before it returns. */
export async function updateTechnology(actor: Actor | null, input: unknown): Promise<TechnologySummary> {
  authorize(actor, 'manage')
  const { technologyId, version, ...data } = parseInput(updateTechnologyInput, input, 'technology')
  return saveVersioned('technology', technologyId, version, {
    read: () => readTechnology(technologyId),
    write: () => updateVersion(TechnologyEntity, { id: technologyId, ...data }, version),
    followUp: (current) =>
      current.name === data.name && current.category === data.category
        ? null
        : { kind: 'rename-technology', follow: (context) => propagateTechnologyName(technologyId, context) },
    toView: toTechnologySummary,
  })
}

/** Where a technology's edges are, from its own maps (a consistent read of one item). */
function edgesOf(technology: NonNullable<Awaited<ReturnType<typeof readTechnology>>>) {
  return {
    stackEntries: Object.keys(technology.projectKeys).map((projectKey) => {
      const [clientId, projectId] = projectKey.split('#')
      return { clientId, projectId, technologyId: technology.id }
    }),
    skills: Object.keys(technology.people).map((employeeId) => ({ employeeId, technologyId: technology.id })),
  }
}

/**
 * Copies name and category onto the technology's stack entries, and the name onto its skills, found
 * through its maps; an edge not yet in a map copies the name itself when it is synchronised.
 * Bounded concurrency, progress on the job. Idempotent.
 */
export async function propagateTechnologyName(technologyId: string, context?: JobContext): Promise<void> {
  const technology = await readTechnology(technologyId)
  if (!technology) return
  const { stackEntries, skills } = edgesOf(technology)
  const copies: (() => Promise<boolean>)[] = [
    ...stackEntries.map((ref) => () =>
      copyFields(StackEntryEntity, ref, { technologyName: technology.name, technologyCategory: technology.category }, 'technologyNameVersion', technology.version),
    ),
    ...skills.map((ref) => () => copyFields(SkillEntity, ref, { technologyName: technology.name }, 'technologyNameVersion', technology.version)),
  ]
  for (let start = 0; start < copies.length; start += 100) {
    await forEachBounded(copies.slice(start, start + 100), 8, async (copy) => void (await copy()))
    await context?.heartbeat({ done: Math.min(start + 100, copies.length), total: copies.length })
  }
}

/** Deletes the technology, its stack entries and skills, as a job (mark, sweep, delete) with progress. */
export async function deleteTechnology(
  actor: Actor | null,
  input: unknown,
  options: { onProgress?: (progress: { done: number; total: number }) => Promise<void> | void } = {},
): Promise<{ projects: number; people: number }> {
  authorize(actor, 'manage')
  const { technologyId } = parseInput(deleteTechnologyInput, input, 'technology')
  if (!(await readTechnology(technologyId))) throw notFound('technology', technologyId)
  return runAsJob('delete-technology', technologyId, {}, (_job, context) => sweepTechnology(technologyId, context, options.onProgress))
}

export async function sweepTechnology(
  technologyId: string,
  context: JobContext,
  onProgress?: (progress: { done: number; total: number }) => Promise<void> | void,
): Promise<{ projects: number; people: number }> {
  const removed = await sweepDelete(
    {
      entity: TechnologyEntity,
      key: { id: technologyId },
      remaining: async () => {
        const technology = await readTechnology(technologyId)
        return { edges: technology ? edgeRefsOf(edgesOf(technology)) : [] }
      },
      indexEdges: () => technologyIndexEdges(technologyId),
      onBatch: (done, total) => onProgress?.({ done, total }),
    },
    context,
  )
  return { projects: removed.stack, people: removed.skill }
}

function edgeRefsOf({ stackEntries, skills }: ReturnType<typeof edgesOf>): EdgeRef[] {
  return [...stackEntries.map((ref) => ({ ...ref, kind: 'stack' as const })), ...skills.map((ref) => ({ ...ref, kind: 'skill' as const }))]
}

/** The technology's edges as its index view shows them (it may lag the table). */
async function technologyIndexEdges(technologyId: string): Promise<EdgeRef[]> {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    // The technology itself sorts among its edges (between skills and stack entries): read it too, and skip it.
    .entities(TechnologyEntity, StackEntryEntity, SkillEntity)
    .query({ index: 'GSI2', partition: partitions.technology(technologyId) })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  return edgeRefsOf({
    stackEntries: Items.flatMap((item) => (item.entity === 'StackEntry' ? [{ clientId: item.clientId, projectId: item.projectId, technologyId }] : [])),
    skills: Items.flatMap((item) => (item.entity === 'Skill' ? [{ employeeId: item.employeeId, technologyId }] : [])),
  })
}
