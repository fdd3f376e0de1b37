import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { getDb } from '../lib/db/client'
import { withRecording } from '../lib/db/recorder'
import { deleteClient, updateClient } from '../lib/clients/mutations'
import { getClientDashboard, listClients } from '../lib/clients/queries'
import { createEmployee, removeSkill, setSkill, updateEmployee } from '../lib/employees/mutations'
import { getEmployeeStaffing, listEmployees } from '../lib/employees/queries'
import { addTechnologyToProject, removeTechnologyFromProject, updateProject } from '../lib/projects/mutations'
import { getProjectPage } from '../lib/projects/queries'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../lib/staffing/mutations'
import { createTechnology, deleteTechnology, updateTechnology } from '../lib/technologies/mutations'
import { getJobProgress } from '../lib/jobs/runner'
import { getTechnologyPage, listTechnologies } from '../lib/technologies/queries'
import { sweepJobs } from '../job-registry'
import { AppError } from '../lib/errors'
import { manager } from './helpers/actors'

useTestDatabase()

async function requestsOf<T>(fn: () => Promise<T>) {
  const { result, recording } = await withRecording(fn)
  return { result, requests: recording.requests }
}

async function scanAll() {
  const { documentClient, config } = getDb()
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config.tableName }))
  return Items
}

async function staffedClient() {
  const client = await aClient()
  const project = await aProject(client.id, 'Checkout Rebuild')
  const other = await aProject(client.id, 'Data Lakehouse', '2026-03-01')
  const employee = await anEmployee('Grace Hopper')
  const technology = await aTechnology()
  const assignment = await staffEmployee(manager, {
    clientId: client.id, projectId: project.id, employeeId: employee.id, role: 'Tech Lead', allocation: 60, startDate: '2026-01-05', endDate: '2026-06-30', status: 'confirmed',
  })
  await staffEmployee(manager, { clientId: client.id, projectId: other.id, employeeId: employee.id, role: 'Architect', allocation: 20, startDate: '2026-03-01', status: 'tentative' })
  await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id, note: 'v5' })
  await setSkill(manager, { employeeId: employee.id, technologyId: technology.id, level: 4 })
  return { client, project, other, employee, technology, assignment }
}

