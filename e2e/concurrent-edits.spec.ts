import { expect, test } from '@playwright/test'
import { createPerson, stamp } from './helpers'

test('a save over someone else’s change is refused with their version shown and the input kept; saving again overwrites', async ({ browser }) => {
  const id = stamp()
  const first = await browser.newPage()
  const second = await browser.newPage()
  for (const page of [first, second]) await page.goto('/clients/c00000000002/edit')

  await first.getByLabel('Industry').fill(`Shipping ${id}`)
  await first.getByRole('button', { name: 'Save client' }).click()
  await expect(first.getByRole('status').getByText('Client saved')).toBeVisible()

  await second.getByLabel('Industry').fill(`Aviation ${id}`)
  await second.getByRole('button', { name: 'Save client' }).click()
  await expect(second.getByText(/changed by someone else/)).toBeVisible()
  await expect(second.getByRole('region', { name: 'The current version' })).toContainText(`Shipping ${id}`)
  await expect(second.getByLabel('Industry')).toHaveValue(`Aviation ${id}`)

  await second.getByRole('button', { name: 'Save client' }).click()
  await expect(second.getByRole('status').getByText('Client saved')).toBeVisible()
  const saved = await (await second.request.get('/api/clients/c00000000002')).json()
  expect(saved.client.industry).toBe(`Aviation ${id}`)
  await first.close()
  await second.close()
})

test('the API refuses a stale save with 409 and the current record, a repeated create with the same key makes one, and a second overlapping staffing is refused', async ({ request }) => {
  const id = stamp()
  const created = await request.post('/api/clients', { data: { name: `Keyed ${id}`, industry: 'Retail', contactEmail: 'cto@keyed.example' }, headers: { 'Idempotency-Key': `create-${id}` } })
  const again = await request.post('/api/clients', { data: { name: `Keyed ${id}`, industry: 'Retail', contactEmail: 'cto@keyed.example' }, headers: { 'Idempotency-Key': `create-${id}` } })
  expect([created.status(), again.status()]).toEqual([201, 201])
  const client = await created.json()
  expect((await again.json()).id).toBe(client.id)

  const body = { version: client.version, name: client.name, industry: 'Energy', contactEmail: client.contactEmail, status: 'active' }
  expect((await request.patch(`/api/clients/${client.id}`, { data: body })).status()).toBe(200)
  const stale = await request.patch(`/api/clients/${client.id}`, { data: { ...body, industry: 'Mining' } })
  expect(stale.status()).toBe(409)
  const conflict = await stale.json()
  expect(conflict.error.code).toBe('conflict:stale')
  expect(conflict.error.current.industry).toBe('Energy')

  const project = await (await request.get('/api/clients/c00000000004')).json()
  const person = await createPerson(request, `Twice Staffed ${id}`)
  const staffing = { employeeId: person.id, role: 'Engineer', allocation: 40, startDate: '2027-02-01', endDate: '2027-03-31' }
  const url = `/api/clients/c00000000004/projects/${project.projects[0].id}/staffing`
  expect((await request.post(url, { data: staffing })).status()).toBe(201)
  const twice = await request.post(url, { data: { ...staffing, startDate: '2027-03-01' } })
  expect(twice.status()).toBe(409)
  expect((await twice.json()).error.fields.employeeId).toEqual(['Already staffed on this project for these dates'])
})
