import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { entityNames, getDb, indexNames } from '../db'
import { toBookings, toTimeOff, type StoredBookings, type StoredTimeOff } from '../dto'
import { loadSpansOf, skillCopyIsStale } from '../aggregates/employee-figures'
import { auditOverview } from '../digests/overview'
import { auditCapacity } from '../digests/capacity-audit'
import { OVERVIEW_SHARDS, overviewKeys, overviewShardOf } from '../db/overview-store'
import { todayIso } from '../load/allocation'

// A from-scratch recompute of every derived value from the source items, compared with what is
// stored. Empty when the table is consistent. Reads the whole table (and each index) with Scan:
// for tests, the model-based property test and operators, never for a screen.

type Item = Record<string, unknown>

export async function scanAll(indexName?: string): Promise<Item[]> {
  const { documentClient, config } = getDb()
  const items: Item[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: config.tableName, IndexName: indexName, ExclusiveStartKey, ...(indexName ? {} : { ConsistentRead: true }) }),
    )
    items.push(...((page.Items ?? []) as Item[]))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

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

/** What every aggregate's maps and figures should be, recomputed from the edges in `items`. */
export function expectedAggregates(items: Item[]) {
  const of = (type: string) => items.filter((item) => item._type === type)
  const projects = of(entityNames.project)
  const assignments = of(entityNames.assignment)
  const stackEntries = of(entityNames.stackEntry)
  const skills = of(entityNames.skill)
  const expected = new Map<string, Record<string, unknown>>()
  for (const client of of(entityNames.client)) {
    const projectIds = Object.fromEntries(projects.filter((p) => p.clientId === client.id).map((p) => [p.id as string, 1]))
    const staffing = Object.fromEntries(assignments.filter((a) => a.clientId === client.id).map((a) => [a.id as string, a.employeeId]))
    expected.set(`${client.PK}|${client.SK}`, { projectIds, staffing, projectCount: Object.keys(projectIds).length, staffedCount: new Set(Object.values(staffing)).size })
  }
  for (const employee of of(entityNames.employee)) {
    const bookings = Object.fromEntries(
      assignments
        .filter((a) => a.employeeId === employee.id)
        .map((a) => [
          a.id as string,
          { clientId: a.clientId, projectId: a.projectId, start: a.startDate, ...(a.endDate ? { end: a.endDate } : {}), allocation: a.allocation, tentative: a.status === 'tentative' },
        ]),
    )
    const own = skills.filter((s) => s.employeeId === employee.id)
    expected.set(`${employee.PK}|${employee.SK}`, {
      bookings,
      skills: Object.fromEntries(own.map((s) => [s.technologyId as string, s.level])),
      skillIds: own.map((s) => s.technologyId as string).sort(),
      // Time off is the employee's own record (not derived); its spans are part of the overview's copy.
      loadSpans: loadSpansOf(toBookings(bookings as StoredBookings), toTimeOff(employee.timeOff as StoredTimeOff | undefined)),
    })
  }
  for (const technology of of(entityNames.technology)) {
    const projectKeys = Object.fromEntries(stackEntries.filter((e) => e.technologyId === technology.id).map((e) => [`${e.clientId}#${e.projectId}`, 1]))
    const people = Object.fromEntries(skills.filter((s) => s.technologyId === technology.id).map((s) => [s.employeeId as string, s.level]))
    expected.set(`${technology.PK}|${technology.SK}`, { projectKeys, people, projectCount: Object.keys(projectKeys).length, peopleCount: Object.keys(people).length })
  }
  return expected
}

