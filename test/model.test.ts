import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { installCrashes, type Crash } from './helpers/faults'
import { installIndexLag, type IndexLag } from './helpers/lagging-index'
import { auditDerivedData } from '../lib/consistency/audit'
import { deleteClient, updateClient } from '../lib/clients/mutations'
import { deleteEmployee, removeSkill, setSkill, updateEmployee } from '../lib/employees/mutations'
import { AppError } from '../lib/errors'
import { listAllJobs } from '../lib/jobs/runner'
import { sweepJobs } from '../lib/jobs/sweep'
import { addTechnologyToProject, createProject, deleteProject, removeTechnologyFromProject, updateProject } from '../lib/projects/mutations'
import { getProjectPage } from '../lib/projects/queries'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../lib/staffing/mutations'
import { deleteTechnology, updateTechnology } from '../lib/technologies/mutations'
import { ClientEntity, EmployeeEntity, GetItemCommand, ProjectEntity, TechnologyEntity } from '../lib/db'
import { manager } from './helpers/actors'
import { assignUnfilledRole, createUnfilledRole, deleteUnfilledRole } from '../lib/roles/mutations'
import { addTimeOff } from '../lib/employees/time-off'

// Model-based: random sequences of creates, edits, staffing, skill and stack changes, renames and
// deletes over a small firm, each possibly cut off by a crash after a random number of writes, all
// under a lagging index. Then the job sweep resumes what the crashes left. At the end every derived
// value equals a from-scratch recompute, nothing is orphaned in the table or an index, and no job
// is left.

const LAG_MS = 150
process.env.ROSTER_INDEX_SETTLE_MS = String(LAG_MS + 30)
useTestDatabase()

interface Firm {
  clients: { id: string }[]
  projects: { clientId: string; id: string }[]
  people: { id: string; email: string }[]
  technologies: { id: string }[]
  assignments: { clientId: string; projectId: string; id: string }[]
  roles: { clientId: string; projectId: string; id: string }[]
}

const pick = <T>(list: T[], n: number): T => list[n % list.length]
const week = (n: number) => new Date(Date.UTC(2027, 0, 4 + 7 * n)).toISOString().slice(0, 10)

// Each operation reads the current version where a save needs one, as a form that was just loaded would.
const operation = fc.oneof(
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
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

const step = fc.record({ operation, crashAfter: fc.option(fc.nat({ max: 12 }), { nil: undefined, freq: 3 }) })

async function apply(firm: Firm, op: Operation): Promise<void> {
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
      await assignUnfilledRole(manager, { clientId: target.clientId, projectId: target.projectId, roleId: target.id, employeeId: pick(firm.people, op.person).id, fillToken: `token-${target.id}-${op.token}` })
      return
    }
    case 'timeOff': {
      const start = week(op.start)
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + (op.days - 1) * 86_400_000).toISOString().slice(0, 10)
      return void (await addTimeOff(manager, { employeeId: pick(firm.people, op.person).id, kind: 'vacation', startDate: start, endDate: end }))
    }
    case 'staff': {
      const project = pick(firm.projects, op.project)
      const assignment = await staffEmployee(manager, { ...project, projectId: project.id, employeeId: pick(firm.people, op.person).id, role: 'Dev', allocation: op.allocation, startDate: week(op.start), endDate: week(op.start + 2) })
      firm.assignments.push({ clientId: assignment.clientId, projectId: assignment.projectId, id: assignment.id })
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
      const name = `Renamed ${op.name.trim() || 'x'}`
      if (op.target === 'client') {
        const { Item } = await ClientEntity.build(GetItemCommand).key({ id: pick(firm.clients, op.which).id }).options({ consistent: true }).send()
        if (Item) await updateClient(manager, { clientId: Item.id, version: Item.version, name, industry: Item.industry, contactEmail: Item.contactEmail })
      } else if (op.target === 'project') {
        const ref = pick(firm.projects, op.which)
        const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.id }).options({ consistent: true }).send()
        if (Item) await updateProject(manager, { clientId: ref.clientId, projectId: ref.id, version: Item.version, name, status: Item.status, startDate: Item.startDate })
      } else if (op.target === 'person') {
        const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: pick(firm.people, op.which).id }).options({ consistent: true }).send()
        if (Item) await updateEmployee(manager, { employeeId: Item.id, version: Item.version, name, email: Item.email, title: Item.title, practice: Item.practice, location: Item.location })
      } else {
        const { Item } = await TechnologyEntity.build(GetItemCommand).key({ id: pick(firm.technologies, op.which).id }).options({ consistent: true }).send()
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

describe('random work with crashes under a lagging index', () => {
  let lag: IndexLag
  let crash: Crash
  const logError = console.error
  before(() => {
    lag = installIndexLag(LAG_MS)
    crash = installCrashes()
    // Each simulated crash is logged by the data layer as a failed request; keep the output readable.
    console.error = () => undefined
  })
  after(() => {
    console.error = logError
    crash.uninstall()
    lag.uninstall()
  })

  it('converges: derived values equal a recompute, no orphans, no jobs left', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        crash.recover()
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
        for (const { operation: op, crashAfter } of steps) {
          crash.after(crashAfter)
          try {
            await apply(firm, op)
          } catch (error) {
            // Refusals (not found, conflict, invalid) and crashes are expected outcomes; nothing else is.
            const expected = error instanceof AppError || crash.crashed()
            if (!expected) throw error
          } finally {
            crash.recover()
          }
        }
        // The sweep runs as if the crashed process's leases had run out.
        for (let round = 0; round < 5 && (await listAllJobs()).length > 0; round++) {
          await sweepJobs({ now: Date.now() + 3_600_000, log: () => undefined })
        }
        await lag.settle()
        const { problems } = await auditDerivedData()
        if (process.env.ROSTER_MODEL_TRACE) console.log('ROLES', firm.roles.length, 'PROBLEMS', problems.length)
        const jobs = await listAllJobs()
        if (problems.length || jobs.length) console.log(JSON.stringify({ steps, problems, jobs }, null, 1))
        assert.deepEqual(problems, [])
        assert.deepEqual(jobs, [])
      }),
      { numRuns: 25, seed: Number(process.env.ROSTER_PROPERTY_SEED ?? 20261126), endOnFailure: true },
    )
  })
})
