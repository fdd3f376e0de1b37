import { allocationOn, todayIso } from './allocation'
import { EmployeeEntity, FIRM_PARTITION, ProjectEntity, QueryCommand, RosterTable, nameAccessPattern } from './db'
import { toEmployeeSummary, toProjectSummary, type EmployeeSummary, type ProjectSummary } from './dto'

export interface FirmOverview {
  counts: { employees: number; clients: number; projects: number; activeProjects: number }
  bench: EmployeeSummary[]
  overAllocated: (EmployeeSummary & { allocation: number })[]
  startingSoon: ProjectSummary[]
}

/**
 * The home page: one Query on GSI2's FIRM partition, which holds every employee (with bookings, for
 * bench and over-allocation) and every project (counts, and projects starting in the next 30 days).
 * Clients are counted from the projects' client ids (clients with projects).
 */
export async function getFirmOverview(today: string = todayIso()): Promise<FirmOverview> {
  nameAccessPattern('Firm overview')
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(EmployeeEntity, ProjectEntity)
    .query({ index: 'GSI2', partition: FIRM_PARTITION })
    .options({ maxPages: Infinity, entityAttrFilter: false, showEntityAttr: true })
    .send()
  const people = Items.flatMap((item) => (item.entity === 'Employee' ? [toEmployeeSummary(item)] : []))
  const projectList = Items.flatMap((item) => (item.entity === 'Project' && !item.deletingAt ? [toProjectSummary(item)] : []))
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
