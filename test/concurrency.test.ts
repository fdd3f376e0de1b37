import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { installIndexLag, type IndexLag } from './helpers/lagging-index'
import { auditDerivedData } from '../lib/upkeep/audit'
import { createClient, deleteClient, updateClient } from '../lib/clients/mutations'
import { getClientDashboard, listClients } from '../lib/clients/queries'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { AppError } from '../lib/errors'
import { addTechnologyToProject, updateProject } from '../lib/projects/mutations'
import { getProjectPage } from '../lib/projects/queries'
import { changeAssignment, staffEmployee } from '../lib/staffing/mutations'
import { deleteTechnology, updateTechnology } from '../lib/technologies/mutations'
import { getTechnologyPage } from '../lib/technologies/queries'
import { deleteEmployee, setSkill, updateEmployee } from '../lib/employees/mutations'
import { manager } from './helpers/actors'

useTestDatabase()

async function settleAll(attempts: Promise<unknown>[]) {
  const results = await Promise.allSettled(attempts)
  const succeeded = results.filter((result) => result.status === 'fulfilled')
  const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as AppError] : []))
  return { succeeded, refused }
}

describe('twenty people saving the same thing at once', () => {
  it('one save of a client wins, nineteen get a conflict with the current values, none is lost silently', async () => {
    const client = await aClient('Contended Client')
    const { succeeded, refused } = await settleAll(
      Array.from({ length: 20 }, (_, n) => updateClient(manager, { clientId: client.id, version: client.version, name: `Contended Client ${n}`, industry: 'Retail', contactEmail: 'cto@client.example' })),
    )
    assert.equal(succeeded.length, 1)
    assert.equal(refused.length, 19)
    for (const error of refused) assert.ok(error instanceof AppError && error.status === 409, `${error.code}: ${error.message}`)
    const stale = refused.find((error) => error.code === 'conflict:stale')
    const saved = (await getClientDashboard(manager, { clientId: client.id }))!.client
    if (stale) assert.equal(stale.current?.name, saved.name, 'the conflict shows what is saved now')
    assert.equal(saved.version, 2)
  })

  it('one save of a project, a technology and an assignment wins each time', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' })
    const projects = await settleAll(
      Array.from({ length: 20 }, (_, n) => updateProject(manager, { clientId: client.id, projectId: project.id, version: project.version, name: project.name, status: 'active', startDate: '2026-01-05', budget: 1000 + n })),
    )
    const technologies = await settleAll(Array.from({ length: 20 }, (_, n) => updateTechnology(manager, { technologyId: technology.id, version: technology.version, name: `${technology.name} ${n}`, category: 'tool' })))
    const assignments = await settleAll(
      Array.from({ length: 20 }, (_, n) =>
        changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: assignment.id, version: assignment.version, role: 'Dev', allocation: 10 + n, startDate: '2026-12-07', status: 'confirmed' }),
      ),
    )
    for (const outcome of [projects, technologies, assignments]) {
      assert.equal(outcome.succeeded.length, 1)
      assert.ok(outcome.refused.every((error) => error instanceof AppError && error.kind === 'conflict'))
    }
    const winner = (assignments.succeeded[0] as PromiseFulfilledResult<{ allocation: number }>).value.allocation
    const page = await getProjectPage(manager, { clientId: client.id, projectId: project.id })
    assert.equal(page!.assignments[0].allocation, winner)
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))!.employee.bookings.map((b) => b.allocation), [winner])
    assert.deepEqual((await auditDerivedData()).problems, [])
  })
})

describe('creates that are sent twice', () => {
  it('twenty identical staffing requests with one idempotency key make one assignment', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const request = { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 100, startDate: '2026-12-07', idempotencyKey: `key-${person.id}` }
    const { succeeded, refused } = await settleAll(Array.from({ length: 20 }, () => staffEmployee(manager, request)))
    assert.ok(succeeded.length >= 1)
    assert.ok(refused.every((error) => error.kind === 'conflict'), refused.map((e) => e.code).join())
    assert.equal((await getProjectPage(manager, { clientId: client.id, projectId: project.id }))!.assignments.length, 1)
    const replay = await staffEmployee(manager, request)
    assert.equal(replay.id, (succeeded[0] as PromiseFulfilledResult<{ id: string }>).value.id, 'a retry answers with the same assignment')
  })

  it('twenty identical staffing requests without a key still make one assignment, the rest are told why', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const { succeeded, refused } = await settleAll(
      Array.from({ length: 20 }, () => staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 100, startDate: '2026-12-07' })),
    )
    assert.equal(succeeded.length, 1)
    assert.ok(refused.every((error) => error.kind === 'conflict'))
    assert.ok(refused.some((error) => error.code === 'conflict:assignment_overlap' && Boolean(error.fields?.employeeId)))
    assert.equal((await getProjectPage(manager, { clientId: client.id, projectId: project.id }))!.assignments.length, 1)
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))!.employee.bookings.map((b) => b.allocation), [100])
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a double-submitted client form creates one client', async () => {
    const name = `Double Submit ${Date.now()}`
    const input = { name, industry: 'Retail', contactEmail: 'a@b.example', idempotencyKey: `form-${Date.now()}` }
    const [first, second] = await Promise.all([createClient(manager, input), createClient(manager, input)])
    assert.equal(first.id, second.id)
    assert.equal((await listClients(manager, { q: name })).items.length, 1)
  })
})

