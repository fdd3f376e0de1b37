import { GetItemCommand, ProjectEntity, keys, nameAccessPattern } from '../db'
import { toProjectSummary, type ProjectDetail, type ProjectSummary } from '../dto'
import { assembleProjects, queryClientPartition } from '../clients/partition'

/** Access pattern 2: one project with its assignments and stack, one Query on the client's partition. */
export async function getProjectPage({ clientId, projectId }: { clientId: string; projectId: string }): Promise<ProjectDetail | null> {
  nameAccessPattern('Project page')
  const items = await queryClientPartition(clientId, projectId)
  return assembleProjects(items).find((project) => project.id === projectId) ?? null
}

/** One GetItem: the project alone. */
export async function getProject({ clientId, projectId }: { clientId: string; projectId: string }): Promise<ProjectSummary | null> {
  const { Item } = await ProjectEntity.build(GetItemCommand).key(keys.project(clientId, projectId)).send()
  return Item && !Item.deletingAt ? toProjectSummary(Item) : null
}
