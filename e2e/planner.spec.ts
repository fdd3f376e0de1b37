import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
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
  const filters = page.getByRole('search', { name: 'Planner filters' })
  await filters.getByLabel('Location').fill(office)
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
  await expect(dialog.getByLabel('Start date')).toHaveValue(from)
  await expect(dialog.getByLabel('End date')).toHaveValue(addDays(from, 25))
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
  await expect(dialog.getByLabel('Start date')).toHaveValue(addDays(monday, 7))
  await expect(dialog.getByLabel('End date')).toHaveValue(addDays(monday, 25))
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
  await expect(bars.getByRole('link', { name: new RegExp(`${project.name} · 40%.*tentative`) })).toBeVisible()
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell')
  // Months: twelve month columns.
  await page.getByRole('link', { name: '12 months' }).click()
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
