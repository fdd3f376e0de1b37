import assert from 'node:assert/strict'
import fc from 'fast-check'
import { auditDerivedData } from '../../lib/upkeep/audit'
import { scanAll } from '../../lib/db/stored'
import { listAllJobs } from '../../lib/jobs/runner'
import { sweepJobs } from '../../job-registry'
import { aClient, aProject, aTechnology, anEmployee } from './fixtures'
import { after, before } from 'node:test'
import { installCrashes, type Crash } from './faults'
import { installIndexLag, type IndexLag } from './lagging-index'
import type { FaultProxy, FaultRates } from './fault-proxy'
import { randomUUID } from 'node:crypto'
import { AppError } from '../../lib/errors'
import { idForKey } from '../../lib/ids'
import { deleteClient, updateClient } from '../../lib/clients/mutations'
import { deleteEmployee, removeSkill, setSkill, updateEmployee } from '../../lib/employees/mutations'
import { addTechnologyToProject, createProject, deleteProject, removeTechnologyFromProject, setProjectRates, updateProject } from '../../lib/projects/mutations'
import { saveRateCard } from '../../lib/finance/mutations'
import { getRateCard } from '../../lib/finance/queries'
import { getProjectPage } from '../../lib/projects/queries'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../../lib/staffing/mutations'
import { deleteTechnology, updateTechnology } from '../../lib/technologies/mutations'
import { ClientEntity, EmployeeEntity, GetItemCommand, ProjectEntity, TechnologyEntity } from '../../lib/db'
import { manager } from './actors'
import { assignUnfilledRole, createUnfilledRole, deleteUnfilledRole } from '../../lib/roles/mutations'
import { addTimeOff } from '../../lib/employees/time-off'

// The model-based tests' operations (test/model.test.ts, test/model-faults.test.ts): random sequences
// of creates, edits, staffing, skill and stack changes, renames and deletes over a small firm.

export interface Firm {
  clients: { id: string }[]
  projects: { clientId: string; id: string }[]
  people: { id: string; email: string }[]
  technologies: { id: string }[]
  assignments: { clientId: string; projectId: string; id: string }[]
  roles: { clientId: string; projectId: string; id: string }[]
}

export const pick = <T>(list: T[], n: number): T => list[n % list.length]
export const week = (n: number) => new Date(Date.UTC(2027, 0, 4 + 7 * n)).toISOString().slice(0, 10)

