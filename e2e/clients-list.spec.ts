import { expect, test } from '@playwright/test'

test('the clients page lists the seeded clients, read from the table', async ({ page }) => {
  await page.goto('/clients')
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
  // The demo seed is deterministic: its first client is Northwind Logistics.
  const northwind = page.getByRole('link', { name: 'Northwind Logistics' })
  await expect(northwind).toBeVisible()
  await northwind.click()
  await expect(page).toHaveURL(/\/clients\/c0+1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Logistics' })).toBeVisible()
})

test('a client’s completed projects are one-line rows whose staffing opens on demand', async ({ page, request }) => {
  // The client with the most completed projects in the demo.
  const clients = ((await (await request.get('/api/clients?limit=100')).json()) as { items: { id: string }[] }).items
  let chosen: { id: string; completed: { id: string; name: string; assignments: unknown[] }[] } | undefined
  for (const client of clients) {
    const dashboard = (await (await request.get(`/api/clients/${client.id}`)).json()) as { projects: { id: string; name: string; status: string; assignments: unknown[] }[] }
    const completed = dashboard.projects.filter((project) => project.status === 'completed' && project.assignments.length > 0)
    if (completed.length && (!chosen || completed.length > chosen.completed.length)) chosen = { id: client.id, completed }
  }
  expect(chosen, 'the demo has a client with a staffed completed project').toBeTruthy()
  const project = chosen!.completed[0]
  await page.goto(`/clients/${chosen!.id}`)
  const completed = page.getByRole('region', { name: /^Completed/ })
  await expect(completed).toContainText(project.name)
  await expect(page.getByRole('table', { name: `Staffing of ${project.name}` })).toHaveCount(0)
  const loaded = page.waitForResponse((response) => response.url().endsWith(`/projects/${project.id}`) && response.url().includes('/api/'))
  await completed.getByRole('button', { name: `Show staffing of ${project.name}` }).click()
  expect((await loaded).status()).toBe(200)
  await expect(page.getByRole('table', { name: `Staffing of ${project.name}` })).toBeVisible()
})

test('a client with more than five current projects shows five in full and opens the rest in place', async ({ page, request }) => {
  const stamp = Date.now().toString(36)
  const client = await (await request.post('/api/clients', { data: { name: `Many Projects ${stamp}`, industry: 'Retail', contactEmail: 'cto@many.example' } })).json()
  const names = Array.from({ length: 7 }, (_, i) => `Stream ${i + 1} ${stamp}`)
  for (const name of names) {
    await page.goto(`/clients/${client.id}/projects/new`)
    await page.getByLabel('Project name').fill(name)
    await page.getByLabel('Status').selectOption('active')
    await page.getByLabel('Start date').fill('2026-01-05')
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
  await page.goto(`/clients/${client.id}`)
  // Seven current projects: five sections in full, two one-line rows.
  await expect(page.getByRole('heading', { level: 3, name: /^Stream \d/ })).toHaveCount(5)
  const more = page.getByRole('region', { name: 'More current projects (2)' })
  await expect(more.getByRole('listitem')).toHaveCount(2)
  const dashboard = (await (await request.get(`/api/clients/${client.id}`)).json()) as { projects: { id: string; name: string }[] }
  const collapsed = dashboard.projects.slice(5)[0]
  await expect(more).toContainText(collapsed.name)
  await expect(page.getByText('Nobody staffed yet.')).toHaveCount(5)
  await more.getByRole('button', { name: `Show staffing of ${collapsed.name}` }).click()
  await expect(page.getByText('Nobody staffed yet.')).toHaveCount(6)
  await expect(more.getByRole('button', { name: `Hide staffing of ${collapsed.name}` })).toHaveAttribute('aria-expanded', 'true')
})
