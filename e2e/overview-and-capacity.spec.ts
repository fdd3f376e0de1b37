import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { addDays, createPerson, mondayOfThisWeek, stamp, staff } from './helpers'

// The home page's bench by how free and for how long, a person's weekly totals as load in percent,
// and /capacity's practices side by side: each still one DynamoDB request, axe clean, no sideways
// scroll on a phone.

const run = stamp()

/** A bench line's "free 100% · for 6 weeks" as [percent free, weeks free (Infinity with no booking ahead)]. */
function parseBench(text: string): [number, number] {
  const match = text.match(/free (\d+)% · (?:for (\d+) weeks?|(no booking ahead)|(this week only))/)
  expect(match, `a bench line says how free and for how long: ${text}`).not.toBeNull()
  return [Number(match![1]), match![3] ? Infinity : Number(match![2] ?? 0)]
}

async function requestsOf(page: Page): Promise<string> {
  const panel = page.getByRole('region', { name: 'Under the hood' })
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Show under the hood' }).click()
  await expect(panel).toContainText(/\d+ DynamoDB requests?/)
  return (await panel.textContent())!.match(/(\d+) DynamoDB requests?/)![1]
}

test('the home page lists the bench most free first, then free for longest, saying both; next week shows what changes', async ({ page, request }) => {
  const monday = mondayOfThisWeek()
  const dashboard = await (await request.get('/api/clients/c00000000001')).json()
  // First by name, but free for only two weeks: by name it would lead the list.
  const soon = await createPerson(request, `Aaa Soon ${run}`)
  await staff(request, 'c00000000001', dashboard.projects[0].id, { employeeId: soon.id, role: 'Engineer', allocation: 100, startDate: addDays(monday, 14), endDate: addDays(monday, 60), status: 'confirmed' })
  const open = await createPerson(request, `Aab Open ${run}`)

  await page.goto('/')
  const bench = page.getByRole('region', { name: /^On the bench this week \(\d+\)$/ })
  await expect(bench.getByRole('link', { name: open.name })).toBeVisible()
  const lines = await bench.getByRole('listitem').allTextContents()
  expect(lines.length).toBeGreaterThan(1)
  const order = lines.map(parseBench)
  for (let i = 1; i < order.length; i++) {
    const [free, weeks] = order[i]
    const [freeBefore, weeksBefore] = order[i - 1]
    expect(free < freeBefore || (free === freeBefore && weeks <= weeksBefore), `line ${i + 1} (${lines[i]}) after line ${i} (${lines[i - 1]})`).toBe(true)
  }
  expect(lines.findIndex((line) => line.includes(open.name))).toBeLessThan(lines.findIndex((line) => line.includes(soon.name)) === -1 ? Infinity : lines.findIndex((line) => line.includes(soon.name)))
  await expect(bench.getByRole('listitem').filter({ hasText: open.name })).toContainText('free 100% · no booking ahead')

  // Over-allocated beside the bench, not under it with half a card empty.
  const over = await page.getByRole('region', { name: /^Over-allocated this week/ }).boundingBox()
  const benchBox = await bench.boundingBox()
  expect(over!.x).toBeGreaterThan(benchBox!.x + benchBox!.width - 1)
  const next = page.getByRole('region', { name: /^Next week, from .*: what changes$/ })
  await expect(next).toContainText(/On the bench \d+ → \d+ · Over-allocated \d+ → \d+/)
  expect(await requestsOf(page)).toBe('1')
})

test('a person’s weekly totals read as load in percent: 100% is full, named in the legend', async ({ page, request }) => {
  const monday = mondayOfThisWeek()
  const person = await createPerson(request, `Full ${run}`)
  const dashboard = await (await request.get('/api/clients/c00000000001')).json()
  await staff(request, 'c00000000001', dashboard.projects[0].id, { employeeId: person.id, role: 'Engineer', allocation: 100, startDate: monday, endDate: addDays(monday, 11), status: 'confirmed' })
  await page.goto(`/employees/${person.id}`)
  const full = page.getByTestId(`week-total-${monday}`)
  await expect(full).toHaveText('100%')
  await expect(full).toHaveAttribute('aria-label', /full \(100%\)/)
  await expect(page.getByTestId(`week-total-${addDays(monday, 14)}`)).toHaveText('0%')
  const legend = page.getByRole('list', { name: 'Weekly total colours' })
  await expect(legend).toContainText('100%: full')
  await expect(legend).toContainText('Above 100%: over-allocated')
  expect(await requestsOf(page)).toBe('1')
})

test('an employee’s own page shows their weekly totals in percent', async ({ browser }) => {
  const context = await browser.newContext({ storageState: 'e2e/.auth/employee.json' })
  const page = await context.newPage()
  await page.goto('/me')
  await expect(page.getByTestId(`week-total-${mondayOfThisWeek()}`)).toHaveText(/^\d+%$/)
  await expect(page.getByRole('list', { name: 'Weekly total colours' })).toContainText('100%: full')
  await context.close()
})

test('/capacity for all practices breaks the weeks down by practice, from one request', async ({ page }) => {
  await page.goto('/capacity')
  const practices = await page.getByLabel('Practice').locator('option').allTextContents()
  const breakdown = page.getByRole('table', { name: /^Demand as a share of capacity, by practice and week/ })
  await expect(breakdown.getByRole('rowheader')).toHaveCount(practices.length - 1)
  for (const practice of practices.slice(1)) await expect(breakdown.getByRole('rowheader', { name: new RegExp(`^${practice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+ (person|people)$`) })).toBeVisible()
  await expect(breakdown.getByRole('columnheader')).toHaveCount(27)
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Unfilled roles (hatched)')
  await expect(page.getByText(/counts its allocation of the weekly hours of the people who would fill it/)).toBeVisible()
  expect(await requestsOf(page)).toBe('1')

  // A practice's own view says the week its roles count, and has no breakdown.
  await breakdown.getByRole('rowheader').first().getByRole('link').click()
  await expect(page.getByText(/\(\d+(\.\d)? h in .+\)/)).toBeVisible()
  await expect(page.getByRole('table', { name: /^Demand as a share of capacity, by practice and week/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Hide under the hood' }).click()
})

for (const path of ['/', '/capacity', '/employees/e00000000001']) {
  test(`${path} is axe clean at 1280 and 390 px, with no sideways scroll on a phone`, async ({ page }) => {
    // Two axe runs of a dense page: slow on a shared machine.
    test.setTimeout(180_000)
    const name = path === '/' ? 'home' : path.slice(1).replace(/\W+/g, '-')
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      await page.goto(path)
      expect((await new AxeBuilder({ page }).analyze()).violations, `${path} at ${width}`).toEqual([])
      if (width === 390) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(0)
      }
      await page.screenshot({ path: `test-results/overview-and-capacity/${name}-${width}.png`, fullPage: true })
    }
  })
}