// Each operation reads the current version where a save needs one, as a form that was just loaded would.
export const operation = fc.oneof(
  fc.record({ kind: fc.constant('staff' as const), project: fc.nat(), person: fc.nat(), allocation: fc.integer({ min: 10, max: 100 }), start: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant('change' as const), assignment: fc.nat(), allocation: fc.integer({ min: 10, max: 100 }), start: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant('unstaff' as const), assignment: fc.nat() }),
  fc.record({ kind: fc.constant('skill' as const), person: fc.nat(), technology: fc.nat(), level: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('unskill' as const), person: fc.nat(), technology: fc.nat() }),
  fc.record({ kind: fc.constant('stack' as const), project: fc.nat(), technology: fc.nat() }),
  fc.record({ kind: fc.constant('unstack' as const), project: fc.nat(), technology: fc.nat() }),
  fc.record({ kind: fc.constant('newProject' as const), client: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), target: fc.constantFrom('client', 'project', 'person', 'technology'), which: fc.nat(), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.constantFrom('client', 'project', 'person', 'technology'), which: fc.nat() }),
  // Unfilled roles and time off, weighted up so that most runs plan, assign and delete several roles.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('role' as const), project: fc.nat(), technology: fc.nat(), allocation: fc.integer({ min: 10, max: 100 }), start: fc.nat({ max: 8 }), tentative: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unrole' as const), role: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('assignRole' as const), role: fc.nat(), person: fc.nat(), token: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('timeOff' as const), person: fc.nat(), start: fc.nat({ max: 8 }), days: fc.integer({ min: 1, max: 10 }) }) },
  // Money: the firm's card, a project's own rates, its pricing and budget, and a person's cost rate.
  fc.record({ kind: fc.constant('rateCard' as const), dev: fc.integer({ min: 50, max: 200 }), lead: fc.option(fc.integer({ min: 50, max: 200 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('projectRates' as const), project: fc.nat(), rate: fc.option(fc.integer({ min: 50, max: 250 }), { nil: undefined }) }),
  fc.record({
    kind: fc.constant('pricing' as const),
    project: fc.nat(),
    pricing: fc.constantFrom('time_and_materials' as const, 'fixed_price' as const, 'non_billable' as const),
    budget: fc.option(fc.record({ kind: fc.constantFrom('money' as const, 'hours' as const), amount: fc.integer({ min: 1, max: 500 }) }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('costRate' as const), person: fc.nat(), rate: fc.option(fc.integer({ min: 20, max: 150 }), { nil: undefined }) }),
)
export type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

export const step = fc.record({ operation, crashAfter: fc.option(fc.nat({ max: 12 }), { nil: undefined, freq: 3 }) })

/**
 * What the callers were told, to check against the table at the end: an acknowledged write must not
 * be lost, and a write refused with a 4xx must not have been applied.
 */
export interface Ledger {
  /** Assignments whose create answered success (staffing or Assign). */
  staffed: { clientId: string; projectId: string; id: string; employeeId: string }[]
  /** Assignments a later operation may have removed (an unstaff tried, whatever its answer). */
  maybeRemoved: Set<string>
  /** Staffings refused (4xx): no assignment with this id may exist. */
  refusedStaffings: { id: string; code: string }[]
  /** Renames refused (4xx): the item must not carry the name asked for. */
  refusedRenames: { target: string; key: Record<string, string>; name: string; code: string }[]
  counter: number
  pendingStaffing?: string
  pendingRename?: { target: string; key: Record<string, string>; name: string }
}

export const newLedger = (): Ledger => ({ staffed: [], maybeRemoved: new Set(), refusedStaffings: [], refusedRenames: [], counter: 0 })

/** A 4xx refusal: the request was decided and must have changed nothing. */
const refusal = (error: unknown) => error instanceof AppError && !['internal', 'unavailable'].includes(error.kind)

export async function apply(firm: Firm, op: Operation, ledger: Ledger = newLedger()): Promise<void> {
  try {
    await applyOnce(firm, op, ledger)
  } catch (error) {
    if (refusal(error) && op.kind === 'staff' && ledger.pendingStaffing) ledger.refusedStaffings.push({ id: ledger.pendingStaffing, code: (error as AppError).code })
    if (refusal(error) && op.kind === 'rename' && ledger.pendingRename) ledger.refusedRenames.push({ ...ledger.pendingRename, code: (error as AppError).code })
    throw error
  } finally {
    ledger.pendingStaffing = undefined
    ledger.pendingRename = undefined
  }
}

async function applyOnce(firm: Firm, op: Operation, ledger: Ledger): Promise<void> {
  switch (op.kind) {
    case 'role': {
      const project = pick(firm.projects, op.project)
      const role = await createUnfilledRole(manager, {
        clientId: project.clientId, projectId: project.id, role: 'Placeholder', practice: 'Backend', requirements: [{ technologyId: pick(firm.technologies, op.technology).id, minLevel: 2 }],
        allocation: op.allocation, startDate: week(op.start), endDate: week(op.start + 3), status: op.tentative ? 'tentative' : 'confirmed',
      })
      firm.roles.push({ clientId: role.clientId, projectId: role.projectId, id: role.id })
      return
    }
    case 'unrole': {
      if (!firm.roles.length) return
      const target = pick(firm.roles, op.role)
      return deleteUnfilledRole(manager, { clientId: target.clientId, projectId: target.projectId, roleId: target.id })
    }
    case 'assignRole': {
      if (!firm.roles.length) return
      const target = pick(firm.roles, op.role)
      const filled = await assignUnfilledRole(manager, { clientId: target.clientId, projectId: target.projectId, roleId: target.id, employeeId: pick(firm.people, op.person).id, fillToken: `token-${target.id}-${op.token}` })
      ledger.staffed.push({ clientId: filled.clientId, projectId: filled.projectId, id: filled.id, employeeId: filled.employeeId })
      return
    }
    case 'rateCard': {
      const card = await getRateCard(manager)
      return void (await saveRateCard(manager, { version: card.version, rates: [{ role: 'Dev', rate: `${op.dev}` }, ...(op.lead ? [{ role: 'Lead', rate: `${op.lead}.50` }] : [])] }))
    }
    case 'projectRates': {
      const ref = pick(firm.projects, op.project)
      const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.id }).options({ consistent: true }).send()
      if (Item) await setProjectRates(manager, { clientId: ref.clientId, projectId: ref.id, version: Item.version, rates: op.rate ? [{ role: 'lead', rate: `${op.rate}` }] : [] })
      return
    }
    case 'pricing': {
      const ref = pick(firm.projects, op.project)
      const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.id }).options({ consistent: true }).send()
      // A fixed price needs its fee: a money budget.
      const budget = op.pricing === 'fixed_price' ? { budgetKind: 'money', budget: `${op.budget?.amount ?? 100}00` } : op.budget ? { budgetKind: op.budget.kind, budget: `${op.budget.amount}` } : {}
      if (Item) await updateProject(manager, { clientId: ref.clientId, projectId: ref.id, version: Item.version, name: Item.name, status: Item.status, startDate: Item.startDate, pricing: op.pricing, ...budget })
      return
    }
    case 'costRate': {
      const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: pick(firm.people, op.person).id }).options({ consistent: true }).send()
      if (Item) await updateEmployee(manager, { employeeId: Item.id, version: Item.version, name: Item.name, email: Item.email, title: Item.title, practice: Item.practice, location: Item.location, capacityHours: Item.capacityHours, costRate: op.rate ? `${op.rate}` : '' })
      return
    }
    case 'timeOff': {
      const start = week(op.start)
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + (op.days - 1) * 86_400_000).toISOString().slice(0, 10)
      return void (await addTimeOff(manager, { employeeId: pick(firm.people, op.person).id, kind: 'vacation', startDate: start, endDate: end }))
    }
    case 'staff': {
      const project = pick(firm.projects, op.project)
      const idempotencyKey = `model-${randomUUID()}`
      ledger.pendingStaffing = idForKey('assignment', idempotencyKey)
      const employeeId = pick(firm.people, op.person).id
      const assignment = await staffEmployee(manager, { ...project, projectId: project.id, employeeId, role: 'Dev', allocation: op.allocation, startDate: week(op.start), endDate: week(op.start + 2), idempotencyKey })
      firm.assignments.push({ clientId: assignment.clientId, projectId: assignment.projectId, id: assignment.id })
      ledger.staffed.push({ clientId: assignment.clientId, projectId: assignment.projectId, id: assignment.id, employeeId })
      return
    }
    case 'change': {
      if (!firm.assignments.length) return
      const target = pick(firm.assignments, op.assignment)
      const page = await getProjectPage(manager, { clientId: target.clientId, projectId: target.projectId })
      const current = page?.assignments.find((a) => a.id === target.id)
      await changeAssignment(manager, { ...target, assignmentId: target.id, version: current?.version ?? 1, role: 'Lead', allocation: op.allocation, startDate: week(op.start), endDate: week(op.start + 1), status: 'tentative' })
      return
    }
    case 'unstaff': {
      if (!firm.assignments.length) return
      const target = pick(firm.assignments, op.assignment)
      ledger.maybeRemoved.add(target.id)
      return unstaffEmployee(manager, { ...target, assignmentId: target.id })
    }
    case 'skill':
      return void (await setSkill(manager, { employeeId: pick(firm.people, op.person).id, technologyId: pick(firm.technologies, op.technology).id, level: op.level }))
    case 'unskill':
      return removeSkill(manager, { employeeId: pick(firm.people, op.person).id, technologyId: pick(firm.technologies, op.technology).id })
    case 'stack': {
      const project = pick(firm.projects, op.project)
      return void (await addTechnologyToProject(manager, { clientId: project.clientId, projectId: project.id, technologyId: pick(firm.technologies, op.technology).id }))
    }
    case 'unstack': {
      const project = pick(firm.projects, op.project)
      return removeTechnologyFromProject(manager, { clientId: project.clientId, projectId: project.id, technologyId: pick(firm.technologies, op.technology).id })
    }
    case 'newProject': {
      const client = pick(firm.clients, op.client)
      const project = await createProject(manager, { clientId: client.id, name: 'Later project', status: 'active', startDate: '2027-01-04' })
      firm.projects.push({ clientId: client.id, id: project.id })
      return
    }
    case 'rename': {
      // Unique per rename, so that a refused rename's name can be looked for at the end.
      const name = `Renamed ${op.name.trim() || 'x'} ${++ledger.counter}`
      if (op.target === 'client') {
        const { Item } = await ClientEntity.build(GetItemCommand).key({ id: pick(firm.clients, op.which).id }).options({ consistent: true }).send()
        if (Item) ledger.pendingRename = { target: 'client', key: { id: Item.id }, name }
        if (Item) await updateClient(manager, { clientId: Item.id, version: Item.version, name, industry: Item.industry, contactEmail: Item.contactEmail })
      } else if (op.target === 'project') {
        const ref = pick(firm.projects, op.which)
        const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.id }).options({ consistent: true }).send()
        if (Item) ledger.pendingRename = { target: 'project', key: { clientId: ref.clientId, id: ref.id }, name }
        if (Item) await updateProject(manager, { clientId: ref.clientId, projectId: ref.id, version: Item.version, name, status: Item.status, startDate: Item.startDate })
      } else if (op.target === 'person') {
        const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: pick(firm.people, op.which).id }).options({ consistent: true }).send()
        if (Item) ledger.pendingRename = { target: 'person', key: { id: Item.id }, name }
        if (Item) await updateEmployee(manager, { employeeId: Item.id, version: Item.version, name, email: Item.email, title: Item.title, practice: Item.practice, location: Item.location })
      } else {
        const { Item } = await TechnologyEntity.build(GetItemCommand).key({ id: pick(firm.technologies, op.which).id }).options({ consistent: true }).send()
        if (Item) ledger.pendingRename = { target: 'technology', key: { id: Item.id }, name }
        if (Item) await updateTechnology(manager, { technologyId: Item.id, version: Item.version, name, category: 'framework' })
      }
      return
    }
    case 'delete':
      if (op.target === 'client') return void (await deleteClient(manager, { clientId: pick(firm.clients, op.which).id }))
      if (op.target === 'project') {
        const ref = pick(firm.projects, op.which)
        return void (await deleteProject(manager, { clientId: ref.clientId, projectId: ref.id }))
      }
      if (op.target === 'person') return void (await deleteEmployee(manager, { employeeId: pick(firm.people, op.which).id }))
      return void (await deleteTechnology(manager, { technologyId: pick(firm.technologies, op.which).id }))
  }
}


