import { expect, test, type APIRequestContext } from '@playwright/test'
import { callAction, serverActions, type ServerAction } from './server-actions'
import { stamp } from './helpers'

// Every route handler and every server action, called as each kind of caller, with the status each
// should get and what it should (or must not) have changed in the table. The effects are read back as
// the manager, through the API.

type Who = 'anonymous' | 'employee' | 'other employee' | 'manager' | 'admin' | 'token'
const everyone: Who[] = ['anonymous', 'employee', 'other employee', 'manager', 'admin', 'token']
const managers = new Set<Who>(['manager', 'admin', 'token'])
/** The demo employee the "employee" caller is (e2e/.auth/employee.json): Tim Fischer. */
const OWN_EMPLOYEE_ID = 'e00000000004'

const storage: Partial<Record<Who, string>> = {
  employee: 'e2e/.auth/employee.json',
  'other employee': 'e2e/.auth/other-employee.json',
  manager: 'e2e/.auth/manager.json',
  admin: 'e2e/.auth/admin.json',
}

let callers: Record<Who, APIRequestContext>
let manager: APIRequestContext
let actions: Map<string, ServerAction>
let fixture: { clientId: string; projectId: string; employeeId: string; technologyId: string }
const run = stamp()

async function json(response: { json(): Promise<unknown>; status(): number }, expected = 200) {
  expect(response.status()).toBe(expected)
  return (await response.json()) as Record<string, any>
}

async function createTechnology(name: string) {
  return json(await manager.post('/api/technologies', { data: { name, category: 'tool' } }), 201)
}

async function createAssignment(role: string, month: number) {
  const start = `2031-${String(month).padStart(2, '0')}-01`
  return json(
    await manager.post(`/api/clients/${fixture.clientId}/projects/${fixture.projectId}/staffing`, {
      data: { employeeId: fixture.employeeId, role, allocation: 10, startDate: start, endDate: `2031-${String(month).padStart(2, '0')}-20` },
    }),
    201,
  )
}

async function dashboard() {
  return json(await manager.get(`/api/clients/${fixture.clientId}`))
}

async function project() {
  return (await dashboard()).projects.find((p: { id: string }) => p.id === fixture.projectId)
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const context = (who: Who) =>
    playwright.request.newContext({ baseURL, storageState: storage[who], extraHTTPHeaders: { origin: baseURL! } })
  manager = await context('manager')
  const client = await json(await manager.post('/api/clients', { data: { name: `Matrix ${run}`, industry: 'Retail', contactEmail: 'matrix@client.example' } }), 201)
  actions = serverActions({ clientId: client.id, projectId: 'unknown', employeeId: OWN_EMPLOYEE_ID, technologyId: 'typescript' })
  // The project, through the same action a manager's form uses (there is no POST route for projects).
  const madeProject = await callAction(manager, actions.get('createProjectAction')!, [{ status: 'idle' }, { clientId: client.id, name: `Matrix project ${run}`, status: 'active', startDate: '2031-01-01' }])
  expect(madeProject.state).toBe('redirect')
  const projectId = madeProject.redirect!.split('/projects/')[1].split('?')[0]
  const person = await json(await manager.post('/api/employees', { data: { name: `Matrix Person ${run}`, email: `matrix.${run}@roster.example`, title: 'Engineer', practice: 'Data', location: 'Porto' } }), 201)
  const technology = await createTechnology(`Matrix Tech ${run}`)
  fixture = { clientId: client.id, projectId, employeeId: person.id, technologyId: technology.id }
  actions = serverActions({ ...fixture, employeeId: OWN_EMPLOYEE_ID })
  // The token: made by the manager on the settings page's action, so it carries the manager role.
  const token = await callAction(manager, actions.get('createTokenAction')!, [{ status: 'idle' }, { name: `matrix ${run}`, expiresInDays: '7' }])
  const secret = /"secret":"(roster_[^"]+)"/.exec(token.text)?.[1]
  expect(secret).toBeTruthy()
  callers = {
    anonymous: await context('anonymous'),
    employee: await context('employee'),
    'other employee': await context('other employee'),
    manager,
    admin: await context('admin'),
    // A script: the token alone, no cookie and no Origin.
    token: await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } }),
  }
})