export async function auditDerivedData(): Promise<AuditReport> {
  const items = await scanAll()
  const problems: string[] = []
  const of = (type: string) => items.filter((item) => item._type === type)
  const byKey = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]))
  const clients = new Map(of(entityNames.client).map((item) => [item.id as string, item]))
  const projects = new Map(of(entityNames.project).map((item) => [`${item.clientId}#${item.id}`, item]))
  const employees = new Map(of(entityNames.employee).map((item) => [item.id as string, item]))
  const technologies = new Map(of(entityNames.technology).map((item) => [item.id as string, item]))
  const assignments = of(entityNames.assignment)
  const stackEntries = of(entityNames.stackEntry)
  const skills = of(entityNames.skill)

  for (const item of items) {
    if (item.deletingAt) problems.push(`${item._type} ${item.PK} ${item.SK} is still marked as being deleted`)
    if (item._type === entityNames.job) problems.push(`job ${item.SK} is left (${item.lastError ?? 'no error recorded'})`)
  }

  for (const project of projects.values()) {
    const client = clients.get(project.clientId as string)
    if (!client) problems.push(`project ${project.id} outlives its client ${project.clientId}`)
    else if (project.clientName !== client.name) problems.push(`project ${project.id} shows client name "${project.clientName}", not "${client.name}"`)
  }
  for (const assignment of assignments) {
    const client = clients.get(assignment.clientId as string)
    const project = projects.get(`${assignment.clientId}#${assignment.projectId}`)
    const employee = employees.get(assignment.employeeId as string)
    if (!client || !project || !employee) {
      problems.push(`assignment ${assignment.id} is an orphan (client ${Boolean(client)}, project ${Boolean(project)}, employee ${Boolean(employee)})`)
      continue
    }
    if (assignment.clientName !== client.name) problems.push(`assignment ${assignment.id} shows client name "${assignment.clientName}", not "${client.name}"`)
    if (assignment.projectName !== project.name) problems.push(`assignment ${assignment.id} shows project name "${assignment.projectName}", not "${project.name}"`)
    if (assignment.employeeName !== employee.name) problems.push(`assignment ${assignment.id} shows employee name "${assignment.employeeName}", not "${employee.name}"`)
  }
  for (const entry of stackEntries) {
    const client = clients.get(entry.clientId as string)
    const project = projects.get(`${entry.clientId}#${entry.projectId}`)
    const technology = technologies.get(entry.technologyId as string)
    if (!client || !project || !technology) {
      problems.push(`stack entry ${entry.projectId}/${entry.technologyId} is an orphan`)
      continue
    }
    if (entry.clientName !== client.name || entry.projectName !== project.name || entry.technologyName !== technology.name || entry.technologyCategory !== technology.category) {
      problems.push(`stack entry ${entry.projectId}/${entry.technologyId} shows stale names`)
    }
  }
  for (const role of of(entityNames.unfilledRole)) {
    const client = clients.get(role.clientId as string)
    const project = projects.get(`${role.clientId}#${role.projectId}`)
    if (!client || !project) problems.push(`unfilled role ${role.id} is an orphan (client ${Boolean(client)}, project ${Boolean(project)})`)
    else if (role.clientName !== client.name || role.projectName !== project.name) problems.push(`unfilled role ${role.id} shows stale names`)
    if (role.fillToken) problems.push(`unfilled role ${role.id} is left half-assigned`)
  }
  for (const skill of skills) {
    const employee = employees.get(skill.employeeId as string)
    const technology = technologies.get(skill.technologyId as string)
    if (!employee || !technology) {
      problems.push(`skill ${skill.employeeId}/${skill.technologyId} is an orphan`)
      continue
    }
    if (skillCopyIsStale(skill, employee) || skill.technologyName !== technology.name) problems.push(`skill ${skill.employeeId}/${skill.technologyId} shows stale names`)
    if (!same(skill.employeeBookings ?? {}, employee.bookings ?? {})) problems.push(`skill ${skill.employeeId}/${skill.technologyId} holds a stale copy of the bookings`)
    if (!same(skill.employeeTimeOff ?? {}, employee.timeOff ?? {})) problems.push(`skill ${skill.employeeId}/${skill.technologyId} holds a stale copy of the time off`)
  }

  const expected = expectedAggregates(items)
  for (const item of [...clients.values(), ...employees.values(), ...technologies.values()]) {
    for (const [name, value] of Object.entries(expected.get(`${item.PK}|${item.SK}`) ?? {})) {
      const stored = item[name] ?? (typeof value === 'number' ? 0 : Array.isArray(value) ? [] : {})
      if (!same(stored, value)) problems.push(`${String(item._type).toLowerCase()} ${item.id} ${name} is ${JSON.stringify(item[name])}, recomputed ${JSON.stringify(value)}`)
    }
  }

  problems.push(...auditOverview(items, todayIso(), overviewKeys, overviewShardOf, OVERVIEW_SHARDS))
  problems.push(...auditCapacity(items, todayIso()))

  // Each index holds only projections of items that exist in the table.
  for (const index of indexNames) {
    for (const entry of await scanAll(index)) {
      if (!byKey.has(`${entry.PK}|${entry.SK}`)) problems.push(`${index} holds ${entry.PK} ${entry.SK}, which is not in the table`)
    }
  }
  return { problems, items: items.length }
}
