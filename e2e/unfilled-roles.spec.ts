import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { addDays, mondayOfThisWeek, stamp, staff } from './helpers'
import { callAction, serverActions } from './server-actions'
import { formatDate } from '../lib/format'
import { formatWeek } from '../lib/roles/format'

// Unfilled roles as a staffing manager plans and fills them. Each test makes its people in a practice
// of its own, so /capacity's figures for that practice are exactly theirs; a role's practice is one of
// the firm's, so its unfilled demand is measured as a change. Where the order of the suggestions
// matters, the role requires technologies of the test's own, so the people suggested are exactly its.

const CLIENT = 'c00000000001'

async function personIn(request: APIRequestContext, name: string, practice: string, skills: Record<string, number> = { typescript: 5 }) {
  const response = await request.post('/api/employees', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'QA Engineer', practice, location: 'Lisbon', capacityHours: 40 },
  })
  expect(response.status()).toBe(201)
  const person = (await response.json()) as { id: string; name: string }
  const setSkill = serverActions({ employeeId: person.id }).get('setSkillAction')!
  for (const [technologyId, level] of Object.entries(skills)) {
    expect((await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: person.id, technologyId, level: String(level) }])).state).toBe('success')
  }
  return person
}

async function aTechnology(request: APIRequestContext, name: string) {
  const response = await request.post('/api/technologies', { data: { name, category: 'tool' } })
  expect(response.status()).toBe(201)
  return (await response.json()) as { id: string; name: string }
}

const hours = (text: string) => Number(text.replace(/[^\d.-]/g, ''))

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
  // /capacity streams its figures in: on a loaded machine they take longer than the usual wait.
  await expect(page.getByRole('heading', { name: `${practice}: week by week` })).toBeVisible({ timeout: 30_000 })
  const table = page.getByRole('table', { name: `${practice}: capacity and demand per week, in hours` })
  const row = table.getByRole('row', { name: new RegExp(`^${formatDate(monday)}`) })
  const cells = await row.getByRole('cell').allInnerTexts()
  return { capacity: cells[0], confirmed: cells[1], unfilled: cells[3], balance: cells[5] }
}

test('a manager plans an unfilled role, sees it as demand, and assigns the best suggested person', async ({ page, request }) => {
  test.setTimeout(120_000) // many pages, each rendered on a shared machine
  const id = stamp()
  const practice = `QA ${id}`
  const start = addDays(mondayOfThisWeek(), 14)
  const end = addDays(start, 7 * 8 - 3)
  const free = await personIn(request, `Free ${id}`, practice)
  const busy = await personIn(request, `Busy ${id}`, practice)
  const [project, elsewhere] = await activeProjects(request)
  await staff(request, CLIENT, elsewhere.id, { employeeId: busy.id, role: 'Tester', allocation: 100, startDate: start, endDate: end, status: 'confirmed' })
  const role = `Test engineer ${id}`
  const unfilledBefore = hours((await capacityWeek(page, 'Mobile', start)).unfilled)

  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('button', { name: 'Plan an unfilled role' }).click()
  const form = page.getByRole('form', { name: 'Plan an unfilled role' })
  await form.getByRole('button', { name: 'Plan unfilled role' }).click()
  await expect(form.getByText('Role is required')).toBeVisible()
  await form.getByLabel('Role', { exact: true }).fill(role)
  await expect(form.getByRole('combobox', { name: 'Practice' })).toHaveValue('')
  await expect(form.getByText('Practice is required')).toBeVisible()
  await form.getByRole('combobox', { name: 'Practice' }).selectOption('Mobile')
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

  await expect(roles.getByRole('row', { name: new RegExp(role) })).toContainText('Mobile')

  // Unfilled on the dashboard and, in the role's practice on /capacity, 80% of the practice's week (its
  // people's weekly hours, lib/capacity/unfilled-hours.ts) in each of its 8 weeks; figures are in tenths.
  await page.goto(`/clients/${CLIENT}`)
  await expect(page.getByRole('list', { name: `${project.name} unfilled roles` }).getByRole('listitem').filter({ hasText: role })).toContainText('Unfilled')
  const capacity = (await (await request.get('/api/capacity')).json()) as { practices: { name: string; roleWeekHours: number }[] }
  const mobileWeek = capacity.practices.find((entry) => entry.name === 'Mobile')!.roleWeekHours
  expect(mobileWeek).toBeGreaterThan(30)
  expect(Math.abs(hours((await capacityWeek(page, 'Mobile', start)).unfilled) - unfilledBefore - 0.8 * mobileWeek)).toBeLessThanOrEqual(0.1)
  const before = await capacityWeek(page, practice, start)
  expect(before).toMatchObject({ capacity: '80 h', confirmed: '40 h', unfilled: '0 h' })
  expect(before.balance).toBe('40 h free')
  // The chart answers the keyboard: focus it, and the arrow keys show a week's figures.
  const chart = page.getByRole('application', { name: `${practice}: capacity and demand per week` })
  await chart.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText(/Week of .*Capacity.*80 h/s)

  // The suggestions (the demo's TypeScript people among them): the free, skilled person above the busy one, with the evidence.
  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('link', { name: `Find people for ${role}` }).click()
  await expect(page.getByRole('heading', { name: `Unfilled role: ${role}` })).toBeVisible()
  const suggestions = page.getByRole('list', { name: 'Suggested people, best first' })
  const ranks = await suggestions.getByRole('heading', { level: 3 }).allTextContents()
  const rankOf = (name: string) => ranks.findIndex((text) => text.endsWith(`. ${name}`))
  expect(rankOf(free.name)).toBeGreaterThanOrEqual(0)
  // Who has no time ranks after everyone who meets the levels and has it: below the free person, or
  // past the end of the list (the demo has many TypeScript people with time; the reasons of a busy
  // match are checked in the suggestions test below).
  const busyRank = rankOf(busy.name)
  expect(busyRank === -1 || busyRank > rankOf(free.name), `busy at ${busyRank}, free at ${rankOf(free.name)}`).toBe(true)
  const best = suggestions.getByRole('article', { name: new RegExp(`^\\d+\\. ${free.name}$`) })
  await expect(best).toContainText('TypeScript: level 5 (needs 3+)')
  await expect(best).toContainText('Meets every level · has the time')
  await expect(best.getByRole('list', { name: 'Free capacity per week' }).getByRole('listitem')).toHaveCount(8)
  await expect(best.getByText(`Week commencing ${formatDate(start)}: 100% free`)).toBeAttached()

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
  expect(hours((await capacityWeek(page, 'Mobile', start)).unfilled)).toBe(unfilledBefore)
})