describe('read access patterns: one request each', () => {
  it('the client dashboard nests projects with their staffing and stack from one Query', async () => {
    const { client, project, other, employee, technology } = await staffedClient()
    const { result, requests } = await requestsOf(() => getClientDashboard(manager, { clientId: client.id }))
    assert.equal(requests.length, 1)
    assert.equal(requests[0].operation, 'Query')
    assert.equal(result?.client.name, client.name)
    assert.equal(result?.client.projectCount, 2)
    assert.equal(result?.client.staffedCount, 1)
    assert.deepEqual(result?.projects.map((p) => p.name), ['Checkout Rebuild', 'Data Lakehouse'])
    const checkout = result!.projects.find((p) => p.id === project.id)!
    assert.deepEqual(checkout.assignments.map((a) => [a.employeeName, a.role, a.allocation, a.status]), [['Grace Hopper', 'Tech Lead', 60, 'confirmed']])
    assert.deepEqual(checkout.stack.map((s) => [s.technologyId, s.note]), [[technology.id, 'v5']])
    assert.equal(result!.projects.find((p) => p.id === other.id)!.assignments[0].employeeId, employee.id)
  })

  it('the project page reads only that project and its edges in one Query', async () => {
    const { client, project } = await staffedClient()
    const { result, requests } = await requestsOf(() => getProjectPage(manager, { clientId: client.id, projectId: project.id }))
    assert.equal(requests.length, 1)
    assert.equal(requests[0].itemCount, 3, 'project, one assignment, one stack entry')
    assert.equal(result?.name, 'Checkout Rebuild')
    assert.equal(result?.assignments.length, 1)
    assert.equal(result?.stack.length, 1)
    assert.equal(await getProjectPage(manager, { clientId: client.id, projectId: 'nosuchproject' }), null)
  })

  it('the employee staffing view carries project and client names and skills from one Query', async () => {
    const { client, employee, technology } = await staffedClient()
    const { result, requests } = await requestsOf(() => getEmployeeStaffing(manager, { employeeId: employee.id }))
    assert.equal(requests.length, 1)
    assert.equal(requests[0].index, 'GSI1')
    assert.deepEqual(result?.assignments.map((a) => [a.projectName, a.clientName, a.allocation]), [
      ['Checkout Rebuild', client.name, 60],
      ['Data Lakehouse', client.name, 20],
    ])
    assert.deepEqual(result?.skills.map((s) => [s.technologyName, s.level]), [[technology.name, 4]])
    assert.equal(result?.employee.bookings.length, 2)
  })

  it('the technology page shows the people who know it, and its projects with client names, each view from one Query', async () => {
    const { client, employee, technology } = await staffedClient()
    const { result, requests } = await requestsOf(() => getTechnologyPage(manager, { technologyId: technology.id }))
    assert.equal(requests.length, 1)
    assert.equal(requests[0].index, 'GSI2')
    assert.deepEqual(result?.people.map((p) => [p.employeeId, p.level, p.bookings.length]), [[employee.id, 4, 2]])
    assert.equal(result?.technology?.projectCount, 1)
    assert.equal(result?.technology?.peopleCount, 1)
    const projects = await requestsOf(() => getTechnologyPage(manager, { technologyId: technology.id, view: 'projects' }))
    assert.equal(projects.requests.length, 1)
    assert.deepEqual(projects.result?.projects.map((p) => [p.projectName, p.clientName]), [['Checkout Rebuild', client.name]])
    assert.equal(projects.result?.technology?.name, technology.name)
  })

  it('the technology page pages its people from the highest level by key, and its projects, each page one request', async () => {
    const technology = await aTechnology()
    const people = await Promise.all([1, 2, 3, 4, 5, 5, 3].map(() => anEmployee()))
    await Promise.all(people.map((person, i) => setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: [1, 2, 3, 4, 5, 5, 3][i] })))
    const client = await aClient()
    for (let i = 0; i < 5; i++) {
      const project = await aProject(client.id)
      await addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    }
    const levels: number[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const { result, requests } = await requestsOf(() => getTechnologyPage(manager, { technologyId: technology.id, cursor, limit: 3 }))
      assert.equal(requests.length, 1)
      assert.equal(result!.technologyName, technology.name)
      assert.equal(Boolean(result!.technology), pages === 0, 'the technology comes with the first page only')
      levels.push(...result!.people.map((p) => p.level))
      cursor = result!.nextCursor ?? undefined
      pages++
    } while (cursor && pages < 10)
    assert.deepEqual(levels, [5, 5, 4, 3, 3, 2, 1])
    const first = await getTechnologyPage(manager, { technologyId: technology.id, view: 'projects', limit: 3 })
    const rest = await getTechnologyPage(manager, { technologyId: technology.id, view: 'projects', limit: 3, cursor: first!.nextCursor! })
    assert.equal(first!.projects.length + rest!.projects.length, 5)
    await assert.rejects(getTechnologyPage(manager, { technologyId: technology.id, cursor: 'bm90IGEgY3Vyc29y' }), (error: AppError) => error.code === 'invalid:cursor')
  })

  it('lists are sorted by name, searched case-insensitively by prefix and paginated by cursor, one Query a page', async () => {
    const stamp = Date.now().toString(36)
    for (const name of [`zeta ${stamp}`, `Zebra ${stamp}`, `ZEN ${stamp}`]) await aClient(name)
    const first = await requestsOf(() => listClients(manager, { q: 'ze', limit: 2 }))
    assert.equal(first.requests.length, 1)
    assert.deepEqual(first.result.items.map((c) => c.name), [`Zebra ${stamp}`, `ZEN ${stamp}`])
    assert.ok(first.result.nextCursor)
    const second = await listClients(manager, { q: 'ZE', limit: 2, cursor: first.result.nextCursor! })
    assert.deepEqual(second.items.map((c) => c.name), [`zeta ${stamp}`])
    assert.equal(second.nextCursor, null)
    await assert.rejects(listClients(manager, { cursor: 'not-a-cursor' }), (error: AppError) => error.code === 'invalid:cursor')
    const employees = await requestsOf(() => listEmployees(manager, { limit: 100 }))
    assert.equal(employees.requests.length, 1)
    const names = employees.result.items.map((e) => e.name.toLowerCase())
    assert.deepEqual(names, [...names].sort())
    const technologies = await requestsOf(() => listTechnologies(manager, { q: 'tech' }))
    assert.equal(technologies.requests.length, 1)
  })
})

