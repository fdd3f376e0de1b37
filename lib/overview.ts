import { allocationOn, todayIso } from './allocation'
import { EmployeeEntity, ProjectEntity, QueryCommand, RosterTable, listPartitions, nameAccessPattern } from './db'
import { toEmployeeSummary, toProjectSummary, type EmployeeSummary, type ProjectSummary } from './dto'

export interface FirmOverview {
  counts: { employees: number; clients: number; projects: number; activeProjects: number }
  bench: EmployeeSummary[]
  overAllocated: (EmployeeSummary & { allocation: number })[]
  startingSoon: ProjectSummary[]
}

/**
 * The home page: two Queries on GSI3, run in parallel: the EMPLOYEES partition (everyone with their
 * bookings, for bench and over-allocation) and the PROJECTS partition (counts, and projects starting
 * in the next 30 days). Clients are counted from the projects' client ids (clients with projects).
 */
export async function getFirmOverview(today: string = todayIso()): Promise<FirmOverview> {
  nameAccessPattern('Firm overview')
  const [employees, projects] = await Promise.all([
    RosterTable.build(QueryCommand).entities(EmployeeEntity).query({ index: 'GSI3', partition: listPartitions.employees }).options({ maxPages: Infinity, entityAttrFilter: false }).send(),
    RosterTable.build(QueryCommand).entities(ProjectEntity).query({ index: 'GSI3', partition: listPartitions.projects }).options({ maxPages: Infinity, entityAttrFilter: false, showEntityAttr: true }).send(),
  ])
  const people = (employees.Items ?? []).map(toEmployeeSummary)
  const projectList = (projects.Items ?? []).flatMap((item) => (item.entity === 'Project' && !item.deletingAt ? [toProjectSummary(item)] : []))
  const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
  return {
    counts: {
      employees: people.length,
      clients: new Set(projectList.map((p) => p.clientId)).size,
      projects: projectList.length,
      activeProjects: projectList.filter((p) => p.status === 'active').length,
    },
    bench: people.filter((person) => allocationOn(person.bookings, today) === 0),
    overAllocated: people
      .map((person) => ({ ...person, allocation: allocationOn(person.bookings, today) }))
      .filter((person) => person.allocation > 100)
      .sort((a, b) => b.allocation - a.allocation),
    startingSoon: projectList.filter((p) => p.startDate > today && p.startDate <= in30Days).sort((a, b) => a.startDate.localeCompare(b.startDate)),
  }
}