test.afterAll(async () => {
  for (const caller of Object.values(callers ?? {})) await caller.dispose()
})

/** What a manager-only route answers each caller. */
const expectedStatus = (who: Who, success: number) => (who === 'anonymous' ? 401 : managers.has(who) ? success : 403)

test('reads: every route answers 401 to anonymous callers and 200 to everyone signed in', async () => {
  const paths = [
    '/api/clients',
    `/api/clients/${fixture.clientId}`,
    `/api/clients/${fixture.clientId}/projects/${fixture.projectId}`,
    `/api/clients/${fixture.clientId}/projects/${fixture.projectId}/staffing`,
    '/api/employees',
    `/api/employees/${fixture.employeeId}`,
    '/api/technologies',
    `/api/technologies/${fixture.technologyId}`,
    `/api/jobs/delete-client/${fixture.clientId}`,
    '/api/planner?practice=Data&freeAtLeast=50&freeWeeks=4',
    '/api/exports/staffing?from=2031-01-01&to=2031-02-01',
    '/api/exports/capacity',
    '/api/capacity',
    '/api/utilization?period=next-quarter&grain=month',
    '/api/exports/utilization',
  ]
  for (const path of paths) {
    for (const who of everyone) {
      const response = await callers[who].get(path)
      expect(response.status(), `${who} GET ${path}`).toBe(who === 'anonymous' ? 401 : 200)
    }
  }
  // Money is for managers and admins (and their tokens).
  for (const path of ['/api/rate-card', '/api/finance']) {
    for (const who of everyone) expect((await callers[who].get(path)).status(), `${who} GET ${path}`).toBe(expectedStatus(who, 200))
  }
})

