import { authorize, type Actor } from '../authorization'
import {
  $add,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  RosterTable,
  SkillEntity,
  StackEntryEntity,
  TechnologyEntity,
  UpdateItemCommand,
  copyFields,
  deleteItemOf,
  forEachBounded,
  createOnce,
  saveIfUnchanged,
  markDeleting,
  partitions,
} from '../db'
import { toTechnologySummary, type TechnologySummary } from '../dto'
import { AppError, notFound, staleSave } from '../errors'
import { slugify } from '../ids'
import { runAsJob, type JobContext } from '../jobs/runner'
import { indexSettleMs, sleep } from '../jobs/settle'
import { finishJournalledEdges, removeEdgesJournalled, stillPresent, type EdgeRef } from '../edges/journal'
import { parseInput, isEntityId } from '../validation'
import { createTechnologyInput, updateTechnologyInput } from './schemas'

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
  const current = await readTechnology(technologyId)
  if (!current || current.deletingAt) throw notFound('technology', technologyId)
  if (current.version !== version) throw staleSave('technology', toTechnologySummary(current))
  const save = () =>
    saveIfUnchanged({
      update: async () => {
        const { Attributes } = await TechnologyEntity.build(UpdateItemCommand)
          .item({ id: technologyId, ...data, version: $add(1) })
          .options({ condition: { and: [{ attr: 'version', eq: version }, { attr: 'deletingAt', exists: false }] }, returnValues: 'ALL_NEW' })
          .send()
        return toTechnologySummary(Attributes!)
      },
      reread: () => readTechnology(technologyId),
      subject: 'technology',
      id: technologyId,
      toView: toTechnologySummary,
    })
  if (current.name === data.name && current.category === data.category) return save()
  return runAsJob('rename-technology', technologyId, {}, async (_job, context) => {
    const saved = await save()
    await propagateTechnologyName(technologyId, context)
    return saved
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
  { technologyId }: { technologyId: string },
  options: { onProgress?: (progress: { done: number; total: number }) => Promise<void> | void } = {},
): Promise<{ projects: number; people: number }> {
  authorize(actor, 'manage')
  if (!isEntityId(technologyId)) throw notFound('technology', technologyId)
  if (!(await readTechnology(technologyId))) throw notFound('technology', technologyId)
  return runAsJob('delete-technology', technologyId, {}, (_job, context) => sweepTechnology(technologyId, context, options.onProgress))
}

export async function sweepTechnology(
  technologyId: string,
  context: JobContext,
  onProgress?: (progress: { done: number; total: number }) => Promise<void> | void,
): Promise<{ projects: number; people: number }> {
  await finishJournalledEdges(context)
  const deletion = { projects: 0, people: 0 }
  const marked = await markDeleting(TechnologyEntity, { id: technologyId }, new Date().toISOString())
  if (!marked) return deletion
  const settleUntil = Date.parse(marked.deletingAt!) + indexSettleMs()
  for (let pass = 0; pass < 100; pass++) {
    const technology = await readTechnology(technologyId)
    let { stackEntries, skills } = technology ? edgesOf(technology) : { stackEntries: [], skills: [] }
    if (stackEntries.length === 0 && skills.length === 0) {
      // The maps are empty: one pass over the technology's index view once it has caught up with the
      // marking, for any edge whose synchronisation has not reached a map yet.
      await sleep(settleUntil - Date.now())
      const found = await technologyIndexEdges(technologyId)
      const present = await stillPresent([...found.stackEntries.map((ref) => ({ kind: 'stack' as const, ...ref })), ...found.skills.map((ref) => ({ kind: 'skill' as const, ...ref }))])
      if (present.length === 0) break
      stackEntries = present.flatMap((edge) => (edge.kind === 'stack' ? [edge] : []))
      skills = present.flatMap((edge) => (edge.kind === 'skill' ? [edge] : []))
    }
    const edges: EdgeRef[] = [...stackEntries.map((ref) => ({ ...ref, kind: 'stack' as const })), ...skills.map((ref) => ({ ...ref, kind: 'skill' as const }))]
    const removed = await removeEdgesJournalled(edges, context, (done, total) => onProgress?.({ done, total }))
    deletion.projects += removed.stack
    deletion.people += removed.skill
  }
  await deleteItemOf(TechnologyEntity, { id: technologyId })
  return deletion
}

async function technologyIndexEdges(technologyId: string) {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    // The technology itself sorts among its edges (between skills and stack entries): read it too, and skip it.
    .entities(TechnologyEntity, StackEntryEntity, SkillEntity)
    .query({ index: 'GSI2', partition: partitions.technology(technologyId) })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  return {
    stackEntries: Items.flatMap((item) => (item.entity === 'StackEntry' ? [{ clientId: item.clientId, projectId: item.projectId, technologyId }] : [])),
    skills: Items.flatMap((item) => (item.entity === 'Skill' ? [{ employeeId: item.employeeId, technologyId }] : [])),
  }
}
