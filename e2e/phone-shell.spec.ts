import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const sections = ['Overview', 'Clients', 'Employees', 'Planner', 'Capacity', 'Utilization', 'Technologies', 'Finance']

async function expectAxeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(blocking.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([])
}

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the navigation folds into a menu that opens and closes by keyboard, and content starts at the top', async ({ page }) => {
    // Two axe runs on a full list page.
    test.slow()
    await page.goto('/employees')
    const heading = page.getByRole('heading', { level: 1, name: 'Employees' })
    await expect(heading).toBeVisible()
    expect((await heading.boundingBox())!.y).toBeLessThanOrEqual(80)
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav).toBeHidden()
    await expectAxeClean(page, 'menu closed')

    const menu = page.getByRole('button', { name: 'Menu', exact: true })
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(menu).toHaveAttribute('aria-controls', 'app-menu')
    await menu.focus()
    await page.keyboard.press('Enter')
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(nav).toBeVisible()
    // Focus moves into the menu, and Tab walks every section in order.
    await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused()
    for (const [index, section] of sections.entries()) {
      if (index > 0) await page.keyboard.press('Tab')
      await expect(nav.getByRole('link', { name: section, exact: true })).toBeFocused()
    }
    await expect(nav.getByRole('link', { name: 'Employees' })).toHaveAttribute('aria-current', 'page')
    await expectAxeClean(page, 'menu open')

    await page.keyboard.press('Escape')
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(nav).toBeHidden()
    await expect(menu).toBeFocused()

    // Following a link closes the menu on the next page, which is marked current.
    await page.keyboard.press('Enter')
    await nav.getByRole('link', { name: 'Planner' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Planner' })).toBeVisible()
    await expect(nav).toBeHidden()
    await menu.click()
    await expect(nav.getByRole('link', { name: 'Planner' })).toHaveAttribute('aria-current', 'page')
    await expect(nav.getByRole('link', { name: 'Employees' })).not.toHaveAttribute('aria-current', 'page')
  })

  test('the account’s links open from the bar, and Escape returns to its button', async ({ page }) => {
    await page.goto('/')
    const account = page.getByRole('button', { name: /^Account: / })
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden()
    await account.click()
    await expect(account).toHaveAttribute('aria-expanded', 'true')
    await expect(page.locator('#app-account').getByRole('link', { name: 'My staffing' })).toBeFocused()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden()
    await expect(account).toBeFocused()
  })

  test('the employee list is stacked cards with practice, location and availability, and nothing scrolls sideways', async ({ page }) => {
    await page.goto('/employees')
    const list = page.getByRole('list', { name: 'Employees' })
    await expect(list).toBeVisible()
    await expect(page.getByRole('table', { name: 'Employees' })).toBeHidden()
    const first = list.locator(':scope > li').first()
    await expect(first.getByRole('link')).toBeVisible()
    await expect(first.getByRole('list', { name: 'Free per week' }).getByRole('listitem')).toHaveCount(6)
    await expect(first).toContainText(/free \d+% · |full · |over-allocated · |away · /)
    const employee = (await (await page.request.get('/api/employees?limit=1')).json()).items[0] as { name: string; practice: string; location: string }
    await expect(list.getByRole('listitem').filter({ hasText: employee.name }).first()).toContainText(employee.practice)
    await expect(list.getByRole('listitem').filter({ hasText: employee.name }).first()).toContainText(employee.location)
    const widths = await list.evaluate((element) => ({ page: document.documentElement.scrollWidth, scroll: element.scrollWidth, client: element.clientWidth }))
    expect(widths.page).toBeLessThanOrEqual(390)
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    await expectAxeClean(page, '/employees at 390px')
  })
})

test('at 1280×800 the sidebar runs the full height of a long page, and the list is a table', async ({ page }) => {
  // Fifty rows, then axe over them.
  test.slow()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/employees?limit=50')
  await expect(page.getByRole('table', { name: 'Employees' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  const documentHeight = await page.evaluate(() => document.documentElement.scrollHeight)
  expect(documentHeight).toBeGreaterThan(1600)
  const sidebar = (await page.getByRole('banner').boundingBox())!
  expect(sidebar.width).toBeLessThan(300)
  expect(sidebar.y + sidebar.height).toBeGreaterThanOrEqual(documentHeight - 1)
  // The links stay in view at the bottom of the page.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' })).toBeInViewport()
  await expectAxeClean(page, '/employees at 1280px')
})