test('a second manager assigning a role already filled is told so, and nothing changes', async ({ page, browser, request }) => {
  const id = stamp()
  const practice = `QA ${id}`
  const technology = await aTechnology(request, `Race tech ${id}`)
  const [first, second] = await Promise.all([personIn(request, `First ${id}`, practice, { [technology.id]: 5 }), personIn(request, `Second ${id}`, practice, { [technology.id]: 5 })])
  const project = await openProject(request)
  const start = addDays(mondayOfThisWeek(), 7)
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  const created = await callAction(request, createRole, [{ status: 'idle' }, { clientId: CLIENT, projectId: project.id, role: `Race ${id}`, practice: 'Delivery', allocation: '50', startDate: start, endDate: addDays(start, 25), requirements: JSON.stringify([{ technologyId: technology.id, minLevel: 4 }]) }])
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

  // A full week elsewhere on top: the week is in deficit while tentative work counts, and just full
  // without it.
  const elsewhere = (await activeProjects(request)).find((candidate) => candidate.id !== project.id)!
  await staff(request, CLIENT, elsewhere.id, { employeeId: person.id, role: `Full week ${id}`, allocation: 100, startDate: start, endDate: addDays(start, 4), status: 'confirmed' })
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

  // An unfilled role: the planner lists it in its practice's "Unfilled roles" group.
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  expect((await callAction(request, createRole, [{ status: 'idle' }, { clientId: CLIENT, projectId: project.id, role: `Overflow ${id}`, practice: 'Design', allocation: '100', startDate: start, endDate: addDays(start, 4) }])).state).toBe('success')
  await page.goto('/planner?practice=Design')
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

test('suggestions put who can do the role and has the time first, say why in words, and switch to skills first; they fit a phone', async ({ page, request }) => {
  test.setTimeout(120_000) // many pages, each rendered on a shared machine
  const id = stamp()
  const practice = `QA ${id}`
  const start = addDays(mondayOfThisWeek(), 14)
  const end = addDays(start, 7 * 8 - 3)
  const [alpha, beta] = await Promise.all([aTechnology(request, `Alpha ${id}`), aTechnology(request, `Beta ${id}`)])
  // A free full match, a free person below one level (level 1 of Beta is not read at 3+: "no Beta"),
  // and a perfect match who is 95% booked: the old order put the last second, above a higher score.
  const match = await personIn(request, `Match ${id}`, practice, { [alpha.id]: 3, [beta.id]: 3 })
  const lower = await personIn(request, `Lower ${id}`, practice, { [alpha.id]: 5, [beta.id]: 1 })
  const busy = await personIn(request, `Busy ${id}`, practice, { [alpha.id]: 5, [beta.id]: 5 })
  const [project, elsewhere] = await activeProjects(request)
  await staff(request, CLIENT, elsewhere.id, { employeeId: busy.id, role: 'Tester', allocation: 95, startDate: start, endDate: end, status: 'confirmed' })
  const role = `Order ${id}`
  const createRole = serverActions({ clientId: CLIENT, projectId: project.id }).get('createUnfilledRoleAction')!
  const requirements = JSON.stringify([{ technologyId: alpha.id, minLevel: 3 }, { technologyId: beta.id, minLevel: 3 }])
  const base = { clientId: CLIENT, projectId: project.id, role, allocation: '100', startDate: start, endDate: end, requirements }
  // The practice is one of the firm's, checked on the server too.
  const refused = await callAction(request, createRole, [{ status: 'idle' }, { ...base, practice: 'Quality' }])
  expect(refused.state).toBe('error')
  expect(refused.text).toContain("Choose one of the firm's practices")
  expect((await callAction(request, createRole, [{ status: 'idle' }, { ...base, practice: 'Design' }])).state).toBe('success')

  await page.goto(`/clients/${CLIENT}/projects/${project.id}`)
  await page.getByRole('link', { name: `Find people for ${role}` }).click()
  await expect(page.getByRole('heading', { name: `Unfilled role: ${role}` })).toBeVisible()
  const rolePage = page.url()
  const suggestions = page.getByRole('list', { name: 'Suggested people, best first' })
  const order = () => suggestions.getByRole('heading', { level: 3 })
  const card = (name: string) => suggestions.getByRole('article', { name: new RegExp(`^\\d+\\. ${name}$`) })
  await expect(order()).toHaveText([`1. ${match.name}`, `2. ${lower.name}`, `3. ${busy.name}`])
  await expect(card(match.name)).toContainText('Meets every level · has the time')
  await expect(card(lower.name)).toContainText(`Has the time · no ${beta.name} at 3+`)
  await expect(card(busy.name)).toContainText(`Meets every level · would be over-allocated from ${formatDate(start)}`)
  // Each chip shows its week under the free %, and says both to a screen reader.
  const chips = card(busy.name).getByRole('list', { name: 'Free capacity per week' }).getByRole('listitem')
  await expect(chips).toHaveCount(8)
  await expect(chips.first()).toContainText(formatWeek(start))
  await expect(chips.first()).toContainText('5%')
  await expect(chips.first().getByText(`Week commencing ${formatDate(start)}: 5% free`)).toBeAttached()
  await expect(chips.nth(1).getByText(`Week commencing ${formatDate(addDays(start, 7))}: 5% free`)).toBeAttached()
  expect((await new AxeBuilder({ page }).analyze()).violations, 'suggestions at 1280').toEqual([])

  // The switch: skills first, in the address, so it survives a reload and can be linked.
  const skillsFirst = page.getByRole('switch', { name: 'Skills first' })
  await expect(skillsFirst).toHaveAttribute('aria-checked', 'false')
  await skillsFirst.click()
  await expect(page).toHaveURL(/[?&]order=skills\b/)
  await expect(order()).toHaveText([`1. ${match.name}`, `2. ${busy.name}`, `3. ${lower.name}`])
  await page.reload()
  await expect(skillsFirst).toHaveAttribute('aria-checked', 'true')
  await expect(order()).toHaveText([`1. ${match.name}`, `2. ${busy.name}`, `3. ${lower.name}`])
  await skillsFirst.press('Space')
  await expect(skillsFirst).toHaveAttribute('aria-checked', 'false')
  await expect(page).not.toHaveURL(/order=/)
  await expect(order()).toHaveText([`1. ${match.name}`, `2. ${lower.name}`, `3. ${busy.name}`])

  // On a phone: cards, nothing sideways, and every Assign on the screen's width.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(rolePage)
  await expect(order()).toHaveCount(3)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  const list = await suggestions.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }))
  expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth)
  for (const person of [match, lower, busy]) {
    const assign = card(person.name).getByRole('button', { name: `Assign ${person.name}` })
    await assign.scrollIntoViewIfNeeded()
    await expect(assign).toBeInViewport()
    const box = (await assign.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
  }
  expect((await new AxeBuilder({ page }).analyze()).violations, 'suggestions at 390').toEqual([])
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
