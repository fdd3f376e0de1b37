import { expect, test } from '@playwright/test'

test('the under-the-hood panel shows the dashboard request, its key condition and the client items, and stays open', async ({ page }) => {
  await page.goto('/clients/c00000000001')
  await expect(page.getByRole('region', { name: 'Under the hood' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Show under the hood' }).click()
  const panel = page.getByRole('region', { name: 'Under the hood' })
  await expect(panel).toContainText('Access pattern: Client dashboard')
  await expect(panel).toContainText('1 DynamoDB request')
  await expect(panel).toContainText('PK = "CLIENT#c00000000001"')
  await panel.getByText(/^Raw items/).click()
  const items = panel.getByRole('table', { name: 'Items returned by request 1' })
  await expect(items.getByRole('cell', { name: 'CLIENT', exact: true })).toBeVisible()
  await expect(items.getByRole('cell', { name: /^PROJECT#p\d+$/ }).first()).toBeVisible()
  await expect(items.getByRole('cell', { name: /^PROJECT#p\d+#ASSIGN#/ }).first()).toBeVisible()

  // Remembered per browser: the next screen opens with the panel shown.
  await page.goto('/technologies/typescript')
  await expect(page.getByRole('region', { name: 'Under the hood' })).toContainText('GSI2')
  await page.getByRole('button', { name: 'Hide under the hood' }).click()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Under the hood' })).toHaveCount(0)
})
