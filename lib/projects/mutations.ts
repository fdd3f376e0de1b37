import {
  ClientEntity,
  GetItemCommand,
  ProjectEntity,
  PutItemCommand,
  StackEntryEntity,
  TechnologyEntity,
  UpdateItemCommand,
  DeleteItemCommand,
  $remove,
  batchDeleteKeys,
  isConditionalCheckFailed,
  keys,
  gsiKeys,
  queryAllItems,
  updateEachItem,
  itemKeyOf,
} from '../db'
import { toProjectSummary, toStackEntryView, type ProjectSummary, type StackEntryView } from '../dto'
import { AppError, notFound } from '../errors'
import { newId } from '../ids'
import { finishJob, rememberJobImpact, startJob } from '../jobs'
import { refreshClientSummary, refreshSummaries, refreshTechnologySummary } from '../summaries'
import { parseInput } from '../validation'
import {
  createProjectInput,
  removeStackEntryInput,
  stackEntryInput,
  updateProjectInput,
  type CreateProjectInput,
  type StackEntryInput,
  type UpdateProjectInput,
} from './schemas'

async function getLiveClient(clientId: string) {
  const { Item } = await ClientEntity.build(GetItemCommand).key(keys.client(clientId)).options({ consistent: true }).send()
  if (!Item || Item.deletingAt) throw notFound('client', clientId)
  return Item
}

export async function getLiveProject(clientId: string, projectId: string) {
  const { Item } = await ProjectEntity.build(GetItemCommand).key(keys.project(clientId, projectId)).options({ consistent: true }).send()
  if (!Item || Item.deletingAt) throw notFound('project', projectId)
  return Item
}


export async function createProject(input: CreateProjectInput): Promise<ProjectSummary> {
  const data = parseInput(createProjectInput, input, 'project')
  const client = await getLiveClient(data.clientId)
  const id = newId()
  const item = { ...keys.project(data.clientId, id), ...gsiKeys.firmProject(data.startDate, id), id, clientName: client.name, ...data }
  try {
    await ProjectEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new AppError('conflict:project', 'A project with this id already exists. Please try again.')
    throw error
  }
  await refreshClientSummary(data.clientId)
  return toProjectSummary({ ...item, createdAt: '', updatedAt: '', description: data.description })
}

/** Updates the project; a new name reaches its assignments and stack entries before it returns. */
export async function updateProject(input: UpdateProjectInput): Promise<ProjectSummary> {
  const { clientId, projectId, ...data } = parseInput(updateProjectInput, input, 'project')
  const current = await getLiveProject(clientId, projectId)
  const renamed = current.name !== data.name
  if (renamed) await startJob('rename-project', projectId, clientId)
  let updated
  try {
    ;({ Attributes: updated } = await ProjectEntity.build(UpdateItemCommand)
      .item({
        ...keys.project(clientId, projectId),
        ...gsiKeys.firmProject(data.startDate, projectId),
        ...data,
        // Optional fields cleared in the form are removed, not kept.
        endDate: data.endDate ?? $remove(),
        budget: data.budget ?? $remove(),
      })
      .options({ condition: { and: [{ attr: 'PK', exists: true }, { attr: 'deletingAt', exists: false }] }, returnValues: 'ALL_NEW' })
      .send())
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('project', projectId)
    throw error
  }
  if (renamed) {
    await propagateProjectName(clientId, projectId)
    await finishJob('rename-project', projectId)
  }
  return toProjectSummary(updated!)
}

/** Copies the project's current name onto its assignments and stack entries. Idempotent. */
export async function propagateProjectName(clientId: string, projectId: string): Promise<void> {
  const { Item: project } = await ProjectEntity.build(GetItemCommand).key(keys.project(clientId, projectId)).options({ consistent: true }).send()
  if (!project) return
  const edges = await projectEdges(clientId, projectId)
  await updateEachItem(edges.map(itemKeyOf), { projectName: project.name })
}

async function projectEdges(clientId: string, projectId: string) {
  return queryAllItems({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :edges)',
    ExpressionAttributeValues: { ':pk': keys.clientPartition(clientId), ':edges': `${keys.projectPrefix(projectId)}#` },
  })
}

/** Deletes the project and its edges; resumable like deleteClient (job, mark, sweep, refresh). */
export async function deleteProject({ clientId, projectId }: { clientId: string; projectId: string }): Promise<{ assignments: number; stackEntries: number }> {
  const { Item: project } = await ProjectEntity.build(GetItemCommand).key(keys.project(clientId, projectId)).options({ consistent: true }).send()
  if (!project) {
    await finishJob('delete-project', projectId)
    throw notFound('project', projectId)
  }
  await startJob('delete-project', projectId, clientId)
  await updateEachItem([keys.project(clientId, projectId)], { deletingAt: project.deletingAt ?? new Date().toISOString() })
  const edges = await projectEdges(clientId, projectId)
  const impact = await rememberJobImpact('delete-project', projectId, {
    employeeIds: edges.filter((e) => e._type === 'Assignment').map((e) => e.employeeId as string),
    technologyIds: edges.filter((e) => e._type === 'StackEntry').map((e) => e.technologyId as string),
    clientIds: [clientId],
  })
  await batchDeleteKeys(edges.map(itemKeyOf))
  await batchDeleteKeys([keys.project(clientId, projectId)])
  await refreshSummaries(impact)
  await finishJob('delete-project', projectId)
  return {
    assignments: edges.filter((e) => e._type === 'Assignment').length,
    stackEntries: edges.filter((e) => e._type === 'StackEntry').length,
  }
}

/** Puts a technology on a project's stack; a technology already there is a conflict. */
export async function addTechnologyToProject(input: StackEntryInput): Promise<StackEntryView> {
  const data = parseInput(stackEntryInput, input, 'stack entry')
  const [project, { Item: technology }] = await Promise.all([
    getLiveProject(data.clientId, data.projectId),
    TechnologyEntity.build(GetItemCommand).key(keys.technology(data.technologyId)).send(),
  ])
  if (!technology) throw notFound('technology', data.technologyId)
  const item = {
    ...keys.stackEntry(data.clientId, data.projectId, data.technologyId),
    GSI2PK: keys.technologyPartition(data.technologyId),
    GSI2SK: `PROJECT#${data.clientId}#${data.projectId}`,
    clientId: data.clientId,
    clientName: project.clientName,
    projectId: data.projectId,
    projectName: project.name,
    technologyId: technology.id,
    technologyName: technology.name,
    technologyCategory: technology.category,
    note: data.note,
  }
  try {
    await StackEntryEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      throw new AppError('conflict:stack_entry', `${technology.name} is already on this project's stack.`, { technologyId: ['Already on the stack'] })
    }
    throw error
  }
  await refreshTechnologySummary(technology.id)
  return toStackEntryView({ ...item, createdAt: '', updatedAt: '' })
}

export async function removeTechnologyFromProject(input: { clientId: string; projectId: string; technologyId: string }): Promise<void> {
  const data = parseInput(removeStackEntryInput, input, 'stack entry')
  try {
    await StackEntryEntity.build(DeleteItemCommand)
      .key(keys.stackEntry(data.clientId, data.projectId, data.technologyId))
      .options({ condition: { attr: 'PK', exists: true } })
      .send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('stack entry', data.technologyId)
    throw error
  }
  await refreshTechnologySummary(data.technologyId)
}