test('writes: route handlers let managers, admins and manager tokens change data, and refuse the rest with no effect', async () => {
  for (const who of everyone) {
    const tag = `${who} ${run}`
    const allowed = managers.has(who)
    const call = callers[who]

    const client = await call.post('/api/clients', { data: { name: `Route client ${tag}`, industry: 'Retail', contactEmail: 'route@client.example' } })
    expect(client.status(), `${who} POST /api/clients`).toBe(expectedStatus(who, 201))
    const found = await json(await manager.get(`/api/clients?q=${encodeURIComponent(`Route client ${tag}`)}`))
    expect(found.items.length, `${who}'s client in the table`).toBe(allowed ? 1 : 0)

    const before = (await dashboard()).client
    const patched = await call.patch(`/api/clients/${fixture.clientId}`, { data: { version: before.version, name: before.name, industry: `Industry ${tag}`, contactEmail: before.contactEmail, status: before.status } })
    expect(patched.status(), `${who} PATCH client`).toBe(expectedStatus(who, 200))
    expect((await dashboard()).client.industry === `Industry ${tag}`).toBe(allowed)

    const current = await project()
    const projectPatch = await call.patch(`/api/clients/${fixture.clientId}/projects/${fixture.projectId}`, {
      data: { version: current.version, name: current.name, status: current.status, startDate: current.startDate, description: `Description ${tag}` },
    })
    expect(projectPatch.status(), `${who} PATCH project`).toBe(expectedStatus(who, 200))
    expect((await project()).description === `Description ${tag}`).toBe(allowed)

    const month = everyone.indexOf(who) + 1
    const staffed = await call.post(`/api/clients/${fixture.clientId}/projects/${fixture.projectId}/staffing`, {
      data: { employeeId: fixture.employeeId, role: `Staffed ${tag}`, allocation: 10, startDate: `2032-${String(month).padStart(2, '0')}-01`, endDate: `2032-${String(month).padStart(2, '0')}-20` },
    })
    expect(staffed.status(), `${who} POST staffing`).toBe(expectedStatus(who, 201))
    expect((await project()).assignments.some((a: { role: string }) => a.role === `Staffed ${tag}`)).toBe(allowed)

    const assignment = await createAssignment(`Assignment ${tag}`, month)
    const assignmentUrl = `/api/clients/${fixture.clientId}/projects/${fixture.projectId}/staffing/${assignment.id}`
    const changed = await call.patch(assignmentUrl, { data: { version: assignment.version, role: `Changed ${tag}`, allocation: 20, startDate: assignment.startDate, endDate: assignment.endDate, status: 'confirmed' } })
    expect(changed.status(), `${who} PATCH assignment`).toBe(expectedStatus(who, 200))
    expect((await project()).assignments.some((a: { role: string }) => a.role === `Changed ${tag}`)).toBe(allowed)
    const removed = await call.delete(assignmentUrl)
    expect(removed.status(), `${who} DELETE assignment`).toBe(expectedStatus(who, 200))
    expect((await project()).assignments.some((a: { id: string }) => a.id === assignment.id)).toBe(!allowed)

    const email = `route.${who.replace(' ', '-')}.${run}@roster.example`
    const person = await call.post('/api/employees', { data: { name: `Route Person ${tag}`, email, title: 'Engineer', practice: 'Data', location: 'Porto' } })
    expect(person.status(), `${who} POST /api/employees`).toBe(expectedStatus(who, 201))
    expect((await json(await manager.get(`/api/employees?q=${encodeURIComponent(`Route Person ${tag}`)}`))).items.length).toBe(allowed ? 1 : 0)

    const employee = (await json(await manager.get(`/api/employees/${fixture.employeeId}`))).employee
    const employeePatch = await call.patch(`/api/employees/${fixture.employeeId}`, { data: { ...employee, title: `Title ${tag}` } })
    expect(employeePatch.status(), `${who} PATCH employee`).toBe(expectedStatus(who, 200))
    expect((await json(await manager.get(`/api/employees/${fixture.employeeId}`))).employee.title === `Title ${tag}`).toBe(allowed)

    const technology = await call.post('/api/technologies', { data: { name: `Route Tech ${tag}`, category: 'tool' } })
    expect(technology.status(), `${who} POST /api/technologies`).toBe(expectedStatus(who, 201))
    expect((await json(await manager.get(`/api/technologies?q=${encodeURIComponent(`Route Tech ${tag}`)}`))).items.length).toBe(allowed ? 1 : 0)

    const tech = (await json(await manager.get(`/api/technologies/${fixture.technologyId}`))).technology
    const category = tech.category === 'tool' ? 'database' : 'tool'
    const techPatch = await call.patch(`/api/technologies/${fixture.technologyId}`, { data: { version: tech.version, name: tech.name, category } })
    expect(techPatch.status(), `${who} PATCH technology`).toBe(expectedStatus(who, 200))
    expect((await json(await manager.get(`/api/technologies/${fixture.technologyId}`))).technology.category === category).toBe(allowed)

    // Money: the firm's card (sent back unchanged, so nothing is repriced) and a project's own rates.
    const card = await json(await manager.get('/api/rate-card'))
    const sameCard = card.rates.map((line: { role: string; rate: number }) => ({ role: line.role, rate: (line.rate / 100).toFixed(2) }))
    const cardPut = await call.put('/api/rate-card', { data: { version: card.version, rates: sameCard } })
    expect(cardPut.status(), `${who} PUT /api/rate-card`).toBe(expectedStatus(who, 200))
    expect((await json(await manager.get('/api/rate-card'))).version).toBe(allowed ? card.version + 1 : card.version)
    const priced = await project()
    const ratesPut = await call.put(`/api/clients/${fixture.clientId}/projects/${fixture.projectId}/rates`, { data: { version: priced.version, rates: [{ role: `Role ${tag}`, rate: '90' }] } })
    expect(ratesPut.status(), `${who} PUT project rates`).toBe(expectedStatus(who, 200))
    expect(((await project()).rates ?? []).some((line: { role: string }) => line.role === `Role ${tag}`)).toBe(allowed)
  }
})

test('pages: the users page opens for admins only; others signed in get the refusal page, anonymous callers sign in', async () => {
  for (const who of ['anonymous', 'employee', 'other employee', 'manager', 'admin'] as const) {
    const response = await callers[who].get('/admin/users', { maxRedirects: 0 })
    if (who === 'anonymous') expect([302, 303, 307], who).toContain(response.status())
    else expect(response.status(), `${who} GET /admin/users`).toBe(who === 'admin' ? 200 : 403)
    if (who !== 'anonymous') expect((await response.text()).includes('Invite a user'), `${who} sees the invite form`).toBe(who === 'admin')
  }
})

