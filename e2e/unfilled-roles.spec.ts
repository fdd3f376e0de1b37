import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { addDays, mondayOfThisWeek, stamp, staff } from './helpers'
import { callAction, serverActions } from './server-actions'
import { formatDate } from '../lib/format'

// Unfilled roles as a staffing manager plans and fills them. Each test makes its people in a practice
// of its own, so the suggestions and /capacity's figures for that practice are exactly theirs.

const CLIENT = 'c00000000001'

async function personIn(request: APIRequestContext, name: string, practice: string) {
  const response = await request.post('/api/employees', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'QA Engineer', practice, location: 'Lisbon', capacityHours: 40 },
  })
  expect(response.status()).toBe(201)
  const person = (await response.json()) as { id: string; name: string }
  const setSkill = serverActions({ employeeId: person.id }).get('setSkillAction')!
  await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: person.id, technologyId: 'typescript', level: '5' }])
  return person
}

async function activeProjects(request: APIRequestContext) {
  const dashboard = (await (await request.get(`/api/clients/${CLIENT}`)).json()) as { projects: { id: string; name: string; status: string }[] }
  return dashboard.projects.filter((candidate) => candidate.status === 'active')
}

const openProject = async (request: APIRequestContext) => (await activeProjects(request))[0]

/** The row of /capacity's table for the week starting `monday`, as "column header -> cell text". */
async function capacityWeek(page: Page, practice: string, monday: string) {
  await page.goto('/capacity')
  await page.getByRole('combobox', { name: 'Practice' }).selectOption({ label: practice })
  await page.getByRole('button', { name: 'Show practice' }).click()
  await expect(page.getByRole('heading', { name: `${practice}: week by week` })).toBeVisible()
  const table = page.getByRole('table', { name: `${practice}: capacity and demand per week, in hours` })
  const row = table.getByRole('row', { name: new RegExp(`^${formatDate(monday)}`) })
  const cells = await row.getByRole('cell').allInnerTexts()
  return { capacity: cells[0], confirmed: cells[1], unfilled: cells[3], balance: cells[5] }
}

test('a manager plans an unfilled role, sees it as demand, and assigns the best suggested person', async ({ page, request }) => {
  const id = stamp()
  const practice = `QA ${id}`
  const start = addDays(mondayOfThisWeek(), 14)
  const end = addDays(start, 7 * 8 - 3)
  const free = await personIn(request, `Free ${id}`, practice)
  const busy = await personIn(request, `Busy ${id}`, practice)
  const [project, elsewhere] = await activeProjects(request)
  await staff(request, CLIENT, elsewhere.id, { employeeId: busy.id, role: 'Tester', allocation: 100, startDate: start, endDate: end, status: 'confirmed' })
  const role = `Test engineer ${id}`

  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('button', { name: 'Plan an unfilled role' }).click()
  const form = page.getByRole('form', { name: 'Plan an unfilled role' })
  await form.getByRole('button', { name: 'Plan unfilled role' }).click()
  await expect(form.getByText('Role is required')).toBeVisible()
  await form.getByLabel('Role', { exact: true }).fill(role)
  await form.getByLabel('Practice').fill(practice)
  await form.getByRole('combobox', { name: 'Technology' }).fill('TypeScript')
  await page.getByRole('option', { name: /^TypeScript/ }).first().click()
  await form.getByLabel('Minimum level').selectOption('3')
  await form.getByRole('button', { name: 'Add requirement' }).click()
  await expect(form.getByRole('list', { name: 'Required technologies' })).toHaveText(/TypeScript 3\+/)
  await form.getByLabel('Allocation (%)').fill('80')
  await form.getByLabel('Start date').fill(start)
  await form.getByLabel('End date').fill(end)
  await form.getByRole('button', { name: 'Plan unfilled role' }).click()
  const roles = page.getByRole('table', { name: `Unfilled roles of ${project.name}` })
  await expect(roles.getByRole('row', { name: new RegExp(role) })).toContainText('TypeScript 3+')

  // Unfilled on the dashboard and on /capacity: 80% of a 40-hour week in each of its 8 weeks.
  await page.goto(`/clients/${CLIENT}`)
  await expect(page.getByRole('list', { name: `${project.name} unfilled roles` }).getByRole('listitem').filter({ hasText: role })).toContainText('Unfilled')
  const before = await capacityWeek(page, practice, start)
  expect(before).toMatchObject({ capacity: '80 h', confirmed: '40 h', unfilled: '32 h' })
  expect(before.balance).toBe('8 h free')
  expect((await capacityWeek(page, practice, addDays(start, 7 * 8))).unfilled).toBe('0 h')
  // The chart answers the keyboard: focus it, and the arrow keys show a week's figures.
  const chart = page.getByRole('application', { name: `${practice}: capacity and demand per week` })
  await chart.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText(/Week of .*Capacity.*80 h/s)

  // The suggestions: the free, skilled person first, with the evidence.
  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('link', { name: `Find people for ${role}` }).click()
  await expect(page.getByRole('heading', { name: `Unfilled role: ${role}` })).toBeVisible()
  const suggestions = page.getByRole('table', { name: 'Suggested people, best first' })
  const best = suggestions.getByRole('row', { name: `1. ${free.name}` })
  await expect(best).toContainText('TypeScript: level 5 (needs 3+)')
  await expect(best.getByRole('list', { name: 'Free capacity per week' }).getByRole('listitem')).toHaveCount(8)
  await expect(best.getByRole('listitem', { name: `Week of ${formatDate(start)}: 100% free` })).toBeVisible()
  const busyRow = suggestions.getByRole('row', { name: new RegExp(`\\. ${busy.name}$`) })
  await expect(busyRow).toContainText('Would be over-allocated in 8 weeks')

  await best.getByRole('button', { name: `Assign ${free.name}` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'was assigned' })).toHaveText(`${free.name} was assigned to the role; it is no longer unfilled.`)
  await expect(page.getByRole('table', { name: `Unfilled roles of ${project.name}` }).getByRole('row', { name: new RegExp(role) })).toHaveCount(0)
  await expect(page.getByRole('link', { name: free.name })).toBeVisible()

  // The person's timeline shows the booking; unfilled demand drops by the role's 32 hours, and the
  // person's confirmed demand rises by the same.
  await page.goto(`/employees/${free.id}`)
  await expect(page.getByRole('link', { name: project.name }).first()).toBeVisible()
  const after = await capacityWeek(page, practice, start)
  expect(after).toMatchObject({ capacity: '80 h', confirmed: '72 h', unfilled: '0 h' })
})

