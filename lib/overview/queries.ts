import { authorize, type Actor } from '../auth/roles'
import { allocationOn, isOffOn, todayIso } from '../staffing/allocation'
import { FIRM_PARTITION, QueryCommand, RosterTable, nameAccessPattern } from '../db'
import { parseLoadSpans } from '../employees/derived'

export interface OverviewPerson {
  id: string
  name: string
  practice: string
  allocation: number
}

export interface OverviewProject {
  id: string
  clientId: string
  clientName: string
  name: string
  status: string
  startDate: string
}

export interface FirmOverview {
  counts: { employees: number; clients: number; projects: number; activeProjects: number }
  bench: OverviewPerson[]
  overAllocated: OverviewPerson[]
  startingSoon: OverviewProject[]
}

type OverviewItem = {
  _type: string
  id: string
  name: string
  practice?: string
  loadSpans?: string[]
  clientId?: string
  clientName?: string
  status?: string
  startDate?: string
  deletingAt?: string
}

/**
 * The home page: one Query on GSI4's FIRM partition, which holds every employee (with loadSpans,
 * for bench and over-allocation) and every project (counts, projects starting in the next 30 days),
 * projected down to those attributes. Clients are counted from the projects' client ids.
 */
export async function getFirmOverview(actor: Actor | null, today: string = todayIso()): Promise<FirmOverview> {
  authorize(actor, 'read')
  nameAccessPattern('Firm overview')
  const { Items = [] } = await RosterTable.build(QueryCommand).query({ index: 'GSI4', partition: FIRM_PARTITION }).options({ maxPages: Infinity }).send()
  const items = Items as OverviewItem[]
  const people = items
    .filter((item) => item._type === 'Employee')
    .map((item) => {
      const { bookings, timeOff } = parseLoadSpans(item.loadSpans)
      return { id: item.id, name: item.name, practice: item.practice ?? '', allocation: allocationOn(bookings, today, { timeOff }), away: isOffOn(timeOff, today) }
    })
  const projects = items
    .filter((item) => item._type === 'Project' && !item.deletingAt)
    .map((item) => ({ id: item.id, clientId: item.clientId ?? '', clientName: item.clientName ?? '', name: item.name, status: item.status ?? '', startDate: item.startDate ?? '' }))
  const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
  return {
    counts: {
      employees: people.length,
      clients: new Set(projects.map((project) => project.clientId)).size,
      projects: projects.length,
      activeProjects: projects.filter((project) => project.status === 'active').length,
    },
    // People on time off today are not free to staff: they are off the bench.
    bench: people.filter((person) => person.allocation === 0 && !person.away).sort((a, b) => a.name.localeCompare(b.name)),
    overAllocated: people.filter((person) => person.allocation > 100).sort((a, b) => b.allocation - a.allocation),
    // GSI4 sorts projects by start date.
    startingSoon: projects.filter((project) => project.startDate > today && project.startDate <= in30Days),
  }
}
