// npm run bench:writes [-- --scales demo,xl]
// What each write costs in DynamoDB requests, counted by the request recorder (lib/db/recorder.ts),
// on the demo firm and on a 20,000-person firm (seed scale xl), each in an in-memory embedded engine.
// Every write targets the biggest thing of its kind: the client with the most projects, the person
// with the most bookings, the technology the most people know. Prints a Markdown table.
import { parseArgs } from 'node:util'
import { startEmbeddedEngine } from '../scripts/engine'
import { withRecording } from '../lib/db/recorder'
import { ensureTable } from '../lib/db/table'
import { seedSizes } from '../lib/seed/demo-data'
import { loadDemoData } from '../lib/seed/load'
import type { Actor } from '../lib/authorization'
// The benchmark acts as a manager (lib/authorization.ts).
const benchActor: Actor = { via: 'session', userId: 'bench', name: 'Benchmark', email: 'bench@roster.example', role: 'manager' }

const { values } = parseArgs({ options: { scales: { type: 'string', default: 'demo,xl' } } })
const scales = (values.scales as string).split(',') as (keyof typeof seedSizes)[]

interface Cost { requests: number; items: number }
const results: Record<string, Record<string, Cost>> = {}
const targets: string[] = []

async function measure(scale: string, name: string, fn: () => Promise<unknown>) {
  const { recording } = await withRecording(fn)
  results[name] ??= {}
  results[name][scale] = { requests: recording.requests.length, items: recording.requests.reduce((sum, request) => sum + request.itemCount, 0) }
  console.error(`[bench:writes] ${scale} ${name}: ${recording.requests.length} requests`)
}