/** What the ledger says the table must show: acknowledged staffings present, refused writes absent. */
export function ledgerProblems(ledger: Ledger, items: Record<string, unknown>[]): string[] {
  const problems: string[] = []
  const of = (type: string) => items.filter((item) => item._type === type)
  const assignments = new Set(of('Assignment').map((item) => item.id as string))
  const clients = new Map(of('Client').map((item) => [item.id as string, item]))
  const projects = new Map(of('Project').map((item) => [`${item.clientId}#${item.id}`, item]))
  const people = new Map(of('Employee').map((item) => [item.id as string, item]))
  const technologies = new Map(of('Technology').map((item) => [item.id as string, item]))
  for (const staffed of ledger.staffed) {
    if (assignments.has(staffed.id) || ledger.maybeRemoved.has(staffed.id)) continue
    // Deleting its client, project or person takes an assignment with it.
    if (!clients.has(staffed.clientId) || !projects.has(`${staffed.clientId}#${staffed.projectId}`) || !people.has(staffed.employeeId)) continue
    problems.push(`acknowledged assignment ${staffed.id} is lost`)
  }
  for (const refused of ledger.refusedStaffings) {
    if (assignments.has(refused.id)) problems.push(`staffing ${refused.id} was refused (${refused.code}) but its assignment exists`)
  }
  for (const refused of ledger.refusedRenames) {
    const item =
      refused.target === 'client' ? clients.get(refused.key.id) : refused.target === 'project' ? projects.get(`${refused.key.clientId}#${refused.key.id}`) : refused.target === 'person' ? people.get(refused.key.id) : technologies.get(refused.key.id)
    if (item?.name === refused.name) problems.push(`${refused.target} rename to "${refused.name}" was refused (${refused.code}) but applied`)
  }
  return problems
}

