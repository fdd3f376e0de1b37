import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { installIndexLag, type IndexLag } from './helpers/lagging-index'
import { auditDerivedData } from '../lib/upkeep/audit'
import { deleteClient, updateClient } from '../lib/clients/mutations'
import { getClientDashboard } from '../lib/clients/queries'
import { deleteEmployee, removeSkill, setSkill, updateEmployee } from '../lib/employees/mutations'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { listAllJobs } from '../lib/jobs/runner'
import { addTechnologyToProject, deleteProject, removeTechnologyFromProject, updateProject } from '../lib/projects/mutations'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../lib/staffing/mutations'
import { deleteTechnology, updateTechnology } from '../lib/technologies/mutations'
import { getTechnologyPage } from '../lib/technologies/queries'
import { manager } from './helpers/actors'

// Every write path under an index (and eventually consistent base-table read) lag of 400 ms, as on
// AWS; deletes wait for the same settle time before their last index pass. Once the lag has passed,
// every stored derived value must equal a from-scratch recompute, with no orphans and no jobs left.

const LAG_MS = 400
process.env.ROSTER_INDEX_SETTLE_MS = String(LAG_MS + 50)
useTestDatabase()

let lag: IndexLag

async function assertConsistent() {
  await lag.settle()
  const { problems } = await auditDerivedData()
  assert.deepEqual(problems, [])
  assert.deepEqual(await listAllJobs(), [])
}

describe('under a lagging index', () => {
  // Suite hooks run after the file's database hook has pointed the app at its table.
  before(() => {
    lag = installIndexLag(LAG_MS)
  })
  after(() => lag.uninstall())

  it('the harness itself: an index read right after a write misses it, a consistent read does not', async () => {
    // A long lag for the first read, so a slow machine cannot let the write age past it.
    lag.setLag(60_000)
    const person = await anEmployee()
    assert.equal(await getEmployeeStaffing(manager, { employeeId: person.id }), null, 'GSI1 has not caught up yet')
    lag.setLag(LAG_MS)
    await lag.settle()
    assert.equal((await getEmployeeStaffing(manager, { employeeId: person.id }))!.employee.id, person.id)
  })

  it('staffing a person stores their booking, the client count and the skill copies at once', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 60, startDate: '2026-12-07' })
    await assertConsistent()
    const staffing = await getEmployeeStaffing(manager, { employeeId: person.id })
    assert.deepEqual(staffing!.employee.bookings.map((b) => b.allocation), [60])
    const page = await getTechnologyPage(manager, { technologyId: technology.id })
    assert.deepEqual(page!.people.map((p) => p.bookings.length), [1], 'the technology page sees the booking on the skill copy')
    assert.equal(page!.technology!.peopleCount, 1)
    assert.equal((await getClientDashboard(manager, { clientId: client.id }))!.client.staffedCount, 1)
  })

  it('a new skill and a new stack entry are counted at once', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 4 })
    await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    await assertConsistent()
    const page = await getTechnologyPage(manager, { technologyId: technology.id })
    assert.deepEqual([page!.technology!.peopleCount, page!.technology!.projectCount], [1, 1])
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))!.employee.skillIds, [technology.id])
  })

  it('renames right after staffing reach the new assignment', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 2 })
    await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' })
    await updateEmployee(manager, { employeeId: person.id, version: person.version, name: 'Renamed Right Away', email: person.email, title: 'Engineer', practice: 'Backend', location: 'Berlin' })
    await updateClient(manager, { clientId: client.id, version: client.version, name: 'Renamed Client Right Away', industry: 'Retail', contactEmail: 'cto@client.example' })
    await updateProject(manager, { clientId: client.id, projectId: project.id, version: project.version, name: 'Renamed Project Right Away', status: 'active', startDate: '2026-01-05' })
    await updateTechnology(manager, { technologyId: technology.id, version: technology.version, name: 'Renamed Tech Right Away', category: 'tool' })
    await assertConsistent()
    const dashboard = await getClientDashboard(manager, { clientId: client.id })
    const shown = dashboard!.projects[0]
    assert.equal(shown.assignments[0].id, assignment.id)
    assert.deepEqual([shown.name, shown.assignments[0].employeeName, shown.assignments[0].clientName, shown.stack[0].technologyName], ['Renamed Project Right Away', 'Renamed Right Away', 'Renamed Client Right Away', 'Renamed Tech Right Away'])
  })

  it('changes and removals right after creation leave nothing stale', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' })
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: assignment.id, version: assignment.version, role: 'Lead', allocation: 80, startDate: '2026-12-14', status: 'tentative' })
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 2 })
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 5 })
    await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    await removeTechnologyFromProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    await assertConsistent()
    await unstaffEmployee(manager, { clientId: client.id, projectId: project.id, assignmentId: assignment.id })
    await removeSkill(manager, { employeeId: person.id, technologyId: technology.id })
    await assertConsistent()
  })

  it('deleting a technology just added to a stack and a skill leaves no orphan', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const person = await anEmployee()
    const technology = await aTechnology()
    await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
    assert.deepEqual(await deleteTechnology(manager, { technologyId: technology.id }), { projects: 1, people: 1 })
    await assertConsistent()
  })

  it('deleting a person, a project and a client right after staffing leaves no orphan', async () => {
    const client = await aClient()
    const project = await aProject(client.id)
    const other = await aProject(client.id)
    const person = await anEmployee()
    const stayer = await anEmployee()
    const technology = await aTechnology()
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' })
    await staffEmployee(manager, { clientId: client.id, projectId: other.id, employeeId: stayer.id, role: 'Dev', allocation: 50, startDate: '2026-12-07' })
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
    await addTechnologyToProject(manager, { clientId: client.id, projectId: other.id, technologyId: technology.id })
    assert.deepEqual(await deleteEmployee(manager, { employeeId: person.id }), { assignments: 1, skills: 1 })
    assert.deepEqual(await deleteProject(manager, { clientId: client.id, projectId: project.id }), { assignments: 0, stackEntries: 0 })
    await deleteClient(manager, { clientId: client.id })
    await assertConsistent()
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: stayer.id }))!.employee.bookings, [])
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id }))!.technology!.projectCount, 0)
  })
})
