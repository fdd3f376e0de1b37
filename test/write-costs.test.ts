import assert from 'node:assert/strict'
import { it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { withRecording } from '../lib/db/recorder'
import { removeSkill, setSkill } from '../lib/employees/mutations'
import { addTechnologyToProject, removeTechnologyFromProject } from '../lib/projects/mutations'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../lib/staffing/mutations'
import { manager } from './helpers/actors'
import { assignUnfilledRole, createUnfilledRole, deleteUnfilledRole } from '../lib/roles/mutations'

useTestDatabase()

// What each write costs, counted by the request recorder, on a small firm and on one where the
// client, the person and the technology involved are large. The counts must be the same: no write
// reads or rewrites a collection.

type Costs = Record<string, { requests: number; itemsRead: number }>

async function measure(name: string, costs: Costs, fn: () => Promise<unknown>) {
  const { recording } = await withRecording(fn)
  // The capacity digests' part summaries are a fixed set of 8 keys per shard (read whole to add them
  // up), not a collection; how many of them exist yet depends on the firm, so they are not counted.
  const counted = (request: (typeof recording.requests)[number]) => request.items.filter((item) => !String(item.PK ?? '').startsWith('CAPACITY#')).length
  costs[name] = { requests: recording.requests.length, itemsRead: recording.requests.reduce((sum, request) => sum + counted(request), 0) }
}

async function costsOfWrites(scale: { projects: number; assignmentsPerPerson: number; peoplePerTechnology: number }): Promise<Costs> {
  const client = await aClient()
  const projects = await Promise.all(Array.from({ length: scale.projects }, () => aProject(client.id)))
  const person = await anEmployee()
  const technology = await aTechnology()
  const colleagues = await Promise.all(Array.from({ length: scale.peoplePerTechnology }, () => anEmployee()))
  // A big client partition, a person with many bookings, a technology many people know.
  for (let n = 0; n < scale.assignmentsPerPerson; n++) {
    await staffEmployee(manager, { clientId: client.id, projectId: projects[n % projects.length].id, employeeId: person.id, role: 'Dev', allocation: 5, startDate: `2030-${String((n % 12) + 1).padStart(2, '0')}-01`, endDate: `2030-${String((n % 12) + 1).padStart(2, '0')}-02` })
  }
  for (const colleague of colleagues) {
    await setSkill(manager, { employeeId: colleague.id, technologyId: technology.id, level: 3 })
    await addTechnologyToProject(manager, { clientId: client.id, projectId: projects[colleagues.indexOf(colleague) % projects.length].id, technologyId: technology.id }).catch(() => undefined)
  }
  // A project of its own: the finance digest's entry is derived from the project's own assignments, so
  // its reads grow with that project's staffing (not the client's, the person's or the technology's).
  const target = await aProject(client.id)
  const costs: Costs = {}
  await measure('set a skill', costs, () => setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 2 }))
  let assignmentId = ''
  await measure('staff a person', costs, async () => {
    assignmentId = (await staffEmployee(manager, { clientId: client.id, projectId: target.id, employeeId: person.id, role: 'Lead', allocation: 50, startDate: '2031-01-06' })).id
  })
  await measure('change an assignment', costs, () =>
    changeAssignment(manager, { clientId: client.id, projectId: target.id, assignmentId, version: 1, role: 'Lead', allocation: 60, startDate: '2031-01-06', status: 'confirmed' }),
  )
  await measure('unstaff a person', costs, () => unstaffEmployee(manager, { clientId: client.id, projectId: target.id, assignmentId }))
  await measure('change a skill level', costs, () => setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 4 }))
  await measure('remove a skill', costs, () => removeSkill(manager, { employeeId: person.id, technologyId: technology.id }))
  const fresh = await aProject(client.id)
  await measure('add to a stack', costs, () => addTechnologyToProject(manager, { clientId: client.id, projectId: fresh.id, technologyId: technology.id }))
  await measure('remove from a stack', costs, () => removeTechnologyFromProject(manager, { clientId: client.id, projectId: fresh.id, technologyId: technology.id }))
  const roleInput = { clientId: client.id, projectId: fresh.id, role: 'Placeholder', practice: 'Backend', requirements: [{ technologyId: technology.id, minLevel: 2 }], allocation: 50, startDate: '2032-02-02', endDate: '2032-02-27' }
  let roleId = ''
  await measure('plan an unfilled role', costs, async () => {
    roleId = (await createUnfilledRole(manager, roleInput)).id
  })
  await measure('delete an unfilled role', costs, () => deleteUnfilledRole(manager, { clientId: client.id, projectId: fresh.id, roleId }))
  roleId = (await createUnfilledRole(manager, roleInput)).id
  await measure('assign an unfilled role', costs, () => assignUnfilledRole(manager, { clientId: client.id, projectId: fresh.id, roleId, employeeId: person.id, fillToken: `fill-${roleId}` }))
  return costs
}

/**
 * Bounds per write: the edge writes, and "Assign", which is a claim, a staffing and a delete in one.
 * Money adds six to a staffing: the rate card read twice (with the project and person, and beside the
 * project in the sync), and the project's money entry (its items read, the entry set, the shard's
 * summary stored, the items read again).
 */
const bound = (name: string) => (name === 'assign an unfilled role' ? 62 : 31)

it('staffing, skill and stack writes cost the same number of requests whatever the size of the client, person and technology', async () => {
  const small = await costsOfWrites({ projects: 1, assignmentsPerPerson: 0, peoplePerTechnology: 0 })
  const large = await costsOfWrites({ projects: 30, assignmentsPerPerson: 24, peoplePerTechnology: 40 })
  for (const name of Object.keys(small)) {
    // A figure that does not change is not rewritten, so a large case may cost one request less.
    assert.ok(large[name].requests <= small[name].requests, `${name}: ${small[name].requests} requests when small, ${large[name].requests} when large`)
    assert.ok(large[name].itemsRead <= small[name].itemsRead, `${name} reads ${large[name].itemsRead} items when large, ${small[name].itemsRead} when small`)
    // Staffing changes also keep the overview's three week digests (two reads, six writes) and the
    // capacity digest (its part's entry and summary, then the shard's sum: a read and three writes).
    assert.ok(small[name].requests <= bound(name), `${name} costs ${small[name].requests} requests`)
  }
  console.log(Object.entries(small).map(([name, cost]) => `${name}: ${cost.requests} requests`).join('; '))
})
