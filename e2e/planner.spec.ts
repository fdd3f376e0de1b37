import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { addDays, mondayOfThisWeek, stamp, staff } from './helpers'
import { callAction, serverActions } from './server-actions'
import { formatDate } from '../lib/format'

// The team planner as a staffing manager uses it. Each test makes its own people at an office of its
// own, so the location filter (a key condition) shows exactly them.

async function personAt(request: APIRequestContext, name: string, location: string) {
  const response = await request.post('/api/employees', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'Data Engineer', practice: 'Data', location },
  })
  expect(response.status()).toBe(201)
  return (await response.json()) as { id: string; name: string }
}

async function openProject(request: APIRequestContext) {
  const dashboard = (await (await request.get('/api/clients/c00000000001')).json()) as { client: { name: string }; projects: { id: string; name: string; status: string }[] }
  const project = dashboard.projects.find((candidate) => candidate.status !== 'completed')!
  return { clientName: dashboard.client.name, project }
}

const cell = (page: Page, name: string, weekStart: string) => page.getByRole('gridcell', { name: new RegExp(`^${name}, week of ${formatDate(weekStart)}:`) })

test('a manager finds who is free at least 50% for 8 weeks from a date, and staffs one of them from the grid', async ({ page, request }) => {
  const id = stamp()
  const office = `Office ${id}`
  const monday = mondayOfThisWeek()
  const from = addDays(monday, 14)
  const [free, busy, half] = await Promise.all([`Free ${id}`, `Busy ${id}`, `Half ${id}`].map((name) => personAt(request, name, office)))
  const { clientName, project } = await openProject(request)
  await staff(request, 'c00000000001', project.id, { employeeId: busy.id, role: 'Engineer', allocation: 80, startDate: monday, endDate: addDays(from, 70), status: 'confirmed' })
  // Free except in the third week of the eight: 60% booked leaves 40%.
  await staff(request, 'c00000000001', project.id, { employeeId: half.id, role: 'Engineer', allocation: 60, startDate: addDays(from, 14), endDate: addDays(from, 18), status: 'confirmed' })

  await page.goto('/planner')
  await page.getByRole('button', { name: 'Filters' }).click()
  const filters = page.getByRole('search', { name: 'Planner filters' })
  await filters.getByLabel('Office').fill(office)
  await filters.getByLabel('Free at least (%)').fill('50')
  await filters.getByLabel('Free from').fill(from)
  await filters.getByLabel('For weeks').fill('8')
  await filters.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'free at least 50% for 8 weeks' })).toHaveText(`1 of the 3 people on this page is free at least 50% for 8 weeks from ${from}.`)
  const grid = page.getByRole('grid', { name: 'Availability by period' })
  await expect(grid.getByRole('rowheader', { name: new RegExp(free.name) })).toBeVisible()
  await expect(grid.getByRole('rowheader', { name: new RegExp(`${busy.name}|${half.name}`) })).toHaveCount(0)

  // Select four weeks from the date in the free person's row, then staff them at half time.
  await cell(page, free.name, from).click()
  await cell(page, free.name, addDays(from, 21)).click({ modifiers: ['Shift'] })
  await expect(cell(page, free.name, addDays(from, 7))).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('button', { name: `Staff ${free.name}…` }).click()
  const dialog = page.getByRole('dialog', { name: `Staff ${free.name}` })
  await expect(dialog.getByLabel('Start date')).toHaveValue(formatDate(from))
  await expect(dialog.getByLabel('End date')).toHaveValue(formatDate(addDays(from, 25)))
  await expect(dialog.getByLabel('Allocation (%)')).toHaveValue('100')
  await dialog.getByRole('button', { name: `Staff ${free.name}` }).click()
  await expect(dialog.getByText('Client is required')).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Client' }).fill(clientName.slice(0, 6))
  await page.getByRole('option', { name: new RegExp(`^${clientName}`) }).click()
  await dialog.getByLabel('Project').selectOption(project.id)
  await dialog.getByLabel('Role').fill('Data Engineer')
  await dialog.getByLabel('Allocation (%)').fill('50')
  await dialog.getByRole('button', { name: `Staff ${free.name}` }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`${free.name} staffed as Data Engineer`)).toBeVisible()
  // The grid shows the booking at once; the person is still free 50% (and no longer 60%).
  await expect(cell(page, free.name, from)).toHaveAccessibleName(/: 50% booked, 50% free$/)
  await page.goto(`/planner?location=${encodeURIComponent(office)}&freeAtLeast=60&freeFrom=${from}&freeWeeks=8`)
  await expect(page.getByText('Nobody on this page matches')).toBeVisible()

  // The person's own timeline shows it.
  await page.goto(`/employees/${free.id}`)
  await expect(page.getByRole('table', { name: 'Weekly staffing timeline' }).getByLabel(new RegExp(`^${project.name} .*50%`)).first()).toBeVisible()
})

