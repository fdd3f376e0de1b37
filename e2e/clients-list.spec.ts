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
