import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { AssignmentEntity, ClientEntity, EmployeeEntity, ProjectEntity, RateCardEntity, SkillEntity, StackEntryEntity, TechnologyEntity, UnfilledRoleEntity, entityNames, indexNames, scanAll, storedOf } from '../db'
import { toBookings, toTimeOff, type StoredBookings } from '../dto'
import { loadSpansOf, skillCopyIsStale } from '../aggregates/employee-figures'
import { clientFigures } from '../aggregates/client-figures'
import { technologyFigures } from '../aggregates/technology-figures'
import { auditOverview } from '../digests/overview'
import { auditCapacity } from '../digests/capacity-audit'
import { auditFinance } from '../digests/finance-audit'
import { todayIso } from '../load/allocation'
import { moneyCopyOf, sameMoney } from '../edges/assignment-money'
import { bookingOf } from '../edges/assignment'

// A from-scratch recompute of every derived value from the source items, compared with what is
// stored. Empty when the table is consistent. Reads the whole table (and each index) with Scan:
// for tests, the model-based property test and operators, never for a screen.

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
  return value
}

export interface AuditReport {
  problems: string[]
  items: number
}

/** The edges and the aggregates they feed, as the recompute needs them (the repair reads older items with only these attributes). */
export interface AggregateSources {
  clients: Pick<FormattedItem<typeof ClientEntity>, 'id'>[]
  employees: Pick<FormattedItem<typeof EmployeeEntity>, 'id' | 'timeOff'>[]
  technologies: Pick<FormattedItem<typeof TechnologyEntity>, 'id'>[]
  projects: Pick<FormattedItem<typeof ProjectEntity>, 'clientId' | 'id'>[]
  assignments: FormattedItem<typeof AssignmentEntity>[]
  stackEntries: FormattedItem<typeof StackEntryEntity>[]
  skills: FormattedItem<typeof SkillEntity>[]
}

/** What every aggregate's maps and figures should be, recomputed from the edges, by aggregate id. */
export function expectedAggregates({ clients, employees, technologies, projects, assignments, stackEntries, skills }: AggregateSources) {
  const clientValues = new Map(
    clients.map((client) => {
      const projectIds = Object.fromEntries(projects.filter((p) => p.clientId === client.id).map((p) => [p.id, 1]))
      const staffing = Object.fromEntries(assignments.filter((a) => a.clientId === client.id).map((a) => [a.id, a.employeeId]))
      return [client.id, { projectIds, staffing, ...clientFigures({ projectIds, staffing }) }]
    }),
  )
  const employeeValues = new Map(
    employees.map((employee) => {
      const bookings: StoredBookings = Object.fromEntries(
        assignments
          .filter((a) => a.employeeId === employee.id)
          // As the assignment's sync enters it (lib/edges/assignment.ts).
          .map((a) => [a.id, bookingOf(a)]),
      )
      const own = skills.filter((s) => s.employeeId === employee.id)
      return [
        employee.id,
        {
          bookings,
          skills: Object.fromEntries(own.map((s) => [s.technologyId, s.level])),
          skillIds: own.map((s) => s.technologyId).sort(),
          // Time off is the employee's own record (not derived); its spans are part of the overview's copy.
          loadSpans: loadSpansOf(toBookings(bookings), toTimeOff(employee.timeOff)),
        },
      ]
    }),
  )
  const technologyValues = new Map(
    technologies.map((technology) => {
      const projectKeys = Object.fromEntries(stackEntries.filter((e) => e.technologyId === technology.id).map((e) => [`${e.clientId}#${e.projectId}`, 1]))
      const people = Object.fromEntries(skills.filter((s) => s.technologyId === technology.id).map((s) => [s.employeeId, s.level]))
      return [technology.id, { projectKeys, people, ...technologyFigures({ projectKeys, people }) }]
    }),
  )
  return { clients: clientValues, employees: employeeValues, technologies: technologyValues }
}