test('time off lowers that week’s availability on the planner, the timeline and the technology page', async ({ page, request }) => {
  const id = stamp()
  const office = `Office ${id}`
  const person = await personAt(request, `Away ${id}`, office)
  const { project } = await openProject(request)
  const monday = mondayOfThisWeek()
  await staff(request, 'c00000000001', project.id, { employeeId: person.id, role: 'Engineer', allocation: 50, startDate: monday, status: 'confirmed' })
  const setSkill = serverActions({ employeeId: person.id }).get('setSkillAction')!
  await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: person.id, technologyId: 'typescript', level: '3' }])

  await page.goto(`/planner?location=${encodeURIComponent(office)}`)
  await expect(cell(page, person.name, monday)).toHaveAccessibleName(/: 50% booked, 50% free$/)

  // The whole of this week off (to Sunday, so today is off whatever the day).
  await page.goto(`/employees/${person.id}`)
  const form = page.getByRole('form', { name: 'Record time off' })
  await form.getByLabel('Kind').selectOption('vacation')
  await form.getByLabel('First day off').fill(monday)
  await form.getByLabel('Last day off').fill(addDays(monday, 6))
  await form.getByRole('button', { name: 'Record time off' }).click()
  await expect(page.getByRole('region', { name: 'Time off' })).toContainText(formatDate(monday))
  await expect(page.getByTestId(`week-total-${monday}`)).toHaveAttribute('aria-label', /5 days off \(0% free\)/)

  await page.goto(`/planner?location=${encodeURIComponent(office)}`)
  await expect(cell(page, person.name, monday)).toHaveAccessibleName(/: 0% booked, 100% time off, 0% free$/)
  await expect(cell(page, person.name, addDays(monday, 7))).toHaveAccessibleName(/: 50% booked, 50% free$/)
  // The skill filter reads the technology's partition, whose skill items carry the time off too.
  await page.goto(`/planner?technologyId=typescript&minLevel=3&location=${encodeURIComponent(office)}`)
  await expect(cell(page, person.name, monday)).toHaveAccessibleName(/100% time off/)
  await page.goto('/technologies/typescript')
  await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText('On time off')
})

