import { expect, test } from '@playwright/test'
import { addDays, createPerson, mondayOfThisWeek, stamp, staff } from './helpers'
import { callAction, serverActions } from './server-actions'

test('a manager adds a person, is told when the email is taken, and a rename shows on the client dashboard', async ({ page, request }) => {
  const id = stamp()
  await page.goto('/employees')
  await page.getByRole('link', { name: 'New person' }).click()
  await page.getByLabel('Name').fill(`Margaret New ${id}`)
  const taken = await (await request.get('/api/employees/e00000000001')).json()
  await page.getByLabel('Email').fill(taken.employee.email)
  await page.getByLabel('Title').fill('Engineer')
  await page.getByLabel('Practice').fill('Backend')
  await page.getByLabel('Location').fill('Dublin')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Another employee already has this email')
  await expect(page.getByLabel('Name')).toHaveValue(`Margaret New ${id}`)

  await page.getByLabel('Email').fill(`margaret.${id}@roster.example`)
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Margaret New ${id}` })).toBeVisible()
  await expect(page.getByText('Not staffed on any project.')).toBeVisible()
  const employeeId = page.url().split('/employees/')[1]

  const dashboard = await (await request.get('/api/clients/c00000000003')).json()
  await staff(request, 'c00000000003', dashboard.projects[0].id, { employeeId, role: 'Engineer', allocation: 20, startDate: '2026-12-07', status: 'confirmed' })

  await page.getByRole('link', { name: 'Edit details' }).click()
  await page.getByLabel('Name').fill(`Margaret Renamed ${id}`)
  await page.getByRole('button', { name: 'Save details' }).click()
  // Saving goes back to the person's page, which says so.
  await expect(page).toHaveURL(new RegExp(`/employees/${employeeId}\\?saved=1$`))
  await expect(page.getByRole('status').getByText('Details saved')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `Margaret Renamed ${id}` })).toBeVisible()
  await page.goto('/clients/c00000000003')
  await expect(page.getByRole('link', { name: `Margaret Renamed ${id}` })).toBeVisible()
  await expect(page.getByRole('link', { name: `Margaret New ${id}` })).toHaveCount(0)
})

test('the employee list filtered by a rare skill shows the one person who has it on its first page, with their level', async ({ page, request }) => {
  const id = stamp()
  const technology = await (await request.post('/api/technologies', { data: { name: `Rare ${id}`, category: 'tool' } })).json()
  const person = await createPerson(request, `Rare Skill ${id}`)
  const setSkill = serverActions({ employeeId: person.id }).get('setSkillAction')!
  await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: person.id, technologyId: technology.id, level: '4' }])
  await page.goto(`/employees?technologyId=${technology.id}`)
  const table = page.getByRole('table', { name: 'Employees' })
  await expect(table.getByRole('columnheader', { name: 'Level' })).toBeVisible()
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.getByRole('row', { name: new RegExp(person.name) })).toContainText('4 / 5')
  const api = await (await request.get(`/api/employees?technologyId=${technology.id}`)).json()
  expect(api.items.map((row: { id: string; level: number }) => [row.id, row.level])).toEqual([[person.id, 4]])
})

test('the employee list shows what each person has free over the next six weeks, filters on it, and stays one request', async ({ page, request }) => {
  const id = stamp()
  const busy = await createPerson(request, `Avail ${id} Busy`)
  const free = await createPerson(request, `Avail ${id} Free`)
  const monday = mondayOfThisWeek()
  const dashboard = (await (await request.get('/api/clients/c00000000003')).json()) as { projects: { id: string; startDate: string; endDate: string | null }[] }
  const project = dashboard.projects.find((candidate) => candidate.startDate <= monday && (!candidate.endDate || candidate.endDate >= addDays(monday, 21)))!
  // Fully booked this week and the next two, then free.
  await staff(request, 'c00000000003', project.id, { employeeId: busy.id, role: 'Engineer', allocation: 100, startDate: monday, endDate: addDays(monday, 18), status: 'confirmed' })
  const written = (isoDate: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
  const freeFrom = written(addDays(monday, 21))

  const table = page.getByRole('table', { name: 'Employees' })
  await expect(async () => {
    await page.goto(`/employees?q=${encodeURIComponent(`Avail ${id}`)}`)
    await expect(table.getByRole('row', { name: new RegExp(busy.name) })).toContainText(`full · free 100% from ${freeFrom}`, { timeout: 1_000 })
  }).toPass()
  await expect(table.getByRole('columnheader', { name: 'Free, next 6 weeks' })).toBeVisible()
  const weeks = table.getByRole('row', { name: new RegExp(busy.name) }).getByRole('list', { name: 'Free per week' }).getByRole('listitem')
  await expect(weeks).toHaveCount(6)
  await expect(weeks.nth(0)).toHaveText(`Week of ${written(monday)}: 0%`)
  await expect(weeks.nth(2)).toHaveText(`Week of ${written(addDays(monday, 14))}: 0%`)
  await expect(weeks.nth(3)).toHaveText(`Week of ${freeFrom}: 100% free`)
  await expect(table.getByRole('row', { name: new RegExp(free.name) })).toContainText('free 100% · 6+ wks')

  // At least half free in each of the next two weeks: the busy person drops out, from the select too.
  await page.getByLabel('At least 50% free').selectOption({ label: 'Each of the next 2 weeks' })
  await expect(page).toHaveURL(/free=2/)
  await expect(table.getByRole('row', { name: new RegExp(free.name) })).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(busy.name) })).toHaveCount(0)
  await page.getByRole('button', { name: 'Show under the hood' }).click()
  await expect(page.getByRole('region', { name: 'Under the hood' })).toContainText('1 DynamoDB request')
  await page.getByRole('button', { name: 'Hide under the hood' }).click()
})