test('a request carrying x-middleware-subrequest gains nothing (CVE-2025-29927): the data layer still refuses it', async () => {
  const response = await callers.anonymous.post('/api/technologies', {
    data: { name: `Bypass ${run}`, category: 'tool' },
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware' },
  })
  expect(response.status()).toBe(401)
  const page = await callers.anonymous.get('/clients', { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }, maxRedirects: 0 })
  expect([307, 303, 302]).toContain(page.status())
  expect((await json(await manager.get(`/api/technologies?q=${encodeURIComponent(`Bypass ${run}`)}`))).items).toHaveLength(0)
})

test('server actions: each caller gets the answer its role allows, and a refused call changes nothing', async () => {
  // Six callers through every action, each effect read back: minutes on a busy machine.
  test.setTimeout(240_000)
  const action = (name: string) => {
    const found = actions.get(name)
    expect(found, name).toBeTruthy()
    return found!
  }
  // Server actions belong to Roster's own pages: a script's call (a token, no Origin) is refused as
  // cross-site before it reaches one; scripts use the JSON routes.
  const refusal = (who: Who) => (who === 'anonymous' ? 'unauthenticated:session' : who === 'token' ? 'forbidden:cross_site' : 'forbidden:role')
  const idle = { status: 'idle' }

  for (const who of everyone) {
    const tag = `${who} ${run}`
    const call = callers[who]
    const allowed = who === 'manager' || who === 'admin'
    const expectOutcome = (outcome: { state?: string; code?: string }, success: string, label: string) => {
      if (allowed) expect(outcome.state, `${who} ${label}: ${outcome.code ?? ''}`).toBe(success)
      else expect(outcome.code, `${who} ${label}`).toBe(refusal(who))
    }

    // Clients
    const newClient = await callAction(call, action('createClientAction'), [idle, { name: `Action client ${tag}`, industry: 'Retail', contactEmail: 'a@client.example' }])
    expectOutcome(newClient, 'redirect', 'createClientAction')
    expect((await json(await manager.get(`/api/clients?q=${encodeURIComponent(`Action client ${tag}`)}`))).items.length).toBe(allowed ? 1 : 0)

    const client = (await dashboard()).client
    const updated = await callAction(call, action('updateClientAction'), [idle, { clientId: fixture.clientId, version: String(client.version), name: client.name, industry: `Action industry ${tag}`, contactEmail: client.contactEmail, status: client.status }])
    expectOutcome(updated, 'success', 'updateClientAction')
    expect((await dashboard()).client.industry === `Action industry ${tag}`).toBe(allowed)

    const doomed = await json(await manager.post('/api/clients', { data: { name: `Doomed ${tag}`, industry: 'Retail', contactEmail: 'd@client.example' } }), 201)
    expectOutcome(await callAction(call, action('deleteClientAction'), [idle, { clientId: doomed.id }]), 'redirect', 'deleteClientAction')
    expect((await manager.get(`/api/clients/${doomed.id}`)).status()).toBe(allowed ? 404 : 200)

    // Projects
    const newProject = await callAction(call, action('createProjectAction'), [idle, { clientId: fixture.clientId, name: `Action project ${tag}`, status: 'proposed', startDate: '2031-02-01' }])
    expectOutcome(newProject, 'redirect', 'createProjectAction')
    expect((await dashboard()).projects.some((p: { name: string }) => p.name === `Action project ${tag}`)).toBe(allowed)

    const current = await project()
    const projectUpdate = await callAction(call, action('updateProjectAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, version: String(current.version), name: current.name, status: current.status, startDate: current.startDate, description: `Action description ${tag}` }])
    expectOutcome(projectUpdate, 'success', 'updateProjectAction')
    expect((await project()).description === `Action description ${tag}`).toBe(allowed)

    const doomedProject = await callAction(manager, action('createProjectAction'), [idle, { clientId: fixture.clientId, name: `Doomed project ${tag}`, status: 'proposed', startDate: '2031-02-01' }])
    const doomedProjectId = doomedProject.redirect!.split('/projects/')[1].split('?')[0]
    expectOutcome(await callAction(call, action('deleteProjectAction'), [idle, { clientId: fixture.clientId, projectId: doomedProjectId }]), 'redirect', 'deleteProjectAction')
    expect((await manager.get(`/api/clients/${fixture.clientId}/projects/${doomedProjectId}`)).status()).toBe(allowed ? 404 : 200)

    // Staffing
    const month = everyone.indexOf(who) + 7
    const staffed = await callAction(call, action('staffEmployeeAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, employeeId: fixture.employeeId, role: `Action staffed ${tag}`, allocation: '10', startDate: `2033-${String(month).padStart(2, '0')}-01`, endDate: `2033-${String(month).padStart(2, '0')}-20`, status: 'confirmed' }])
    expectOutcome(staffed, 'success', 'staffEmployeeAction')
    expect((await project()).assignments.some((a: { role: string }) => a.role === `Action staffed ${tag}`)).toBe(allowed)

    const assignment = await createAssignment(`Action assignment ${tag}`, month)
    const change = await callAction(call, action('changeAssignmentAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, assignmentId: assignment.id, version: String(assignment.version), role: `Action changed ${tag}`, allocation: '15', startDate: assignment.startDate, endDate: assignment.endDate, status: 'confirmed' }])
    expectOutcome(change, 'success', 'changeAssignmentAction')
    expect((await project()).assignments.some((a: { role: string }) => a.role === `Action changed ${tag}`)).toBe(allowed)
    expectOutcome(await callAction(call, action('unstaffEmployeeAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, assignmentId: assignment.id }]), 'success', 'unstaffEmployeeAction')
    expect((await project()).assignments.some((a: { id: string }) => a.id === assignment.id)).toBe(!allowed)

    // Unfilled roles: planned, assigned and deleted by managers only
    const roleOf = async (name: string) => (await project()).roles.find((r: { role: string }) => r.role === name) as { id: string } | undefined
    const planned = await callAction(call, action('createUnfilledRoleAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, role: `Action role ${tag}`, practice: 'Data', allocation: '20', startDate: '2034-01-02', endDate: '2034-01-27', requirements: '[]' }])
    expectOutcome(planned, 'success', 'createUnfilledRoleAction')
    expect(Boolean(await roleOf(`Action role ${tag}`))).toBe(allowed)
    if (!allowed) await callAction(manager, action('createUnfilledRoleAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, role: `Action role ${tag}`, practice: 'Data', allocation: '20', startDate: '2034-01-02', endDate: '2034-01-27', requirements: '[]' }])
    const openRole = (await roleOf(`Action role ${tag}`))!
    const assign = await callAction(call, action('assignUnfilledRoleAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, roleId: openRole.id, employeeId: fixture.employeeId, fillToken: `fill-${who}-${run}`.replace(/\W/g, '-') }])
    expectOutcome(assign, 'redirect', 'assignUnfilledRoleAction')
    expect(Boolean(await roleOf(`Action role ${tag}`))).toBe(!allowed)
    if (allowed) {
      const made = (await project()).assignments.find((a: { role: string }) => a.role === `Action role ${tag}`) as { id: string }
      await callAction(manager, action('unstaffEmployeeAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, assignmentId: made.id }])
    } else {
      expectOutcome(await callAction(call, action('deleteUnfilledRoleAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, roleId: openRole.id }]), 'success', 'deleteUnfilledRoleAction')
      expect(Boolean(await roleOf(`Action role ${tag}`))).toBe(true)
      await callAction(manager, action('deleteUnfilledRoleAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, roleId: openRole.id }])
    }

    // Stacks and technologies
    const stackTech = await createTechnology(`Stack tech ${tag}`)
    expectOutcome(await callAction(call, action('addTechnologyAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, technologyId: stackTech.id }]), 'success', 'addTechnologyAction')
    expect((await project()).stack.some((s: { technologyId: string }) => s.technologyId === stackTech.id)).toBe(allowed)
    if (!allowed) await callAction(manager, action('addTechnologyAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, technologyId: stackTech.id }])
    expectOutcome(await callAction(call, action('setStackNoteAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, technologyId: stackTech.id, note: `v ${tag}` }]), 'success', 'setStackNoteAction')
    expect((await project()).stack.find((s: { technologyId: string }) => s.technologyId === stackTech.id)?.note === `v ${tag}`).toBe(allowed)
    expectOutcome(await callAction(call, action('removeTechnologyAction'), [{ clientId: fixture.clientId, projectId: fixture.projectId, technologyId: stackTech.id }]), 'success', 'removeTechnologyAction')
    expect((await project()).stack.some((s: { technologyId: string }) => s.technologyId === stackTech.id)).toBe(!allowed)

    const madeTech = await callAction(call, action('createTechnologyAction'), [{ name: `Action tech ${tag}`, category: 'tool' }])
    expectOutcome(madeTech, 'success', 'createTechnologyAction')
    expect((await json(await manager.get(`/api/technologies?q=${encodeURIComponent(`Action tech ${tag}`)}`))).items.length).toBe(allowed ? 1 : 0)

    const tech = (await json(await manager.get(`/api/technologies/${fixture.technologyId}`))).technology
    const category = tech.category === 'tool' ? 'cloud' : 'tool'
    expectOutcome(await callAction(call, action('updateTechnologyAction'), [idle, { technologyId: fixture.technologyId, version: String(tech.version), name: tech.name, category }]), 'success', 'updateTechnologyAction')
    expect((await json(await manager.get(`/api/technologies/${fixture.technologyId}`))).technology.category === category).toBe(allowed)

    const doomedTech = await createTechnology(`Doomed tech ${tag}`)
    expectOutcome(await callAction(call, action('deleteTechnologyAction'), [idle, { technologyId: doomedTech.id }]), 'redirect', 'deleteTechnologyAction')
    expect((await manager.get(`/api/technologies/${doomedTech.id}`)).status()).toBe(allowed ? 404 : 200)

    // People
    const email = `action.${who.replace(' ', '-')}.${run}@roster.example`
    expectOutcome(await callAction(call, action('createEmployeeAction'), [idle, { name: `Action Person ${tag}`, email, title: 'Engineer', practice: 'Data', location: 'Porto' }]), 'redirect', 'createEmployeeAction')
    expect((await json(await manager.get(`/api/employees?q=${encodeURIComponent(`Action Person ${tag}`)}`))).items.length).toBe(allowed ? 1 : 0)

    const person = (await json(await manager.get(`/api/employees/${fixture.employeeId}`))).employee
    expectOutcome(await callAction(call, action('updateEmployeeAction'), [idle, { ...person, employeeId: person.id, version: String(person.version), capacityHours: String(person.capacityHours), title: `Action title ${tag}` }]), 'redirect', 'updateEmployeeAction')
    expect((await json(await manager.get(`/api/employees/${fixture.employeeId}`))).employee.title === `Action title ${tag}`).toBe(allowed)

    // Skills: managers change anyone's; an employee only their own.
    const skillTech = await createTechnology(`Skill tech ${tag}`)
    const mayEditOwn = allowed || who === 'employee'
    const setSkill = await callAction(call, action('setSkillAction'), [idle, { employeeId: OWN_EMPLOYEE_ID, technologyId: skillTech.id, level: '4' }])
    if (mayEditOwn) expect(setSkill.state, `${who} setSkillAction ${setSkill.code ?? ''}`).toBe('success')
    else expect(setSkill.code, `${who} setSkillAction`).toBe(refusal(who))
    const skillsOf = async () => (await json(await manager.get(`/api/employees/${OWN_EMPLOYEE_ID}`))).skills as { technologyId: string }[]
    expect((await skillsOf()).some((s) => s.technologyId === skillTech.id)).toBe(mayEditOwn)
    if (!mayEditOwn) await callAction(manager, action('setSkillAction'), [idle, { employeeId: OWN_EMPLOYEE_ID, technologyId: skillTech.id, level: '2' }])
    const removeSkill = await callAction(call, action('removeSkillAction'), [{ employeeId: OWN_EMPLOYEE_ID, technologyId: skillTech.id }])
    if (mayEditOwn) expect(removeSkill.state, `${who} removeSkillAction`).toBe('success')
    else expect(removeSkill.code, `${who} removeSkillAction`).toBe(refusal(who))
    expect((await skillsOf()).some((s) => s.technologyId === skillTech.id)).toBe(!mayEditOwn)

    // Time off: managers record anyone's; an employee only their own.
    const mayRecordOwn = allowed || who === 'employee'
    const addTimeOff = await callAction(call, action('addTimeOffAction'), [idle, { employeeId: OWN_EMPLOYEE_ID, kind: 'vacation', startDate: '2030-03-04', endDate: '2030-03-05', note: `off ${tag}` }])
    if (mayRecordOwn) expect(addTimeOff.state, `${who} addTimeOffAction ${addTimeOff.code ?? ''}`).toBe('success')
    else expect(addTimeOff.code, `${who} addTimeOffAction`).toBe(refusal(who))
    const timeOffOf = async () => (await json(await manager.get(`/api/employees/${OWN_EMPLOYEE_ID}`))).employee.timeOff as { id: string; note?: string }[]
    let entry = (await timeOffOf()).find((t) => t.note === `off ${tag}`)
    expect(Boolean(entry), `${who}'s time off in the table`).toBe(mayRecordOwn)
    if (!entry) {
      await callAction(manager, action('addTimeOffAction'), [idle, { employeeId: OWN_EMPLOYEE_ID, kind: 'vacation', startDate: '2030-03-04', endDate: '2030-03-05', note: `off ${tag}` }])
      entry = (await timeOffOf()).find((t) => t.note === `off ${tag}`)!
    }
    const removeTimeOff = await callAction(call, action('removeTimeOffAction'), [{ employeeId: OWN_EMPLOYEE_ID, timeOffId: entry.id }])
    if (mayRecordOwn) expect(removeTimeOff.state, `${who} removeTimeOffAction`).toBe('success')
    else expect(removeTimeOff.code, `${who} removeTimeOffAction`).toBe(refusal(who))
    expect((await timeOffOf()).some((t) => t.id === entry!.id)).toBe(!mayRecordOwn)

    // Money: the firm's card (its lines sent back unchanged) and a project's own rates.
    const card = await json(await manager.get('/api/rate-card'))
    const cardLines = Object.fromEntries(card.rates.flatMap((line: { role: string; rate: number }, i: number) => [[`role.${i}`, line.role], [`rate.${i}`, (line.rate / 100).toFixed(2)]]))
    expectOutcome(await callAction(call, action('saveRateCardAction'), [idle, { version: String(card.version), ...cardLines }]), 'success', 'saveRateCardAction')
    const priced = await project()
    const ratesSaved = await callAction(call, action('saveProjectRatesAction'), [idle, { clientId: fixture.clientId, projectId: fixture.projectId, version: String(priced.version), 'role.0': `Action role ${tag}`, 'rate.0': '95' }])
    expectOutcome(ratesSaved, 'success', 'saveProjectRatesAction')
    expect(((await project()).rates ?? []).some((line: { role: string }) => line.role === `Action role ${tag}`)).toBe(allowed)

    // Users and roles: admins only.
    const role = await callAction(call, action('setUserRoleAction'), [idle, { userId: 'no-such-user', role: 'manager' }])
    if (who === 'admin') expect(role.code).toBe('not_found:user')
    else expect(role.code, `${who} setUserRoleAction`).toBe(refusal(who))
    // Inviting a user: admins only, and a refused invite makes no user.
    const invitedEmail = `invited.${who.replace(' ', '-')}.${run}@roster.example`
    const invite = await callAction(call, action('inviteUserAction'), [idle, { email: invitedEmail, role: 'admin', password: 'tulip-Harbour-93' }])
    if (who === 'admin') expect(invite.state, `admin inviteUserAction ${invite.code ?? ''}`).toBe('success')
    else expect(invite.code, `${who} inviteUserAction`).toBe(refusal(who))
    expect((await callers.admin.get('/admin/users').then((page) => page.text())).includes(invitedEmail), `${who}'s invite made a user`).toBe(who === 'admin')

    // Access tokens: anyone signed in makes and revokes their own.
    const token = await callAction(call, action('createTokenAction'), [idle, { name: `made by ${tag}`, expiresInDays: '1' }])
    if (who === 'anonymous' || who === 'token') expect(token.code).toBe(refusal(who))
    else expect(token.state, `${who} createTokenAction`).toBe('created')
    const revoke = await callAction(call, action('revokeTokenAction'), [{ tokenId: 'no-such-token' }])
    expect(revoke.code, `${who} revokeTokenAction`).toBe(who === 'anonymous' || who === 'token' ? refusal(who) : 'not_found:token')
  }
})