test('the grid works by keyboard alone: arrows, a range with Shift, Enter to staff, a row opened to its assignments', async ({ page, request }) => {
  const id = stamp()
  const office = `Office ${id}`
  const [first, second] = await Promise.all([`Ada ${id}`, `Bob ${id}`].map((name) => personAt(request, name, office)))
  const { project } = await openProject(request)
  const monday = mondayOfThisWeek()
  await staff(request, 'c00000000001', project.id, { employeeId: first.id, role: 'Analyst', allocation: 40, startDate: monday, endDate: addDays(monday, 60), status: 'tentative' })

  await page.goto(`/planner?location=${encodeURIComponent(office)}`)
  const grid = page.getByRole('grid', { name: 'Availability by period' })
  await expect(grid).toBeVisible()
  // Tab until the grid has focus: it is one tab stop.
  for (let i = 0; i < 40 && !(await grid.evaluate((element) => element.contains(document.activeElement))); i++) await page.keyboard.press('Tab')
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')
  expect(await focused()).toMatch(/^Data, /)
  await page.keyboard.press('ArrowDown')
  expect(await focused()).toBe(`${first.name}, week of ${formatDate(monday)}: 40% booked, 40% of it tentative, 60% free`)
  await page.keyboard.press('ArrowDown')
  expect(await focused()).toMatch(new RegExp(`^${second.name}, week of ${formatDate(monday)}: 0% booked, 100% free$`))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  expect(await focused()).toMatch(new RegExp(`^${second.name}, week of ${formatDate(addDays(monday, 21))}:`))
  await expect(page.getByText(`Selected ${second.name}, ${formatDate(addDays(monday, 7))} – ${formatDate(addDays(monday, 25))}`)).toBeVisible()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Staff ${second.name}` })
  await expect(dialog.getByLabel('Start date')).toHaveValue(formatDate(addDays(monday, 7)))
  await expect(dialog.getByLabel('End date')).toHaveValue(formatDate(addDays(monday, 25)))
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Up to the first person, Home to their name, Enter opens the row; the assignment shows as a bar.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Home')
  await expect(page.getByRole('button', { name: new RegExp(first.name) })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: new RegExp(first.name) })).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('ArrowDown')
  const bars = page.getByRole('list', { name: `${first.name}’s assignments in this period` })
  await expect(bars.getByRole('button', { name: new RegExp(`${project.name}, Analyst, 40%, .*tentative`) })).toBeVisible()
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell')
  // Months: twelve month columns.
  await page.getByRole('navigation', { name: 'Zoom' }).getByRole('link', { name: 'Months' }).click()
  await expect(grid.getByRole('columnheader')).toHaveCount(13)
})

test('bad filters are named by field and the page still answers; the API says the same with a 400', async ({ page, request }) => {
  const response = await page.goto('/planner?freeAtLeast=150&freeFrom=2027-02-30&minLevel=3')
  expect(response?.status()).toBe(200)
  const filters = page.getByRole('search', { name: 'Planner filters' })
  await expect(filters.getByLabel('Free at least (%)')).toHaveAccessibleDescription('Free at least must be between 1 and 100')
  await expect(filters.getByLabel('Free from')).toHaveAccessibleDescription('Free from must be a date (YYYY-MM-DD)')
  await expect(filters.getByLabel('Minimum level')).toHaveAccessibleDescription('Choose a technology for a minimum level')
  const api = await request.get('/api/planner?freeAtLeast=150')
  expect(api.status()).toBe(400)
  expect((await api.json()).error.fields.freeAtLeast).toEqual(['Free at least must be between 1 and 100'])
})

test('at 1280×800 the first screen shows at least 15 people, a year on the headers, and the month view fits', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/planner')
  const grid = page.getByRole('grid', { name: 'Availability by period' })
  await expect(grid).toBeVisible()
  const people = grid.locator('tbody th[role=rowheader] button[aria-expanded]')
  const bottoms = await people.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().bottom))
  expect(bottoms.filter((bottom) => bottom <= 800).length).toBeGreaterThanOrEqual(15)
  await expect(grid.getByRole('columnheader').nth(1)).toContainText(String(new Date().getUTCFullYear()))
  for (const zoom of ['weeks', 'months']) {
    await page.goto(`/planner?zoom=${zoom}`)
    await expect(grid).toBeVisible()
    const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, grid: document.querySelector('table[role=grid]')!.parentElement!.scrollWidth - document.querySelector('table[role=grid]')!.parentElement!.clientWidth }))
    expect(overflow, zoom).toEqual({ page: 1280, grid: 0 })
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 })
    expect((await new AxeBuilder({ page }).analyze()).violations, `planner at ${width}`).toEqual([])
  }
})

test('a practice group counts the whole practice, and a filter typed into the address shows in the toolbar', async ({ page, request }) => {
  // The practice's headcount, counted independently: every page of the planner's JSON for it.
  let headcount = 0
  let cursor = ''
  do {
    const body = (await (await request.get(`/api/planner?practice=Backend${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { people: unknown[]; nextCursor: string | null }
    headcount += body.people.length
    cursor = body.nextCursor ?? ''
  } while (cursor)
  expect(headcount).toBeGreaterThan(1)
  await page.goto('/planner?practice=backend')
  const grid = page.getByRole('grid', { name: 'Availability by period' })
  await expect(grid.getByRole('rowheader', { name: new RegExp(`^Backend · ${headcount} people$`) })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: 'Remove filter Practice: Backend' })).toBeVisible()
  await page.getByRole('button', { name: /^Filters/ }).click()
  await expect(page.getByRole('search', { name: 'Planner filters' }).getByLabel('Practice')).toHaveValue('Backend')
  // Unfiltered, the first page holds some of Backend and says how many the practice has.
  await page.goto('/planner')
  await expect(grid.getByRole('rowheader', { name: new RegExp(`^Backend · (\\d+ of ${headcount} · continued|${headcount} people)`) })).toBeVisible()
})

