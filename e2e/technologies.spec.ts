import { expect, test } from '@playwright/test'
import { stamp } from './helpers'

test('a renamed technology shows its new name on project stacks, and deleting it takes it off them', async ({ page, request }) => {
  const name = `Quux ${stamp()}`
  const created = await request.post('/api/technologies', { data: { name, category: 'tool' } })
  expect(created.status()).toBe(201)
  const technology = await created.json()
  const dashboard = await (await request.get('/api/clients/c00000000004')).json()
  const project = dashboard.projects[0]

  await page.goto(`/clients/c00000000004/projects/${project.id}`)
  await page.getByRole('combobox', { name: 'Add a technology' }).fill(name)
  await page.getByRole('option', { name: new RegExp(name) }).click()
  await expect(page.getByRole('list', { name: 'Tech stack' }).getByRole('link', { name })).toBeVisible()

  await page.goto(`/technologies/${technology.id}`)
  const form = page.getByRole('form', { name: 'Edit technology' })
  await form.getByLabel('Name').fill(`${name} Renamed`)
  await form.getByLabel('Category').selectOption('framework')
  await form.getByRole('button', { name: 'Save technology' }).click()
  await expect(page.getByRole('status').getByText('Technology saved')).toBeVisible()
  await page.goto('/clients/c00000000004')
  await expect(page.getByRole('region', { name: project.name }).getByRole('link', { name: `${name} Renamed` })).toBeVisible()

  await page.goto(`/technologies/${technology.id}`)
  await page.getByRole('button', { name: 'Delete technology' }).click()
  const confirm = page.getByRole('dialog', { name: `Delete ${name} Renamed?` })
  await expect(confirm).toContainText('the stack of 1 project and the skills of 0 people')
  await confirm.getByRole('button', { name: 'Delete permanently' }).click()
  await expect(page).toHaveURL(/\/technologies$/)
  await page.goto(`/clients/c00000000004/projects/${project.id}`)
  await expect(page.getByRole('heading', { level: 1, name: project.name })).toBeVisible()
  await expect(page.getByRole('link', { name: `${name} Renamed` })).toHaveCount(0)
})