describe('writes', () => {
  it('a second employee with the same email is refused with a typed conflict', async () => {
    const first = await anEmployee()
    await assert.rejects(
      createEmployee(manager, { name: 'Copy', email: first.email.toUpperCase(), title: 'Engineer', practice: 'Data', location: 'Lisbon' }),
      (error: AppError) => error instanceof AppError && error.code === 'conflict:employee_email' && Boolean(error.fields?.email),
    )
  })

  it('changing an email frees the old one and claims the new one', async () => {
    const person = await anEmployee()
    const newEmail = `moved-${Date.now()}@roster.example`
    await updateEmployee(manager, { employeeId: person.id, version: person.version, name: person.name, email: newEmail, title: 'Engineer', practice: 'Data', location: 'Lisbon' })
    const reuse = await createEmployee(manager, { name: 'Reuser', email: person.email, title: 'Engineer', practice: 'Data', location: 'Lisbon' })
    assert.equal(reuse.email, person.email)
    await assert.rejects(createEmployee(manager, { name: 'Dup', email: newEmail, title: 'Engineer', practice: 'Data', location: 'Lisbon' }), /already has this email/)
  })

  it('updating or deleting something missing is a clear not-found', async () => {
    await assert.rejects(updateClient(manager, { clientId: 'missing', version: 1, name: 'X', industry: 'Y', contactEmail: 'a@b.example' }), (error: AppError) => error.code === 'not_found:client')
    await assert.rejects(deleteClient(manager, { clientId: 'missing' }), (error: AppError) => error.code === 'not_found:client')
    await assert.rejects(unstaffEmployee(manager, { clientId: 'missing', projectId: 'missing', assignmentId: 'missing' }), (error: AppError) => error.code === 'not_found:assignment')
    await assert.rejects(removeSkill(manager, { employeeId: 'missing', technologyId: 'missing' }), (error: AppError) => error.code === 'not_found:skill')
  })

  it('adding a technology twice is a typed conflict, and creating a technology never overwrites', async () => {
    const { client, project, technology } = await staffedClient()
    await assert.rejects(addTechnologyToProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id }), (error: AppError) => error.code === 'conflict:stack_entry')
    await assert.rejects(createTechnology(manager, { name: technology.name, category: 'other' }), (error: AppError) => error.code === 'conflict:technology')
    await removeTechnologyFromProject(manager, { clientId: client.id, projectId: project.id, technologyId: technology.id })
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id }))?.technology?.projectCount, 0)
  })

  it('bad input names the field and the rule', async () => {
    await assert.rejects(
      aClient('').then(() => undefined),
      (error: AppError) => error.code === 'invalid:client' && error.fields?.name?.[0] === 'Name is required',
    )
    const { client, project, employee } = await staffedClient()
    await assert.rejects(
      staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: employee.id, role: 'Dev', allocation: 150, startDate: '2026-02-01', endDate: '2026-01-01' }),
      (error: AppError) =>
        error.fields?.allocation?.[0] === 'Allocation must be between 1 and 100' && error.fields?.endDate?.[0] === 'End date must be on or after the start date',
    )
  })

  it('changing and ending an assignment shows in both views', async () => {
    const { client, employee, assignment } = await staffedClient()
    await changeAssignment(manager, { clientId: client.id, projectId: assignment.projectId, assignmentId: assignment.id, version: assignment.version, role: 'Architect', allocation: 80, startDate: '2026-02-02', endDate: '2026-03-31', status: 'tentative' })
    const staffing = await getEmployeeStaffing(manager, { employeeId: employee.id })
    const changed = staffing!.assignments.find((a) => a.id === assignment.id)!
    assert.deepEqual([changed.role, changed.allocation, changed.startDate, changed.endDate, changed.status], ['Architect', 80, '2026-02-02', '2026-03-31', 'tentative'])
    assert.ok(staffing!.employee.bookings.some((b) => b.allocation === 80 && b.tentative && b.end === '2026-03-31'))
    await unstaffEmployee(manager, { clientId: client.id, projectId: assignment.projectId, assignmentId: assignment.id })
    assert.equal((await getEmployeeStaffing(manager, { employeeId: employee.id }))!.assignments.some((a) => a.id === assignment.id), false)
    assert.equal((await getClientDashboard(manager, { clientId: client.id }))!.client.staffedCount, 1)
  })
})