describe('a delete racing new staffing', () => {
  it('leaves no assignment, booking or count behind', async () => {
    for (let round = 0; round < 3; round++) {
      const client = await aClient()
      const projects = await Promise.all([aProject(client.id), aProject(client.id)])
      const people = await Promise.all(Array.from({ length: 6 }, () => anEmployee()))
      const staffing = people.map((person, n) =>
        staffEmployee(manager, { clientId: client.id, projectId: projects[n % 2].id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' }),
      )
      const outcome = await settleAll([...staffing, deleteClient(manager, { clientId: client.id })])
      assert.ok(outcome.refused.every((error) => error instanceof AppError && error.kind !== 'internal'), outcome.refused.map((e) => e.message).join('; '))
      for (const person of people) assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))!.assignments, [])
    }
    assert.deepEqual((await auditDerivedData()).problems, [])
  })
})

describe('renames and deletes racing new edges, under a lagging index', () => {
  let lag: IndexLag
  before(() => {
    lag = installIndexLag(200)
    process.env.ROSTER_INDEX_SETTLE_MS = '250'
  })
  after(() => {
    lag.uninstall()
    delete process.env.ROSTER_INDEX_SETTLE_MS
  })

  it('renames racing staffing, skills and stack changes leave no old name behind', async () => {
    const client = await aClient()
    const projects = await Promise.all([aProject(client.id), aProject(client.id)])
    const people = await Promise.all(Array.from({ length: 4 }, () => anEmployee()))
    const technologies = await Promise.all([aTechnology(), aTechnology()])
    const edges = [
      ...people.map((person, n) => staffEmployee(manager, { clientId: client.id, projectId: projects[n % 2].id, employeeId: person.id, role: 'Dev', allocation: 30, startDate: '2026-12-07' })),
      ...people.map((person, n) => setSkill(manager, { employeeId: person.id, technologyId: technologies[n % 2].id, level: 3 })),
      ...projects.map((project, n) => addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technologies[n].id })),
    ]
    const renames = [
      updateClient(manager, { clientId: client.id, version: client.version, name: 'Raced Client', industry: 'Retail', contactEmail: 'cto@client.example' }),
      updateProject(manager, { clientId: client.id, projectId: projects[0].id, version: projects[0].version, name: 'Raced Project', status: 'active', startDate: '2026-01-05' }),
      updateEmployee(manager, { employeeId: people[0].id, version: people[0].version, name: 'Raced Person', email: people[0].email, title: 'Engineer', practice: 'Backend', location: 'Berlin' }),
      updateTechnology(manager, { technologyId: technologies[0].id, version: technologies[0].version, name: `Raced Tech ${technologies[0].id}`, category: 'tool' }),
    ]
    const outcome = await settleAll([...edges, ...renames])
    assert.deepEqual(outcome.refused.map((error) => error.code), [])
    await lag.settle()
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('deleting a person and a technology while they are being staffed and learned leaves no orphan', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const leaver = await anEmployee()
    const others = await Promise.all(Array.from({ length: 5 }, () => anEmployee()))
    const retired = await aTechnology()
    const kept = await aTechnology()
    const outcome = await settleAll([
      staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: leaver.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' }),
      setSkill(manager, { employeeId: leaver.id, technologyId: kept.id, level: 4 }),
      ...others.map((person) => setSkill(manager, { employeeId: person.id, technologyId: retired.id, level: 2 })),
      addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: retired.id }),
      deleteEmployee(manager, { employeeId: leaver.id }),
      deleteTechnology(manager, { technologyId: retired.id }),
    ])
    assert.ok(outcome.refused.every((error) => error instanceof AppError && error.kind !== 'internal'), outcome.refused.map((e) => e.message).join('; '))
    await lag.settle()
    assert.deepEqual((await auditDerivedData()).problems, [])
    assert.equal(await getEmployeeStaffing(manager, { employeeId: leaver.id }), null)
    assert.deepEqual((await getTechnologyPage(manager, { technologyId: kept.id }))!.people, [])
  })
})
