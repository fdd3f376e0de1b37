import { formatDate } from '../lib/format'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { createPerson, stamp, staff } from './helpers'

test('every form names the field and the rule when input is wrong', async ({ page }) => {
  await page.goto('/clients/new')
  await page.getByRole('button', { name: 'Create client' }).click()
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription('Name is required')
  await expect(page.getByLabel('Contact email')).toHaveAccessibleDescription('Contact email must be an email address')

  await page.goto('/clients/c00000000001/projects/new')
  await page.getByLabel('Project name').fill('Backwards')
  await page.getByLabel('Start date').fill('2026-05-01')
  await page.getByLabel('End date (optional)').fill('2026-04-01')
  await page.getByLabel('Budget (optional)').fill('-5')
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByLabel('End date (optional)')).toHaveAccessibleDescription('End date must be on or after the start date')
  await expect(page.getByLabel('Budget (optional)')).toHaveAccessibleDescription('Budget cannot be negative')
  await expect(page.getByLabel('Project name')).toHaveValue('Backwards')

  const dashboard = await (await page.request.get('/api/clients/c00000000001')).json()
  const person = await createPerson(page.request, `Form Check ${stamp()}`)
  await staff(page.request, 'c00000000001', dashboard.projects[0].id, { employeeId: person.id, role: 'Engineer', allocation: 30, startDate: '2026-12-07', status: 'confirmed' })
  await page.goto(`/clients/c00000000001/projects/${dashboard.projects[0].id}`)
  await page.getByRole('button', { name: 'Staff a person' }).click()
  const staffForm = page.getByRole('form', { name: 'Staff a person' })
  await staffForm.getByLabel('Allocation (%)').fill('150')
  await staffForm.getByRole('button', { name: 'Staff person' }).click()
  await expect(staffForm.getByRole('combobox', { name: 'Person' })).toHaveAccessibleDescription('Employee is required')
  await expect(staffForm.getByLabel('Role')).toHaveAccessibleDescription('Role is required')
  await expect(staffForm.getByLabel('Allocation (%)')).toHaveAccessibleDescription('Allocation must be between 1 and 100')

  // Changing an assignment: the dialog closes optimistically and reopens with the rule if rejected.
  await page.getByRole('button', { name: `Change ${person.name}'s assignment` }).click()
  const dialog = page.getByRole('dialog', { name: `Change ${person.name}'s assignment` })
  await dialog.getByLabel('Allocation (%)').fill('0')
  await dialog.getByRole('button', { name: 'Save assignment' }).click()
  await expect(dialog.getByLabel('Allocation (%)')).toHaveAccessibleDescription('Allocation must be between 1 and 100')
  await expect(dialog.getByRole('alert').first()).toContainText('Please correct the highlighted fields.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await page.goto('/employees/e00000000001')
  const skills = page.getByRole('form', { name: 'Add a skill' })
  await skills.getByRole('button', { name: 'Add skill' }).click()
  await expect(skills.getByRole('combobox', { name: 'Technology' })).toHaveAccessibleDescription('Technology is required')
})

