import { expect, test, type APIRequestContext } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { stamp } from './helpers'

// Money on real screens: a manager sees a fixed-price project's overrun and why, changes an
// allocation and sees the forecast move by the hand-worked amount; an employee receives no money in
// any response they can get. Dates are in 2031 so that "to date" is nothing and the forecast is all of it.

const run = stamp()
const start = '2031-01-06' // a Monday
const end = '2031-01-17' // the Friday after next: 10 working days

async function json(response: { json(): Promise<unknown>; status(): number }, expected = 200) {
  expect(response.status()).toBe(expected)
  return (await response.json()) as Record<string, any>
}

async function aPerson(request: APIRequestContext, name: string, costRate: string) {
  return json(
    await request.post('/api/employees', {
      data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'Engineer', practice: 'Backend', location: 'Berlin', costRate },
    }),
    201,
  )
}

test('a manager sees a fixed-price project overrun in a given week and why, and an allocation change moves the forecast by the hand-worked amount', async ({ page, request }) => {
  const client = await json(await request.post('/api/clients', { data: { name: `Money Client ${run}`, industry: 'Retail', contactEmail: 'cfo@client.example' } }), 201)
  const person = await aPerson(request, `Mona Money ${run}`, '60')

  // The project through its form: fixed price, a €3,000 fee.
  await page.goto(`/clients/${client.id}/projects/new`)
  await page.getByLabel('Project name').fill('Fixed Fee Build')
  await page.getByLabel('Status').selectOption('active')
  await page.getByLabel('Pricing').selectOption('fixed_price')
  await page.getByLabel('Budget in').selectOption('money')
  await page.getByLabel(/^Budget \(optional/).fill('3,000')
  await page.getByLabel('Start date').fill(start)
  await page.getByLabel('End date (optional)').fill(end)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fixed Fee Build' })).toBeVisible()
  const projectId = page.url().split('/projects/')[1].split('?')[0]

  // Full time for two weeks at its own €100 an hour: 80 h, €8,000 of work against a €3,000 fee.
  await json(
    await request.post(`/api/clients/${client.id}/projects/${projectId}/staffing`, {
      data: { employeeId: person.id, role: 'Developer', allocation: 100, startDate: start, endDate: end, status: 'confirmed', rateOverride: '100' },
    }),
    201,
  )
  await page.reload()
  const money = page.getByRole('region', { name: 'Money' })
  // 8 h × €100 a day: €2,400 after Wed 8 Jan, €3,200 on Thu 9 Jan, past the fee.
  await expect(money.getByRole('alert')).toContainText('Will overrun its budget in the week of 6 Jan 2031')
  await expect(money.getByRole('alert')).toContainText('pass €3,000.00 on 9 Jan 2031, and reach €8,000.00 by 17 Jan 2031')
  // Cost 80 h × €60 = €4,800; profit €3,000 − €4,800 = −€1,800; margin −60%; effective rate €3,000 ÷ 80 h = €37.50.
  await expect(money.getByText('-€1,800.00')).toBeVisible()
  await expect(money.getByText('-60%')).toBeVisible()
  await expect(money.getByText('€37.50/h')).toBeVisible()
  await expect(money.getByText('€100.00/h (its own rate)')).toBeVisible()

  // Half time instead: 40 h; cost €2,400, profit €600, margin 20%, €75.00 an hour; €400 a day passes €3,000 on Wed 15 Jan.
  await page.getByRole('button', { name: `Change ${person.name}'s assignment` }).click()
  const assignments = page.getByRole('table', { name: 'Assignments' })
  await assignments.getByLabel('Allocation (%)').fill('50')
  await assignments.getByRole('button', { name: 'Save assignment' }).click()
  await expect(money.getByRole('alert')).toContainText('in the week of 13 Jan 2031', { timeout: 15_000 })
  await expect(money.getByRole('alert')).toContainText('on 15 Jan 2031')
  await expect(money.getByText('€600.00')).toBeVisible()
  await expect(money.getByText('20%', { exact: true })).toBeVisible()
  await expect(money.getByText('€75.00/h')).toBeVisible()

  // The client's dashboard flags it with the week.
  await page.goto(`/clients/${client.id}`)
  await expect(page.getByRole('region', { name: 'Next four weeks' }).getByRole('alert')).toContainText('Fixed Fee Build: in the week of 13 Jan 2031')
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    expect((await new AxeBuilder({ page }).analyze()).violations, `dashboard at ${width}`).toEqual([])
    await page.goto(`/clients/${client.id}/projects/${projectId}`)
    expect((await new AxeBuilder({ page }).analyze()).violations, `project page at ${width}`).toEqual([])
    await page.goto('/finance')
    await expect(page.getByRole('heading', { level: 2, name: /^Projects at risk of overrun \(\d+\)$/ })).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations, `finance at ${width}`).toEqual([])
    await page.goto(`/clients/${client.id}`)
  }
  // /finance counts the project among those at risk (one request, from the digests).
  const finance = await json(await request.get('/api/finance'))
  expect(finance.risks.count).toBeGreaterThan(0)
  expect(finance.months).toHaveLength(12)
})

