import {
  GetItemCommand,
  PutItemCommand,
  TechnologyEntity,
  UpdateItemCommand,
  batchDeleteKeys,
  gsiKeys,
  isConditionalCheckFailed,
  keys,
  listPartitions,
  nameSortKey,
  queryAllItems,
  updateEachItem,
  itemKeyOf,
} from '../db'
import { toTechnologySummary, type TechnologySummary } from '../dto'
import { AppError, notFound } from '../errors'
import { slugify } from '../ids'
import { finishJob, rememberJobImpact, startJob } from '../jobs'
import { refreshSummaries } from '../summaries'
import { parseInput } from '../validation'
import { createTechnologyInput, updateTechnologyInput, type CreateTechnologyInput, type UpdateTechnologyInput } from './schemas'

export async function createTechnology(input: CreateTechnologyInput): Promise<TechnologySummary> {
  const data = parseInput(createTechnologyInput, input, 'technology')
  const id = data.id ?? slugify(data.name)
  if (!id) throw new AppError('invalid:technology', 'Invalid technology: name: Name needs at least one letter or digit', { name: ['Name needs at least one letter or digit'] })
  const item = {
    ...keys.technology(id),
    ...gsiKeys.technologySelf(id),
    ...gsiKeys.listEntry(listPartitions.technologies, nameSortKey(data.name, id)),
    id,
    name: data.name,
    category: data.category,
    projectCount: 0,
    peopleCount: 0,
  }
  try {
    await TechnologyEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      throw new AppError('conflict:technology', `A technology with id "${id}" already exists.`, { name: [`"${id}" already exists`] })
    }
    throw error
  }
  return toTechnologySummary({ ...item, createdAt: '', updatedAt: '' })
}

/** Updates name or category; the new values reach every stack entry and skill before it returns. */
export async function updateTechnology(input: UpdateTechnologyInput): Promise<TechnologySummary> {
  const { technologyId, ...data } = parseInput(updateTechnologyInput, input, 'technology')
  const { Item: current } = await TechnologyEntity.build(GetItemCommand).key(keys.technology(technologyId)).options({ consistent: true }).send()
  if (!current) throw notFound('technology', technologyId)
  const changed = current.name !== data.name || current.category !== data.category
  if (changed) await startJob('rename-technology', technologyId)
  let updated
  try {
    ;({ Attributes: updated } = await TechnologyEntity.build(UpdateItemCommand)
      .item({ ...keys.technology(technologyId), ...data, GSI3SK: nameSortKey(data.name, technologyId) })
      .options({ condition: { attr: 'PK', exists: true }, returnValues: 'ALL_NEW' })
      .send())
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('technology', technologyId)
    throw error
  }
  if (changed) {
    await propagateTechnologyName(technologyId)
    await finishJob('rename-technology', technologyId)
  }
  return toTechnologySummary(updated!)
}

/** Copies name and category onto stack entries, and the name onto skills. Idempotent. */
export async function propagateTechnologyName(technologyId: string): Promise<void> {
  const { Item: technology } = await TechnologyEntity.build(GetItemCommand).key(keys.technology(technologyId)).options({ consistent: true }).send()
  if (!technology) return
  const edges = await technologyEdges(technologyId)
  await Promise.all([
    updateEachItem(edges.filter((e) => e._type === 'StackEntry').map(itemKeyOf), { technologyName: technology.name, technologyCategory: technology.category }),
    updateEachItem(edges.filter((e) => e._type === 'Skill').map(itemKeyOf), { technologyName: technology.name }),
  ])
}

function technologyEdges(technologyId: string) {
  return queryAllItems({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK > :self',
    ExpressionAttributeValues: { ':pk': keys.technologyPartition(technologyId), ':self': '#TECH' },
  })
}

/** Deletes the technology, its stack entries and skills; resumable (job, sweep, refresh). */
export async function deleteTechnology({ technologyId }: { technologyId: string }): Promise<{ projects: number; people: number }> {
  const { Item: technology } = await TechnologyEntity.build(GetItemCommand).key(keys.technology(technologyId)).options({ consistent: true }).send()
  if (!technology) {
    await finishJob('delete-technology', technologyId)
    throw notFound('technology', technologyId)
  }
  await startJob('delete-technology', technologyId)
  await updateEachItem([keys.technology(technologyId)], { GSI3PK: `DELETING#${listPartitions.technologies}` })
  const edges = await technologyEdges(technologyId)
  const impact = await rememberJobImpact('delete-technology', technologyId, {
    employeeIds: edges.filter((e) => e._type === 'Skill').map((e) => e.employeeId as string),
  })
  await batchDeleteKeys(edges.map(itemKeyOf))
  await refreshSummaries(impact)
  await batchDeleteKeys([keys.technology(technologyId)])
  await finishJob('delete-technology', technologyId)
  return { projects: edges.filter((e) => e._type === 'StackEntry').length, people: edges.filter((e) => e._type === 'Skill').length }
}