export async function auditDerivedData(): Promise<AuditReport> {
  const items = await scanAll()
  const problems: string[] = []
  const byKey = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]))
  // An item its entity cannot read is a problem of its own; the rest is checked without it.
  const read = <T>({ items: found, unreadable }: { items: T[]; unreadable: string[] }) => {
    problems.push(...unreadable)
    return found
  }
  const clientItems = read(storedOf(items, ClientEntity))
  const projectItems = read(storedOf(items, ProjectEntity))
  const employeeItems = read(storedOf(items, EmployeeEntity))
  const technologyItems = read(storedOf(items, TechnologyEntity))
  const clients = new Map(clientItems.map((item) => [item.id, item]))
  const projects = new Map(projectItems.map((item) => [`${item.clientId}#${item.id}`, item]))
  const employees = new Map(employeeItems.map((item) => [item.id, item]))
  const technologies = new Map(technologyItems.map((item) => [item.id, item]))
  const assignments = read(storedOf(items, AssignmentEntity))
  const stackEntries = read(storedOf(items, StackEntryEntity))
  const skills = read(storedOf(items, SkillEntity))
  const roles = read(storedOf(items, UnfilledRoleEntity))
  const card = read(storedOf(items, RateCardEntity))[0] ?? null

  for (const item of items) {
    if (item.deletingAt) problems.push(`${item._type} ${item.PK} ${item.SK} is still marked as being deleted`)
    if (item._type === entityNames.job) problems.push(`job ${item.SK} is left (${item.lastError ?? 'no error recorded'})`)
  }

  for (const project of projects.values()) {
    const client = clients.get(project.clientId)
    if (!client) problems.push(`project ${project.id} outlives its client ${project.clientId}`)
    else if (project.clientName !== client.name) problems.push(`project ${project.id} shows client name "${project.clientName}", not "${client.name}"`)
  }
  for (const assignment of assignments) {
    const client = clients.get(assignment.clientId)
    const project = projects.get(`${assignment.clientId}#${assignment.projectId}`)
    const employee = employees.get(assignment.employeeId)
    if (!client || !project || !employee) {
      problems.push(`assignment ${assignment.id} is an orphan (client ${Boolean(client)}, project ${Boolean(project)}, employee ${Boolean(employee)})`)
      continue
    }
    if (assignment.clientName !== client.name) problems.push(`assignment ${assignment.id} shows client name "${assignment.clientName}", not "${client.name}"`)
    if (assignment.projectName !== project.name) problems.push(`assignment ${assignment.id} shows project name "${assignment.projectName}", not "${project.name}"`)
    if (assignment.employeeName !== employee.name) problems.push(`assignment ${assignment.id} shows employee name "${assignment.employeeName}", not "${employee.name}"`)
    // Its money copy, recomputed from its project, person and the rate card.
    const money = moneyCopyOf(assignment, project, employee, card)
    if (!sameMoney(assignment.money, money)) problems.push(`assignment ${assignment.id} holds money ${JSON.stringify(assignment.money)}, recomputed ${JSON.stringify(money)}`)
  }
  for (const entry of stackEntries) {
    const client = clients.get(entry.clientId)
    const project = projects.get(`${entry.clientId}#${entry.projectId}`)
    const technology = technologies.get(entry.technologyId)
    if (!client || !project || !technology) {
      problems.push(`stack entry ${entry.projectId}/${entry.technologyId} is an orphan`)
      continue
    }
    if (entry.clientName !== client.name || entry.projectName !== project.name || entry.technologyName !== technology.name || entry.technologyCategory !== technology.category) {
      problems.push(`stack entry ${entry.projectId}/${entry.technologyId} shows stale names`)
    }
  }
  for (const role of roles) {
    const client = clients.get(role.clientId)
    const project = projects.get(`${role.clientId}#${role.projectId}`)
    if (!client || !project) problems.push(`unfilled role ${role.id} is an orphan (client ${Boolean(client)}, project ${Boolean(project)})`)
    else if (role.clientName !== client.name || role.projectName !== project.name) problems.push(`unfilled role ${role.id} shows stale names`)
    if (role.fillToken) problems.push(`unfilled role ${role.id} is left half-assigned`)
  }
  for (const skill of skills) {
    const employee = employees.get(skill.employeeId)
    const technology = technologies.get(skill.technologyId)
    if (!employee || !technology) {
      problems.push(`skill ${skill.employeeId}/${skill.technologyId} is an orphan`)
      continue
    }
    if (skillCopyIsStale(skill, employee) || skill.technologyName !== technology.name) problems.push(`skill ${skill.employeeId}/${skill.technologyId} shows stale names`)
    if (!same(skill.employeeBookings ?? {}, employee.bookings ?? {})) problems.push(`skill ${skill.employeeId}/${skill.technologyId} holds a stale copy of the bookings`)
    if (!same(skill.employeeTimeOff ?? {}, employee.timeOff ?? {})) problems.push(`skill ${skill.employeeId}/${skill.technologyId} holds a stale copy of the time off`)
  }

  const expected = expectedAggregates({ clients: clientItems, employees: employeeItems, technologies: technologyItems, projects: projectItems, assignments, stackEntries, skills })
  const compareAggregate = (what: string, id: string, stored: Record<string, unknown>, values: Record<string, unknown> = {}) => {
    for (const [name, value] of Object.entries(values)) {
      if (!same(stored[name] ?? (typeof value === 'number' ? 0 : Array.isArray(value) ? [] : {}), value)) problems.push(`${what} ${id} ${name} is ${JSON.stringify(stored[name])}, recomputed ${JSON.stringify(value)}`)
    }
  }
  for (const client of clientItems) compareAggregate('client', client.id, client, expected.clients.get(client.id))
  for (const employee of employeeItems) compareAggregate('employee', employee.id, employee, expected.employees.get(employee.id))
  for (const technology of technologyItems) compareAggregate('technology', technology.id, technology, expected.technologies.get(technology.id))

  problems.push(...auditOverview(items, todayIso()))
  problems.push(...auditCapacity(items, todayIso()))
  problems.push(...auditFinance(items, todayIso()))

  // Each index holds only projections of items that exist in the table.
  for (const index of indexNames) {
    for (const entry of await scanAll(index)) {
      if (!byKey.has(`${entry.PK}|${entry.SK}`)) problems.push(`${index} holds ${entry.PK} ${entry.SK}, which is not in the table`)
    }
  }
  return { problems, items: items.length }
}
