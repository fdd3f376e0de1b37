import {
  ClientEntity,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  batchDeleteKeys,
  isConditionalCheckFailed,
  keys,
  listPartitions,
  nameSortKey,
  queryAllItems,
  updateEachItem,
  itemKeyOf,
  type ItemKey,
} from '../db'
import { toClientSummary, type ClientSummary } from '../dto'
import { AppError, notFound } from '../errors'
import { newId } from '../ids'
import { finishJob, rememberJobImpact, startJob } from '../jobs'
import { refreshSummaries } from '../summaries'
import { parseInput } from '../validation'
import { createClientInput, updateClientInput, type CreateClientInput, type UpdateClientInput } from './schemas'

export async function createClient(input: CreateClientInput): Promise<ClientSummary> {
  const data = parseInput(createClientInput, input, 'client')
  const id = newId()
  const item = {
    ...keys.client(id),
    GSI3PK: listPartitions.clients,
    GSI3SK: nameSortKey(data.name, id),
    id,
    ...data,
    projectCount: 0,
    staffedCount: 0,
  }
  try {
    await ClientEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new AppError('conflict:client', 'A client with this id already exists. Please try again.')
    throw error
  }
  const { Item } = await ClientEntity.build(GetItemCommand).key(keys.client(id)).options({ consistent: true }).send()
  return toClientSummary(Item!)
}

/** Updates the client; a new name reaches every copy (projects, assignments, stack entries) before it returns. */
export async function updateClient(input: UpdateClientInput): Promise<ClientSummary> {
  const { clientId, ...data } = parseInput(updateClientInput, input, 'client')
  const { Item: current } = await ClientEntity.build(GetItemCommand).key(keys.client(clientId)).options({ consistent: true }).send()
  if (!current || current.deletingAt) throw notFound('client', clientId)
  const renamed = current.name !== data.name
  if (renamed) await startJob('rename-client', clientId)
  let updated
  try {
    ;({ Attributes: updated } = await ClientEntity.build(UpdateItemCommand)
      .item({ ...keys.client(clientId), ...data, GSI3SK: nameSortKey(data.name, clientId) })
      .options({ condition: { and: [{ attr: 'PK', exists: true }, { attr: 'deletingAt', exists: false }] }, returnValues: 'ALL_NEW' })
      .send())
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('client', clientId)
    throw error
  }
  if (renamed) {
    await propagateClientName(clientId)
    await finishJob('rename-client', clientId)
  }
  return toClientSummary(updated!)
}

/** Copies the client's current name onto every item in its partition. Idempotent. */
export async function propagateClientName(clientId: string): Promise<void> {
  const { Item: client } = await ClientEntity.build(GetItemCommand).key(keys.client(clientId)).options({ consistent: true }).send()
  if (!client) return
  const copies = await queryAllItems({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :project)',
    ExpressionAttributeValues: { ':pk': keys.clientPartition(clientId), ':project': 'PROJECT#' },
    ProjectionExpression: 'PK, SK',
  })
  await updateEachItem(copies as ItemKey[], { clientName: client.name })
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

/**
 * Deletes the client, its projects and all their assignments and stack entries, without
 * transactions: record a job, mark the client and its projects (hidden from every screen that reads
 * them), delete the edges and projects in batches, refresh the summaries of the people and
 * technologies they touched, then delete the client and the job. Re-running it after a crash at
 * any point finishes the work.
 */
export async function deleteClient(
  { clientId }: { clientId: string },
  options: { onProgress?: (progress: DeleteProgress) => Promise<void> | void } = {},
): Promise<ClientDeletion> {
  const { Item: client } = await ClientEntity.build(GetItemCommand).key(keys.client(clientId)).options({ consistent: true }).send()
  if (!client) {
    await finishJob('delete-client', clientId)
    throw notFound('client', clientId)
  }
  await startJob('delete-client', clientId)
  const deletingAt = client.deletingAt ?? new Date().toISOString()
  // Off the client list at once (GSI3 keys removed), and the dashboard treats it as gone.
  await updateEachItem([keys.client(clientId)], { deletingAt, GSI3PK: `DELETING#${listPartitions.clients}` })

  const items = await queryAllItems({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :project)',
    ExpressionAttributeValues: { ':pk': keys.clientPartition(clientId), ':project': 'PROJECT#' },
  })
  const projects = items.filter((item) => item._type === 'Project')
  const edges = items.filter((item) => item._type !== 'Project')
  const employeeIds = items.filter((item) => item._type === 'Assignment').map((item) => item.employeeId as string)
  const technologyIds = items.filter((item) => item._type === 'StackEntry').map((item) => item.technologyId as string)
  const impact = await rememberJobImpact('delete-client', clientId, { employeeIds, technologyIds })
  await updateEachItem(projects.map(itemKeyOf), { deletingAt })
  const total = items.length
  await options.onProgress?.({ phase: 'marked', deleted: 0, total })

  // Edges first, projects after: a crash leaves marked projects, never orphaned edges.
  const ordered = [...edges, ...projects].map(itemKeyOf)
  await batchDeleteKeys(ordered, (deleted) => options.onProgress?.({ phase: 'deleting', deleted, total }))
  await refreshSummaries(impact)
  await batchDeleteKeys([keys.client(clientId)])
  await finishJob('delete-client', clientId)
  await options.onProgress?.({ phase: 'done', deleted: total, total })
  return {
    projects: projects.length,
    assignments: items.filter((item) => item._type === 'Assignment').length,
    stackEntries: items.filter((item) => item._type === 'StackEntry').length,
  }
}