test('cells switch between percent and hours', async ({ page, request }) => {
  const id = stamp()
  const office = `Office ${id}`
  const person = await personAt(request, `Hours ${id}`, office)
  const { project } = await openProject(request)
  const monday = mondayOfThisWeek()
  await staff(request, 'c00000000001', project.id, { employeeId: person.id, role: 'Engineer', allocation: 50, startDate: addDays(monday, 7), endDate: addDays(monday, 11), status: 'confirmed' })
  await page.goto(`/planner?location=${encodeURIComponent(office)}`)
  await expect(cell(page, person.name, addDays(monday, 7))).toHaveText('50%')
  await page.getByRole('navigation', { name: 'Cells show' }).getByRole('link', { name: 'Hours' }).click()
  await expect(page).toHaveURL(/unit=hours/)
  // 50% of a 40-hour week.
  await expect(cell(page, person.name, addDays(monday, 7))).toHaveText('20h')
  await expect(cell(page, person.name, addDays(monday, 7))).toHaveAccessibleName(new RegExp(`50% booked \\(20 hours, 20 free\\)`))
})

/** The person's assignment as the server holds it now. */
async function assignmentOf(request: APIRequestContext, employeeId: string) {
  const body = (await (await request.get(`/api/employees/${employeeId}`)).json()) as { assignments: { id: string; startDate: string; endDate: string | null; allocation: number; version: number; role: string; status: string }[] }
  return body.assignments[0]
}

test('a bar dragged by mouse, or moved by keyboard, changes the assignment’s dates; a stale drag is refused with the other change', async ({ page, request }) => {
  const id = stamp()
  const office = `Office ${id}`
  const person = await personAt(request, `Drag ${id}`, office)
  const { project } = await openProject(request)
  const monday = mondayOfThisWeek()
  await staff(request, 'c00000000001', project.id, { employeeId: person.id, role: 'Engineer', allocation: 60, startDate: addDays(monday, 7), endDate: addDays(monday, 27), status: 'confirmed' })
  await page.goto(`/planner?location=${encodeURIComponent(office)}`)
  await page.getByRole('button', { name: new RegExp(person.name) }).click()
  const bar = page.getByRole('list', { name: `${person.name}’s assignments in this period` }).getByRole('button', { name: new RegExp(`${project.name}, Engineer, 60%`) })
  await expect(bar).toBeVisible()
  const status = page.locator('[aria-live=polite]').filter({ hasText: project.name })

  // The mouse: the whole bar a week later (84 days span the track, so a week is 7/84 of it).
  const track = (await bar.evaluate((element) => element.parentElement!.getBoundingClientRect().width)) as number
  const box = (await bar.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + (track * 7) / 84, box.y + box.height / 2, { steps: 6 })
  await page.mouse.up()
  await expect(status).toContainText(`saved, now ${formatDate(addDays(monday, 14))} – ${formatDate(addDays(monday, 34))}`)
  expect(await assignmentOf(request, person.id)).toMatchObject({ startDate: addDays(monday, 14), endDate: addDays(monday, 34) })

  // Its end, by the handle: three days later.
  const moved = (await bar.boundingBox())!
  await page.mouse.move(moved.x + moved.width - 3, moved.y + moved.height / 2)
  await page.mouse.down()
  await page.mouse.move(moved.x + moved.width - 3 + (track * 3) / 84, moved.y + moved.height / 2, { steps: 4 })
  await page.mouse.up()
  await expect(status).toContainText(`saved, now ${formatDate(addDays(monday, 14))} – ${formatDate(addDays(monday, 37))}`)

  // The keyboard: two days earlier, Enter to save.
  await bar.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(status).toContainText(`${formatDate(addDays(monday, 12))} – ${formatDate(addDays(monday, 35))}. Enter saves`)
  await page.keyboard.press('Enter')
  await expect(status).toContainText(`saved, now ${formatDate(addDays(monday, 12))} – ${formatDate(addDays(monday, 35))}`)
  expect(await assignmentOf(request, person.id)).toMatchObject({ startDate: addDays(monday, 12), endDate: addDays(monday, 35) })

  // Another manager changes it meanwhile; this page's drag is refused and shows theirs.
  const theirs = await assignmentOf(request, person.id)
  const other = await request.patch(`/api/clients/c00000000001/projects/${project.id}/staffing/${theirs.id}`, {
    data: { version: theirs.version, role: theirs.role, status: theirs.status, allocation: 70, startDate: addDays(monday, 21), endDate: addDays(monday, 41) },
  })
  expect(other.status()).toBe(200)
  await bar.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(status).toContainText(`not saved. Someone else changed this assignment meanwhile; it is now ${formatDate(addDays(monday, 21))} – ${formatDate(addDays(monday, 41))}, 70%, confirmed`)
  expect(await assignmentOf(request, person.id)).toMatchObject({ startDate: addDays(monday, 21), endDate: addDays(monday, 41), allocation: 70 })
})