/**
 * One run of the property: a small firm, then the steps, each possibly cut off by a crash (and, with
 * a fault proxy, meeting DynamoDB's throttles, 5xx, resets, stalls and partial batches). Then the
 * faults stop, the sweep finishes what was left as if the crashed process's leases had run out, and
 * the audit recomputes every derived value: it and the ledger must find nothing.
 */
export async function runModelSteps(steps: { operation: Operation; crashAfter?: number }[], harness: { crash: Crash; lag: IndexLag; proxy?: FaultProxy; rates?: FaultRates }): Promise<void> {
  const { crash, lag, proxy } = harness
  crash.recover()
  proxy?.setRates(null)
  const clients = await Promise.all([aClient(), aClient()])
  const projects = await Promise.all([aProject(clients[0].id), aProject(clients[0].id), aProject(clients[1].id)])
  const people = await Promise.all([anEmployee(), anEmployee(), anEmployee()])
  const technologies = await Promise.all([aTechnology(), aTechnology()])
  const firm: Firm = {
    clients,
    projects: projects.map((p) => ({ clientId: p.clientId, id: p.id })),
    people,
    technologies,
    assignments: [],
    roles: [],
  }
  const ledger = newLedger()
  proxy?.setRates(harness.rates ?? null)
  for (const { operation: op, crashAfter } of steps) {
    crash.after(crashAfter)
    try {
      await apply(firm, op, ledger)
    } catch (error) {
      // Refusals (not found, conflict, invalid), the database being unavailable, and crashes are
      // expected outcomes; nothing else is.
      const expected = error instanceof AppError || crash.crashed()
      if (!expected) {
        console.log(`unexpected failure of ${JSON.stringify(op)}:`, error)
        throw error
      }
    } finally {
      crash.recover()
    }
  }
  proxy?.setRates(null)
  for (let round = 0; round < 5 && (await listAllJobs()).length > 0; round++) {
    await sweepJobs({ now: Date.now() + 3_600_000, log: () => undefined })
  }
  await lag.settle()
  const { problems } = await auditDerivedData()
  problems.push(...ledgerProblems(ledger, await scanAll()))
  const jobs = await listAllJobs()
  if (problems.length || jobs.length) console.log(JSON.stringify({ steps, problems, jobs }, null, 1))
  assert.deepEqual(problems, [])
  assert.deepEqual(jobs, [])
}

/**
 * Installs the lagging index and the crash harness for a describe block (and keeps the data layer's
 * logging of every simulated failure out of the output); the handles are filled in before its tests.
 */
export function useModelHarness(lagMs: number, options: { snapshotEndpoint?: () => string } = {}): { crash: Crash; lag: IndexLag } {
  const harness = {} as { crash: Crash; lag: IndexLag }
  const logError = console.error
  before(() => {
    harness.lag = installIndexLag(lagMs, { snapshotEndpoint: options.snapshotEndpoint?.() })
    harness.crash = installCrashes()
    console.error = () => undefined
  })
  after(() => {
    console.error = logError
    harness.crash.uninstall()
    harness.lag.uninstall()
  })
  return harness
}