for (const scale of scales) {
  const engine = await startEmbeddedEngine()
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  process.env.DYNAMODB_TABLE = `roster-writes-${scale}`
  await ensureTable()
  const started = Date.now()
  await loadDemoData(seedSizes[scale], { seed: 42, anchor: '2026-11-23' })
  console.error(`[bench:writes] ${scale}: seeded in ${Math.round((Date.now() - started) / 1000)} s`)
  // Imported after the environment points at this engine.
  const { scanAll } = await import('../lib/db/stored')
  const everything = await scanAll()
  const scan = (type: string) => everything.filter((item) => item._type === type)
  const size = (map: unknown) => Object.keys((map as object | undefined) ?? {}).length
  const clients = scan('Client')
  const employees = scan('Employee')
  const technologies = scan('Technology')
  const biggestClient = clients.sort((a, b) => size(b.projectIds) - size(a.projectIds))[0]
  const busiest = employees.sort((a, b) => size(b.bookings) - size(a.bookings))[0]
  const popular = technologies.sort((a, b) => size(b.people) - size(a.people))[0]
  const other = technologies.find((t) => t.id !== popular.id && !(t.id as string in (busiest.skills as object)))!
  const project = Object.keys(biggestClient.projectIds as object)[0]

  const { staffEmployee, changeAssignment, unstaffEmployee } = await import('../lib/staffing/mutations')
  const { setSkill, removeSkill, updateEmployee } = await import('../lib/employees/mutations')
  const { addTechnologyToProject, removeTechnologyFromProject } = await import('../lib/projects/mutations')
  const { updateClient, deleteClient } = await import('../lib/clients/mutations')
  const { updateTechnology, deleteTechnology } = await import('../lib/technologies/mutations')
  const clientId = biggestClient.id as string
  targets.push(`${scale}: biggest client ${size(biggestClient.projectIds)} projects and ${size(biggestClient.staffing)} assignments; busiest person ${size(busiest.bookings)} bookings and ${size(busiest.skills)} skills; most known technology ${size(popular.people)} people and ${size(popular.projectKeys)} projects`)
  let assignmentId = ''
  await measure(scale, 'staff a person', async () => {
    assignmentId = (await staffEmployee(benchActor, { clientId, projectId: project, employeeId: busiest.id, role: 'Reviewer', allocation: 10, startDate: '2031-01-06', endDate: '2031-01-31' })).id
  })
  await measure(scale, 'change an assignment', () => changeAssignment(benchActor, { clientId, projectId: project, assignmentId, version: 1, role: 'Reviewer', allocation: 20, startDate: '2031-01-06', endDate: '2031-02-28', status: 'confirmed' }))
  await measure(scale, 'unstaff a person', () => unstaffEmployee(benchActor, { clientId, projectId: project, assignmentId }))
  const { createUnfilledRole, assignUnfilledRole, deleteUnfilledRole } = await import('../lib/roles/mutations')
  const roleInput = { clientId, projectId: project, role: 'Placeholder', practice: busiest.practice as string, requirements: [{ technologyId: popular.id as string, minLevel: 3 }], allocation: 50, startDate: '2031-03-03', endDate: '2031-03-28' }
  let roleId = ''
  await measure(scale, 'plan an unfilled role', async () => {
    roleId = (await createUnfilledRole(benchActor, roleInput)).id
  })
  await measure(scale, 'delete an unfilled role', () => deleteUnfilledRole(benchActor, { clientId, projectId: project, roleId }))
  roleId = (await createUnfilledRole(benchActor, roleInput)).id
  await measure(scale, 'assign an unfilled role to a person', () => assignUnfilledRole(benchActor, { clientId, projectId: project, roleId, employeeId: busiest.id, fillToken: `bench-${scale}-fill` }))
  await measure(scale, 'add a skill', () => setSkill(benchActor, { employeeId: busiest.id, technologyId: other.id, level: 3 }))
  await measure(scale, 'change a skill level', () => setSkill(benchActor, { employeeId: busiest.id, technologyId: other.id, level: 4 }))
  await measure(scale, 'remove a skill', () => removeSkill(benchActor, { employeeId: busiest.id, technologyId: other.id }))
  const onStack = Object.keys(popular.projectKeys as object).some((key) => key === `${clientId}#${project}`)
  if (!onStack) {
    await measure(scale, 'add a technology to a stack', () => addTechnologyToProject(benchActor, { clientId, projectId: project, technologyId: popular.id }))
    await measure(scale, 'remove it from the stack', () => removeTechnologyFromProject(benchActor, { clientId, projectId: project, technologyId: popular.id }))
  }
  // Money: a person's cost rate (their assignments' copies and their projects' money), a project's own
  // rates, and the firm's card for one role (every assignment with it, client by client).
  const { getEmployee } = await import('../lib/employees/queries')
  const { setProjectRates } = await import('../lib/projects/mutations')
  const { getProjectPage } = await import('../lib/projects/queries')
  const { saveRateCard } = await import('../lib/finance/mutations')
  const { getRateCard } = await import('../lib/finance/queries')
  const person = (await getEmployee(benchActor, { employeeId: busiest.id as string }))!
  await measure(scale, "change the busiest person's cost rate", () => updateEmployee(benchActor, { ...person, employeeId: person.id, costRate: '77.70' }))
  const page = (await getProjectPage(benchActor, { clientId, projectId: project }))!
  await measure(scale, "set a project's own rate for a role", () => setProjectRates(benchActor, { clientId, projectId: project, version: page.version, rates: [{ role: 'Tech Lead', rate: '155' }] }))
  const card = await getRateCard(benchActor)
  await measure(scale, "change the firm's rate for one role", () =>
    saveRateCard(benchActor, { version: card.version, rates: card.rates.map((line) => ({ role: line.role, rate: line.role === 'Tech Lead' ? '161.00' : (line.rate / 100).toFixed(2) })) }),
  )
  await measure(scale, 'rename the biggest client', () =>
    updateClient(benchActor, { clientId, version: biggestClient.version, name: `${biggestClient.name} Group`, industry: biggestClient.industry, contactEmail: biggestClient.contactEmail, status: biggestClient.status }),
  )
  const renamed = (await getEmployee(benchActor, { employeeId: busiest.id as string }))!
  await measure(scale, 'rename the busiest person', () => updateEmployee(benchActor, { ...renamed, employeeId: renamed.id, name: `${renamed.name} Jr` }))
  await measure(scale, 'rename the most known technology', () =>
    updateTechnology(benchActor, { technologyId: popular.id, version: popular.version, name: `${popular.name} Next`, category: popular.category }),
  )
  await measure(scale, 'delete the most known technology', () => deleteTechnology(benchActor, { technologyId: popular.id as string }))
  await measure(scale, 'delete the biggest client', () => deleteClient(benchActor, { clientId }))
  await engine.close()
}

const header = `| write | ${scales.map((scale) => `${scale}: requests (items read)`).join(' | ')} |`
console.log(targets.map((line) => `- ${line}`).join('\n') + '\n')
console.log([header, `|---|${scales.map(() => '---').join('|')}|`, ...Object.entries(results).map(([name, byScale]) => `| ${name} | ${scales.map((scale) => (byScale[scale] ? `${byScale[scale].requests} (${byScale[scale].items})` : '–')).join(' | ')} |`)].join('\n'))
