import 'server-only'
import { AssignmentEntity, ClientEntity, ProjectEntity, QueryCommand, RosterTable, StackEntryEntity, UnfilledRoleEntity, partitions, sortKeys } from '../db'
import { toUnfilledRoleView } from '../dto'
import { byStartThenName, toAssignmentView, toProjectSummary, toStackEntryView, type ProjectDetail } from '../dto'

/**
 * One Query on a client's partition: the whole of it (dashboard), or one project and its edges
 * (SK between PROJECT#<pid> and PROJECT#<pid>#~, which cannot match another project's id).
 */
export async function queryClientPartition(clientId: string, projectId?: string) {
  const range: { between: [string, string] } | undefined = projectId ? { between: [sortKeys.project(projectId), `${sortKeys.projectEdges(projectId)}~`] } : undefined
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(ClientEntity, ProjectEntity, AssignmentEntity, StackEntryEntity, UnfilledRoleEntity)
    .query({ partition: partitions.client(clientId), ...(range ? { range } : {}) })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  return Items
}

export type ClientPartitionItem = Awaited<ReturnType<typeof queryClientPartition>>[number]

/** Nests assignments and stack entries under their projects; projects being deleted are hidden. */
export function assembleProjects(items: ClientPartitionItem[]): ProjectDetail[] {
  const projects = new Map<string, ProjectDetail>()
  for (const item of items) {
    if (item.entity === 'Project' && !item.deletingAt) projects.set(item.id, { ...toProjectSummary(item), assignments: [], stack: [], roles: [] })
  }
  for (const item of items) {
    if (item.entity === 'Assignment') projects.get(item.projectId)?.assignments.push(toAssignmentView(item))
    if (item.entity === 'StackEntry') projects.get(item.projectId)?.stack.push(toStackEntryView(item))
    if (item.entity === 'UnfilledRole' && !item.deletingAt) projects.get(item.projectId)?.roles.push(toUnfilledRoleView(item))
  }
  const result = [...projects.values()]
  for (const project of result) {
    project.assignments.sort(byStartThenName)
    project.stack.sort((a, b) => a.technologyName.localeCompare(b.technologyName))
    project.roles.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.role.localeCompare(b.role))
  }
  return result.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name))
}