describe('rename fan-out reaches every copy', () => {
  it('a renamed client, project, employee and technology show their new names on every screen', async () => {
    const { client, project, employee, technology } = await staffedClient()
    await updateClient(manager, { clientId: client.id, version: client.version, name: 'Renamed Client Co', industry: client.industry, contactEmail: client.contactEmail, status: 'active' })
    await updateProject(manager, { clientId: client.id, projectId: project.id, version: project.version, name: 'Renamed Project', description: '', status: 'active', startDate: '2026-01-05' })
    await updateEmployee(manager, { employeeId: employee.id, version: employee.version, name: 'Renamed Person', email: employee.email, title: 'Engineer', practice: 'Backend', location: 'Berlin' })
    await updateTechnology(manager, { technologyId: technology.id, version: technology.version, name: 'Renamed Tech', category: 'database' })

    const dashboard = await getClientDashboard(manager, { clientId: client.id })
    const renamedProject = dashboard!.projects.find((p) => p.id === project.id)!
    assert.equal(renamedProject.clientName, 'Renamed Client Co')
    assert.equal(renamedProject.assignments[0].employeeName, 'Renamed Person')
    assert.deepEqual([renamedProject.stack[0].technologyName, renamedProject.stack[0].technologyCategory], ['Renamed Tech', 'database'])
    const staffing = await getEmployeeStaffing(manager, { employeeId: employee.id })
    assert.deepEqual(new Set(staffing!.assignments.map((a) => a.clientName)), new Set(['Renamed Client Co']))
    assert.ok(staffing!.assignments.some((a) => a.projectName === 'Renamed Project'))
    assert.equal(staffing!.skills[0].technologyName, 'Renamed Tech')
    const people = await getTechnologyPage(manager, { technologyId: technology.id })
    const projects = await getTechnologyPage(manager, { technologyId: technology.id, view: 'projects' })
    assert.deepEqual([projects!.projects[0].clientName, projects!.projects[0].projectName, people!.people[0].employeeName], ['Renamed Client Co', 'Renamed Project', 'Renamed Person'])
    assert.ok((await listClients(manager, { q: 'renamed client' })).items.some((c) => c.id === client.id))
  })
})