test('a second manager assigning a role already filled is told so, and nothing changes', async ({ page, browser, request }) => {
  const id = stamp()
  const practice = `QA ${id}`
  const [first, second] = await Promise.all([personIn(request, `First ${id}`, practice), personIn(request, `Second ${id}`, practice)])
  const project = await openProject(request)
  const start = addDays(mondayOfThisWeek(), 7)
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  const created = await callAction(request, createRole, [{ status: 'idle' }, { clientId: CLIENT, projectId: project.id, role: `Race ${id}`, practice, allocation: '50', startDate: start, endDate: addDays(start, 25), requirements: '[{"technologyId":"typescript","minLevel":4}]' }])
  expect(created.state).toBe('success')
  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('link', { name: `Find people for Race ${id}` }).click()
  await expect(page.getByRole('heading', { name: `Unfilled role: Race ${id}` })).toBeVisible()
  const other = await browser.newPage({ storageState: 'e2e/.auth/manager.json' })
  await other.goto(page.url())
  await expect(other.getByRole('heading', { name: `Unfilled role: Race ${id}` })).toBeVisible()

  await page.getByRole('button', { name: `Assign ${first.name}` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'was assigned' })).toContainText(`${first.name} was assigned`)
  await other.getByRole('button', { name: `Assign ${second.name}` }).click()
  await expect(other.getByRole('alert').filter({ hasText: 'no longer open' })).toHaveText(/This role is no longer open: someone filled or deleted it\. Nothing was changed/)
  await other.close()
  const staffing = (await (await request.get(`/api/clients/${CLIENT}/projects/${project.id}`)).json()) as { assignments: { employeeId: string }[] }
  expect(staffing.assignments.filter((a) => a.employeeId === first.id || a.employeeId === second.id).map((a) => a.employeeId)).toEqual([first.id])
})

