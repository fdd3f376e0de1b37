import { expect, test } from '@playwright/test'

test('a closed panel ships no raw items: the page carries none of the recorded keys until the panel is opened', async ({ page, request }) => {
  const html = await (await request.get('/clients/c00000000001')).text()
  expect(html).not.toContain('CLIENT#c00000000001')
  expect(html).not.toMatch(/PROJECT#p\d+#ASSIGN#/)
  await page.goto('/clients/c00000000001')
  const fetched = page.waitForResponse((response) => response.url().includes('/api/recordings/'))
  await page.getByRole('button', { name: 'Show under the hood' }).click()
  expect((await fetched).status()).toBe(200)
  await expect(page.getByRole('region', { name: 'Under the hood' })).toContainText('PK = "CLIENT#c00000000001"')
  await page.getByRole('button', { name: 'Hide under the hood' }).click()
})

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