describe('deleting a client', () => {
  async function traces(clientId: string, projectIds: string[]) {
    const items = await scanAll()
    return items.filter((item) => item.clientId === clientId || item.PK === `CLIENT#${clientId}` || projectIds.includes(item.projectId as string) || item.id === clientId)
  }

  it('removes its projects, assignments and stack entries from every view and index', async () => {
    const { client, project, other, employee, technology } = await staffedClient()
    const deletion = await deleteClient(manager, { clientId: client.id })
    assert.deepEqual(deletion, { projects: 2, assignments: 2, stackEntries: 1 })
    assert.equal(await getClientDashboard(manager, { clientId: client.id }), null)
    assert.equal((await listClients(manager, { q: client.name })).items.length, 0)
    const staffing = await getEmployeeStaffing(manager, { employeeId: employee.id })
    assert.deepEqual(staffing!.assignments, [])
    assert.deepEqual(staffing!.employee.bookings, [])
    const page = await getTechnologyPage(manager, { technologyId: technology.id, view: 'projects' })
    assert.deepEqual(page!.projects, [])
    assert.equal(page!.technology!.projectCount, 0)
    assert.deepEqual(await traces(client.id, [project.id, other.id]), [])
  })

  it('an interrupted delete hides the client at once and completes when run again', async () => {
    const { client, project, other, employee } = await staffedClient()
    await assert.rejects(
      deleteClient(manager, { clientId: client.id }, { onProgress: (progress) => { if (progress.phase === 'marked') throw new Error('process died') } }),
      /process died/,
    )
    assert.equal(await getClientDashboard(manager, { clientId: client.id }), null, 'dashboard hides a client being deleted')
    assert.equal(await getProjectPage(manager, { clientId: client.id, projectId: project.id }), null, 'project page hides it too')
    assert.equal((await listClients(manager, { q: client.name })).items.length, 0)
    assert.ok((await traces(client.id, [project.id, other.id])).length > 0, 'work was left to do')

    assert.ok((await sweepJobs({ now: Date.now() + 3_600_000 })).resumed >= 1)
    assert.deepEqual(await traces(client.id, [project.id, other.id]), [])
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: employee.id }))!.assignments, [])
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: employee.id }))!.employee.bookings, [])
  })

  it('a delete cut off mid-sweep finishes when the delete is retried', async () => {
    const { client, project, other, employee } = await staffedClient()
    for (let n = 0; n < 30; n++) {
      // One week each: the same person twice on a project needs dates that do not overlap.
      const start = new Date(Date.UTC(2027, 0, 4 + 7 * n)).toISOString().slice(0, 10)
      const end = new Date(Date.UTC(2027, 0, 8 + 7 * n)).toISOString().slice(0, 10)
      await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: employee.id, role: 'Engineer', allocation: 1, startDate: start, endDate: end, status: 'confirmed' })
    }
    await assert.rejects(
      deleteClient(manager, { clientId: client.id }, { onProgress: (progress) => { if (progress.phase === 'deleting') throw new Error('crash after first batch') } }),
      /crash after first batch/,
    )
    const left = await traces(client.id, [project.id, other.id])
    assert.ok(left.length > 0 && left.length < 36, `some but not all items deleted (${left.length} left)`)
    await deleteClient(manager, { clientId: client.id })
    assert.deepEqual(await traces(client.id, [project.id, other.id]), [])
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: employee.id }))!.employee.bookings, [])
  })
})

describe('progress of bulk work', () => {
  it('a technology delete reports how far it has got while it runs, and nothing once done', async () => {
    const technology = await aTechnology()
    const people = await Promise.all(Array.from({ length: 60 }, () => anEmployee()))
    for (const person of people) await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 2 })
    const seen: { done?: number; total?: number }[] = []
    await deleteTechnology(manager, { technologyId: technology.id }, {
      onProgress: async () => {
        seen.push(await getJobProgress(manager, 'delete-technology', technology.id))
      },
    })
    assert.deepEqual(seen.map((progress) => [progress.done, progress.total]), [[25, 60], [50, 60], [60, 60]])
    assert.deepEqual(await getJobProgress(manager, 'delete-technology', technology.id), { running: false, attempts: 0 })
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id })), null)
  })
})