test('the staffing plan and the capacity figures export as CSV; a bad period is named', async ({ page, request }) => {
  const id = stamp()
  const practice = `QA ${id}`
  const person = await personIn(request, `Export ${id}`, practice)
  const project = await openProject(request)
  const start = addDays(mondayOfThisWeek(), 7)
  await staff(request, CLIENT, project.id, { employeeId: person.id, role: `Exporter ${id}`, allocation: 40, startDate: start, endDate: addDays(start, 11), status: 'tentative' })

  const plan = await request.get(`/api/exports/staffing?from=${start}&to=${addDays(start, 30)}`)
  expect(plan.status()).toBe(200)
  expect(plan.headers()['content-type']).toContain('text/csv')
  expect(plan.headers()['content-disposition']).toContain(`roster-staffing-${start}-to-${addDays(start, 30)}.csv`)
  const lines = (await plan.text()).trim().split('\n')
  expect(lines[0]).toBe('Type,Person,Practice,Client,Project,Role,Allocation %,Start,End,Status')
  expect(lines.filter((line) => line.includes(`Exporter ${id}`))).toEqual([expect.stringMatching(new RegExp(`^assignment,${person.name},,.*,Exporter ${id},40,${start},${addDays(start, 11)},tentative$`))])
  expect(lines.some((line) => line.startsWith('unfilled role,'))).toBe(true)

  const bad = await request.get('/api/exports/staffing?from=2027-05-01&to=2027-01-01')
  expect(bad.status()).toBe(400)
  expect((await bad.json()).error.fields.to).toEqual(['To must be on or after From'])

  const capacity = await request.get(`/api/exports/capacity?practice=${encodeURIComponent(practice.toLowerCase())}`)
  expect(capacity.status()).toBe(200)
  const rows = (await capacity.text()).trim().split('\n')
  expect(rows[0]).toBe('Practice,Week of,People,Capacity h,Confirmed h,Tentative h,Unfilled h,Unfilled tentative h,Demand h,Deficit h')
  expect(rows).toHaveLength(27)
  expect(rows.find((row) => row.startsWith(`${practice},${start},`))).toBe(`${practice},${start},1,40,0,16,0,0,16,0`)
  const unknown = await request.get('/api/exports/capacity?practice=nobody-here')
  expect(unknown.status()).toBe(400)

  // An unfilled role of a full week on top: the week is in deficit while tentative work counts, and
  // just full without it; the planner lists the role in the practice's "Unfilled roles" group.
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  await callAction(request, createRole, [{ status: 'idle' }, { clientId: CLIENT, projectId: project.id, role: `Overflow ${id}`, practice, allocation: '100', startDate: start, endDate: addDays(start, 4) }])
  await page.goto('/capacity')
  await page.getByRole('combobox', { name: 'Practice' }).selectOption({ label: practice })
  await page.getByRole('button', { name: 'Show practice' }).click()
  const week = page.getByRole('table', { name: `${practice}: capacity and demand per week, in hours` }).getByRole('row', { name: new RegExp(`^${formatDate(start)}`) })
  await expect(week).toContainText('Deficit 16 h')
  await expect(page.getByText('1 week in deficit (shaded)')).toBeVisible()
  await page.getByRole('switch', { name: 'Count tentative work' }).click()
  await expect(page.getByRole('switch', { name: 'Count tentative work' })).toHaveAttribute('aria-checked', 'false')
  await expect(week).toContainText('0 h free')
  await expect(page.getByText('no week in deficit')).toBeVisible()
  await page.goto(`/planner?practice=${encodeURIComponent(practice)}`)
  const group = page.getByRole('region', { name: 'Unfilled roles', exact: true })
  await group.getByRole('button', { name: 'Show unfilled roles' }).click()
  await expect(group.getByRole('rowheader', { name: new RegExp(`Overflow ${id}`) })).toBeVisible()
  await expect(group.getByRole('row', { name: new RegExp(`Overflow ${id}`) }).getByRole('cell').filter({ hasText: '100%' })).toHaveCount(1)

  // From /capacity: the staffing plan over a chosen period, downloaded.
  await page.goto('/capacity')
  const form = page.getByRole('form', { name: 'Export the staffing plan' })
  await form.getByLabel('From').fill(start)
  await form.getByLabel('To').fill(addDays(start, 30))
  const download = page.waitForEvent('download')
  await form.getByRole('button', { name: 'Export staffing plan (CSV)' }).click()
  expect((await download).suggestedFilename()).toBe(`roster-staffing-${start}-to-${addDays(start, 30)}.csv`)
})

test('a manager changes an unfilled role in its dialog; a bad end date is named and what was typed stays', async ({ page, request }) => {
  const id = stamp()
  const project = await openProject(request)
  const start = addDays(mondayOfThisWeek(), 7)
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  await callAction(request, createRole, [{ status: 'idle' }, { clientId: CLIENT, projectId: project.id, role: `Change me ${id}`, practice: 'Data', allocation: '50', startDate: start, endDate: addDays(start, 25) }])
  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('button', { name: `Change unfilled role Change me ${id}` }).click()
  const dialog = page.getByRole('dialog', { name: `Change unfilled role Change me ${id}` })
  await expect(dialog.getByLabel('Allocation (%)')).toHaveValue('50')
  await dialog.getByLabel('Allocation (%)').fill('60')
  await dialog.getByLabel('End date').fill(addDays(start, -7))
  await dialog.getByRole('button', { name: 'Save role' }).click()
  await expect(dialog.getByText('End date must be on or after the start date')).toBeVisible()
  await expect(dialog.getByLabel('Allocation (%)')).toHaveValue('60')
  await dialog.getByLabel('End date').fill(addDays(start, 39))
  await dialog.getByRole('button', { name: 'Save role' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('table', { name: `Unfilled roles of ${project.name}` }).getByRole('row', { name: new RegExp(`Change me ${id}`) })
  await expect(row).toContainText('60%')
  await expect(row).toContainText(formatDate(addDays(start, 39)).replace(/ \d{4}$/, ''))
})
