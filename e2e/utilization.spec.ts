import { expect, test } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { addDays, stamp } from './helpers'

// /utilization against a hand-worked figure: a practice of two, next month, tentative work in and out.

const run = stamp()

/** Next month's weeks by their Thursday: the Monday of the first and of the last. */
function nextMonthWeeks(): { first: string; last: string; weeks: number } {
  const now = new Date()
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0)).toISOString().slice(0, 10)
  const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
  let first = mondayOf(from)
  if (addDays(first, 3) < from) first = addDays(first, 7)
  let last = mondayOf(to)
  if (addDays(last, 3) > to) last = addDays(last, -7)
  return { first, last, weeks: Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1 }
}

test('a practice’s billable utilization next month matches the hand-worked figure, with tentative work in and out', async ({ page, request }) => {
  const practice = `Util ${run}`
  const client = (await (await request.post('/api/clients', { data: { name: `Util Client ${run}`, industry: 'Retail', contactEmail: 'util@client.example' } })).json()) as { id: string }
  const project = async (name: string, pricing: string) => {
    await page.goto(`/clients/${client.id}/projects/new`)
    await page.getByLabel('Project name').fill(name)
    await page.getByLabel('Status').selectOption('active')
    await page.getByLabel('Pricing').selectOption(pricing)
    await page.getByLabel('Start date').fill('2026-01-05')
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    return page.url().split('/projects/')[1].split('?')[0]
  }
  const billable = await project('Billable work', 'time_and_materials')
  const internal = await project('Internal work', 'non_billable')
  const person = async (name: string, capacityHours: number) =>
    (await (
      await request.post('/api/employees', { data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'Engineer', practice, location: 'Lisbon', capacityHours } })
    ).json()) as { id: string }
  const ada = await person(`Ada ${run}`, 40)
  const bo = await person(`Bo ${run}`, 32)
  const { first, last, weeks } = nextMonthWeeks()
  const staff = async (employeeId: string, projectId: string, allocation: number, endDate: string, status: string) =>
    expect((await request.post(`/api/clients/${client.id}/projects/${projectId}/staffing`, { data: { employeeId, role: 'Engineer', allocation, startDate: first, endDate, status } })).status()).toBe(201)
  // Ada: 50% billable and 25% internal all month; Bo: 100% billable, tentative, two weeks.
  await staff(ada.id, billable, 50, addDays(last, 6), 'confirmed')
  await staff(ada.id, internal, 25, addDays(last, 6), 'confirmed')
  await staff(bo.id, billable, 100, addDays(first, 13), 'tentative')

  // Per week: capacity 72 h, 20 h billable and 10 h internal confirmed, and 32 h tentative billable in two weeks.
  const percent = (billableHours: number) => `${Math.round((billableHours / (72 * weeks)) * 1000) / 10}% billable`
  await page.goto(`/utilization?period=next-month&grain=month&practice=${encodeURIComponent(practice.toLowerCase())}`)
  await expect(page.getByRole('heading', { level: 2, name: `${practice}: ${percent(20 * weeks + 64)}` })).toBeVisible()
  await expect(page.getByText(`· ${weeks} weeks (the weeks whose Thursday falls in`)).toBeVisible()
  await page.getByRole('switch', { name: /tentative/i }).click()
  await expect(page.getByRole('heading', { level: 2, name: `${practice}: ${percent(20 * weeks)}` })).toBeVisible()
  await expect(page.getByRole('table', { name: `${practice}: utilization by month` }).getByRole('row').nth(1)).toContainText(String(10 * weeks))

  const csv = await (await request.get(`/api/exports/utilization?period=next-month&grain=month&tentative=ignore&practice=${encodeURIComponent(practice.toLowerCase())}`)).text()
  expect(csv).toContain(`${practice},Whole period`)
  expect(csv).toContain('27.8')

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    expect((await new AxeBuilder({ page }).analyze()).violations, `utilization at ${width}`).toEqual([])
  }
  // Each person: Ada's month, from the practice's page of people.
  await page.getByRole('link', { name: `Each person in ${practice}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Each person in ${practice}` })).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(`Ada ${run}`) })).toContainText(String(20 * weeks))
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    expect((await new AxeBuilder({ page }).analyze()).violations, `people view at ${width}`).toEqual([])
  }
  // Ada's own page shows her hours.
  await page.goto(`/employees/${ada.id}`)
  // Her next 8 weeks: whatever part of next month they reach, 20 h billable a week of 40 (the unit test works the figures).
  await expect(page.getByRole('region', { name: 'Utilization', exact: true })).toContainText(/\d+(\.\d)?% billable over the next 8 weeks/)
})
