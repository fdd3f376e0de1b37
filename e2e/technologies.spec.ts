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
  await page.getByRole('button', { name: 'Add to stack' }).click()
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

test('a technology’s page shows its people from the highest level and, as a second view, its projects; each view pages by key', async ({ page, request }) => {
  const api = await (await request.get('/api/technologies/typescript?view=projects')).json()
  expect(api.projects.length).toBeGreaterThan(0)
  expect(api.technology.name).toBe('TypeScript')

  await page.goto('/technologies/typescript')
  const views = page.getByRole('navigation', { name: 'Technology views' })
  await expect(views.getByRole('link', { name: /^People who know it \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
  const levels = await page.getByRole('table', { name: /People who know TypeScript/ }).locator('tbody tr td:nth-child(2)').allTextContents()
  const numbers = levels.map((text) => Number(text.split(' ')[0]))
  expect(numbers.length).toBeGreaterThan(1)
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a))

  await page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: 'Most free today (this page)' }).click()
  await expect(page.getByRole('table', { name: 'People who know TypeScript, least allocated first' })).toBeVisible()

  await views.getByRole('link', { name: /^Projects using it/ }).click()
  await expect(page).toHaveURL(/view=projects/)
  const projects = page.getByRole('region', { name: 'Projects using it' })
  await expect(projects.getByRole('link', { name: api.projects[0].projectName }).first()).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('End of list')
})