test('an employee receives no money in any page, JSON route, export or Under-the-hood recording', async ({ page, playwright, baseURL, request }) => {
  // Known, distinctive figures: a fee, an own rate and Tim Fischer's cost rate. Tim is the demo employee.
  const tim = 'e00000000004'
  const client = await json(await request.post('/api/clients', { data: { name: `Secret Client ${run}`, industry: 'Retail', contactEmail: 'cfo@secret.example' } }), 201)
  const before = (await json(await request.get(`/api/employees/${tim}`))).employee
  await json(await request.patch(`/api/employees/${tim}`, { data: { ...before, costRate: '876.54' } }))
  await page.goto(`/clients/${client.id}/projects/new`)
  await page.getByLabel('Project name').fill('Secret Fee')
  await page.getByLabel('Pricing').selectOption('fixed_price')
  await page.getByLabel(/^Budget \(optional/).fill('76543.21')
  await page.getByLabel('Start date').fill(start)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Secret Fee' })).toBeVisible()
  const projectId = page.url().split('/projects/')[1].split('?')[0]
  await json(
    await request.post(`/api/clients/${client.id}/projects/${projectId}/staffing`, {
      data: { employeeId: tim, role: 'Developer', allocation: 20, startDate: start, endDate: end, status: 'confirmed', rateOverride: '987.65' },
    }),
    201,
  )
  // The manager does see them.
  const managerView = JSON.stringify(await json(await request.get(`/api/clients/${client.id}/projects/${projectId}`)))
  expect(managerView).toContain('98765')
  expect(managerView).toContain('87654')

  const employee = await playwright.request.newContext({ baseURL, storageState: 'e2e/.auth/employee.json', extraHTTPHeaders: { origin: baseURL! } })
  const forbidden = ['98765', '987.65', '87654', '876.54', '7654321', '76,543', '"costRate"', '"financials"', '"rateOverride"', '"money"', '"budgetAmount"', '"rates"']
  const pages = ['/', '/me', `/clients/${client.id}`, `/clients/${client.id}/projects/${projectId}`, `/employees/${tim}`, '/planner', '/capacity', '/utilization', '/employees', '/clients']
  const routes = [
    `/api/clients/${client.id}`,
    `/api/clients/${client.id}/projects/${projectId}`,
    `/api/clients/${client.id}/projects/${projectId}/staffing`,
    `/api/employees/${tim}`,
    '/api/employees?q=tim',
    '/api/planner',
    '/api/capacity',
    '/api/utilization',
    '/api/exports/utilization',
    `/api/exports/staffing?from=2031-01-01&to=2031-02-01`,
    '/api/exports/capacity',
  ]
  let checked = 0
  for (const path of [...pages, ...routes]) {
    const response = await employee.get(path)
    expect(response.status(), path).toBe(200)
    const body = await response.text()
    for (const needle of forbidden) expect(body.includes(needle), `${path} holds ${needle}`).toBe(false)
    checked++
    // The page's Under-the-hood panel: its recording, as the employee would fetch it.
    const recordingId = /recordingId\\?":\\?"([0-9a-f-]{36})/.exec(body)?.[1]
    if (recordingId) {
      const recording = await (await employee.get(`/api/recordings/${recordingId}`)).text()
      for (const needle of forbidden) expect(recording.includes(needle), `${path}'s recording holds ${needle}`).toBe(false)
      checked++
    }
  }
  expect(checked).toBeGreaterThan(pages.length + routes.length)
  // The money screens and routes refuse them outright.
  expect((await employee.get('/finance')).status()).toBe(403)
  expect((await employee.get('/api/rate-card')).status()).toBe(403)
  expect((await employee.get('/api/finance')).status()).toBe(403)
  expect((await employee.put('/api/rate-card', { data: { version: 0, rates: [] } })).status()).toBe(403)
  expect((await employee.put(`/api/clients/${client.id}/projects/${projectId}/rates`, { data: { version: 1, rates: [] } })).status()).toBe(403)
  await employee.dispose()
})
