import 'server-only'
import { AssignmentEntity, ClientEntity, ProjectEntity, QueryCommand, RosterTable, StackEntryEntity, UnfilledRoleEntity, partitions, sortKeys } from '../db'
import { toUnfilledRoleView } from '../dto'
import { budgetOf, byStartThenName, toAssignmentView, toProjectSummary, toStackEntryView, type ProjectDetail } from '../dto'
import { nextFourWeeks, projectBillings, projectFinancials, type MoneyWork } from '../money/figures'

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

/**
 * Nests assignments and stack entries under their projects; projects being deleted are hidden. With
 * `money` (the reader may see it), each project carries its budget, rates and financials as of `today`.
 */
export function assembleProjects(items: ClientPartitionItem[], { money = false, today = '' }: { money?: boolean; today?: string } = {}): ProjectDetail[] {
  const projects = new Map<string, ProjectDetail>()
  const work = new Map<string, (MoneyWork & { id: string })[]>()
  const unpriced = new Map<string, number>()
  for (const item of items) {
    if (item.entity === 'Project' && !item.deletingAt) {
      projects.set(item.id, {
        ...toProjectSummary(item, { money }),
        assignments: [],
        stack: [],
        roles: [],
        ...(money ? { rates: Object.values(item.rates ?? {}).sort((a, b) => a.role.localeCompare(b.role)) } : {}),
      })
    }
  }
  for (const item of items) {
    if (item.entity === 'Assignment' && projects.has(item.projectId)) {
      projects.get(item.projectId)!.assignments.push(toAssignmentView(item, { money }))
      if (!money) continue
      if (!item.money) unpriced.set(item.projectId, (unpriced.get(item.projectId) ?? 0) + 1)
      else {
        const list = work.get(item.projectId) ?? []
        list.push({ id: item.id, allocation: item.allocation, startDate: item.startDate, endDate: item.endDate ?? null, tentative: item.status === 'tentative', ...item.money })
        work.set(item.projectId, list)
      }
    }
    if (item.entity === 'StackEntry') projects.get(item.projectId)?.stack.push(toStackEntryView(item))
    if (item.entity === 'UnfilledRole' && !item.deletingAt) projects.get(item.projectId)?.roles.push(toUnfilledRoleView(item))
  }
  if (money) {
    for (const item of items) {
      const project = item.entity === 'Project' ? projects.get(item.id) : undefined
      if (!project || item.entity !== 'Project') continue
      const budget = budgetOf(item)
      const input = { pricing: project.pricing, budgetKind: budget?.kind ?? null, budgetAmount: budget?.amount ?? null, startDate: project.startDate, endDate: project.endDate, work: work.get(project.id) ?? [] }
      const financials = projectFinancials(input, today)
      const window = nextFourWeeks(today)
      project.financials = { ...financials, unpriced: unpriced.get(project.id) ?? 0, nextFourWeeks: { ...window, ...projectBillings(input, financials, window.from, window.to) } }
    }
  }
  const result = [...projects.values()]
  for (const project of result) {
    project.assignments.sort(byStartThenName)
    project.stack.sort((a, b) => a.technologyName.localeCompare(b.technologyName))
    project.roles.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.role.localeCompare(b.role))
  }
  return result.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name))
}