test('route handlers answer bad input with 400 naming the field, unknown ids with 404', async ({ request }) => {
  const bad = await request.post('/api/clients', { data: { name: '', industry: 'x', contactEmail: 'nope' } })
  expect(bad.status()).toBe(400)
  const body = await bad.json()
  expect(body.error.fields.name).toEqual(['Name is required'])
  expect(body.error.fields.contactEmail).toEqual(['Contact email must be an email address'])
  expect((await request.get('/api/clients/nosuchclient')).status()).toBe(404)
  expect((await request.get('/api/employees/nosuchperson')).status()).toBe(404)
  expect((await request.get('/api/technologies?cursor=garbage')).status()).toBe(400)
  expect((await request.post('/api/technologies', { data: 'not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400)
})

test('unknown ids show a not-found page with a 404 status', async ({ page }) => {
  for (const path of ['/clients/c00000000001/projects/nosuchproject/roles/nosuchrole', '/clients/nosuchclient', '/clients/c00000000001/projects/nosuchproject', '/employees/nosuchperson', '/technologies/nosuchtech', '/clients/nosuchclient/edit', '/employees/nosuchperson/edit']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  }
})

/** An unfilled role's suggestions page, from the demo's first listed role on /capacity. */
async function aRolePage(page: Page): Promise<string> {
  await page.goto('/capacity')
  const href = await page.getByRole('region', { name: 'Unfilled roles', exact: true }).getByRole('link').first().getAttribute('href')
  expect(href).toMatch(/\/roles\//)
  return href!
}

test('no screen has serious or critical accessibility violations', async ({ page }) => {
  // Twenty screens, each rendered and analysed by axe: on two busy cores that takes more than a minute.
  test.setTimeout(180_000)
  const dashboard = await (await page.request.get('/api/clients/c00000000001')).json()
  const rolePage = await aRolePage(page)
  const screens = ['/capacity', '/capacity?practice=frontend&tentative=ignore', rolePage, '/', '/clients', '/clients/new', '/clients/c00000000001', '/clients/c00000000001/edit', `/clients/c00000000001/projects/${dashboard.projects[0].id}`, '/employees', '/employees/new', '/employees/e00000000001', '/employees/e00000000001/edit', '/technologies', '/technologies/typescript', '/planner', '/planner?zoom=months&technologyId=typescript&technologyName=TypeScript', '/about', '/me', '/settings']
  for (const path of screens) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(blocking.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([])
  }
})

test('every screen works at phone width with no sideways page scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/clients/c00000000001')
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible()
  const dashboard = await (await page.request.get('/api/clients/c00000000001')).json()
  const rolePage = await aRolePage(page)
  await page.setViewportSize({ width: 390, height: 844 })
  const screens = ['/capacity', rolePage, '/', '/clients', '/clients/c00000000001', '/clients/c00000000001/edit', `/clients/c00000000001/projects/${dashboard.projects[0].id}`, '/employees', '/employees/e00000000001', '/technologies', '/technologies/typescript', '/planner', '/planner?zoom=months', '/me', '/settings']
  for (const path of screens) {
    await page.goto(path)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, path).toBeLessThanOrEqual(1)
  }
})

test('the sign-in page, an employee’s screens and the admin’s users page: no serious accessibility violations, no sideways scroll on a phone', async ({ browser }) => {
  test.setTimeout(180_000)
  const cases: { storageState?: string; paths: string[] }[] = [
    { paths: ['/sign-in'] },
    { storageState: 'e2e/.auth/employee.json', paths: ['/me', '/clients/c00000000001', '/employees/e00000000002', '/planner', '/capacity', '/settings'] },
    { storageState: 'e2e/.auth/admin.json', paths: ['/admin/users'] },
  ]
  for (const { storageState, paths } of cases) {
    const context = await browser.newContext({ storageState: storageState ?? { cookies: [], origins: [] } })
    const page = await context.newPage()
    for (const path of paths) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 844 })
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        const results = await new AxeBuilder({ page }).analyze()
        const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        expect(blocking.map((v) => `${path} at ${width}px: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([])
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(1)
      }
    }
    await context.close()
  }
})

test('the project page’s forms each label their own fields, picker options read with a pause, and a stack entry’s note can be edited', async ({ page, request }) => {
  const dashboard = (await (await request.get('/api/clients/c00000000001')).json()) as { projects: { id: string; startDate: string; stack: { technologyName: string }[] }[] }
  const project = dashboard.projects.find((candidate) => candidate.stack.length > 0)!
  await page.goto(`/clients/c00000000001/projects/${project.id}`)
  const ids = await page.$$eval('[id]', (elements) => elements.map((element) => element.id))
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  await expect(page.getByRole('region', { name: 'Project details' }).getByLabel('Start date')).toHaveValue(formatDate(project.startDate))

  await page.getByRole('button', { name: 'Staff a person' }).click()
  await page.getByRole('combobox', { name: 'Person' }).fill('a')
  await expect(page.getByRole('option').first()).toHaveAccessibleName(/\S ?, \S/)
  await page.keyboard.press('Escape')

  const technology = project.stack[0].technologyName
  await page.getByRole('button', { name: `Edit the note on ${technology}` }).click()
  await page.getByRole('dialog').getByLabel('Version or note').fill('v9 LTS')
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(page.getByRole('list', { name: 'Tech stack' })).toContainText(`${technology}v9 LTS`)
  await page.goto('/clients/c00000000001')
  await expect(page.getByRole('list', { name: /tech stack/ }).filter({ hasText: 'v9 LTS' })).toHaveCount(1)
})
