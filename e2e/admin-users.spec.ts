import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { createPerson, stamp } from './helpers'

// The admin's users page: inviting a user (with a password, or for the company sign-in), what each
// bad input says, who may open it, and that it is accessible at 1280 px and on a phone.

test.use({ storageState: 'e2e/.auth/admin.json' })

const password = 'tulip-Harbour-93'
/** The test provider's port (playwright.config.ts). */
const OIDC_PORT = process.env.E2E_OIDC_PORT ?? '3199'

async function invite(page: Page, fields: { email: string; role: string; person?: string; password?: string }) {
  const form = page.getByRole('form', { name: 'Invite a user' })
  await form.getByLabel('E-mail', { exact: true }).fill(fields.email)
  await form.getByLabel('Role', { exact: true }).selectOption(fields.role)
  if (fields.person) {
    await form.getByRole('combobox', { name: 'Employee record (optional)' }).fill(fields.person)
    await page.getByRole('option', { name: new RegExp(fields.person) }).first().click()
  }
  await form.getByLabel(/^Initial password/).fill(fields.password ?? '')
  await form.getByRole('button', { name: 'Invite user' }).click()
  return form
}

/** A browser of its own, signed out, from an address of its own (failed sign-ins are throttled per address). */
async function freshPage(browser: Browser, address: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'x-forwarded-for': address } })
  return { context, page: await context.newPage() }
}

test('an admin invites a user with a password: they sign in with it, with the role given, and /me is the person linked', async ({ page, browser, request }) => {
  const id = stamp()
  const person = await createPerson(request, `Invited Person ${id}`)
  // Their sign-in address need not be the one on their employee record.
  const email = `invited.${id}@roster.example`
  await page.goto('/admin/users')
  const form = await invite(page, { email, role: 'manager', person: person.name, password })
  await expect(page.getByRole('status').getByText(`${email} added as a manager`)).toBeVisible()
  // The form is ready for the next invite, and the password is not kept in it.
  await expect(form.getByLabel('E-mail', { exact: true })).toHaveValue('')
  await expect(form.getByLabel(/^Initial password/)).toHaveValue('')
  const row = page.getByRole('row').filter({ hasText: email })
  await expect(row.getByRole('link', { name: person.name })).toHaveAttribute('href', `/employees/${person.id}`)
  await expect(row.getByLabel(/Role of/)).toHaveValue('manager')

  const { context, page: theirs } = await freshPage(browser, '203.0.113.71')
  await theirs.goto('/sign-in')
  await theirs.getByLabel('E-mail', { exact: true }).fill(email)
  await theirs.getByLabel('Password', { exact: true }).fill(password)
  await theirs.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(theirs).not.toHaveURL(/\/sign-in/)
  await theirs.goto('/me')
  await expect(theirs.getByRole('heading', { level: 1, name: person.name })).toBeVisible()
  // A manager: the manager's controls.
  await theirs.goto('/clients')
  await expect(theirs.getByRole('link', { name: 'New client' })).toBeVisible()
  await context.close()
})

test('a user invited for the company sign-in (no password) gets the role and the person at their first sign-in', async ({ page, browser, request }) => {
  const id = stamp()
  const person = await createPerson(request, `Company Person ${id}`)
  const email = `company.${id}@roster.example`
  await page.goto('/admin/users')
  await invite(page, { email, role: 'manager', person: person.name })
  await expect(page.getByRole('status').getByText(/their first sign-in with the company account applies it/)).toBeVisible()

  const { context, page: theirs } = await freshPage(browser, '203.0.113.72')
  await theirs.goto('/me')
  await theirs.getByRole('button', { name: 'Sign in with Test IdP' }).click()
  // The provider's development login (any login name; the name is the e-mail) and consent.
  await theirs.waitForURL((url) => url.port === OIDC_PORT)
  await theirs.locator('input[name=login]').fill(email)
  await theirs.locator('input[name=password]').fill('any password')
  await theirs.locator('button[type=submit]').click()
  const consent = theirs.getByRole('button', { name: 'Continue' })
  await consent.or(theirs.getByRole('link', { name: 'Roster' })).first().waitFor()
  if (await consent.isVisible()) await consent.click()
  await theirs.waitForURL((url) => url.port !== OIDC_PORT)
  await theirs.goto('/me')
  await expect(theirs.getByRole('heading', { level: 1, name: person.name })).toBeVisible()
  await theirs.goto('/clients')
  await expect(theirs.getByRole('link', { name: 'New client' })).toBeVisible()
  await context.close()
})

test('each bad invite says what is wrong by the field, and keeps what was typed except the password', async ({ page }) => {
  const id = stamp()
  await page.goto('/admin/users')
  const form = page.getByRole('form', { name: 'Invite a user' })
  const email = form.getByLabel('E-mail', { exact: true })

  await invite(page, { email: 'not an address', role: 'employee', password })
  await expect(email).toHaveAccessibleDescription(/Enter an e-mail address/)
  await expect(email).toHaveValue('not an address')
  await expect(form.getByLabel(/^Initial password/)).toHaveValue('')

  await invite(page, { email: 'admin@roster.example', role: 'employee', password })
  await expect(email).toHaveAccessibleDescription(/Already a user/)

  // Tim Fischer is the demo employee's record: linked to their user.
  await invite(page, { email: `second.tim.${id}@roster.example`, role: 'employee', person: 'Tim Fischer', password })
  await expect(form.getByRole('combobox', { name: 'Employee record (optional)' })).toHaveAccessibleDescription(/Already linked to tim.fischer@roster.example/)

  // A name typed but not picked is not sent as "no one".
  const picker = form.getByRole('combobox', { name: 'Employee record (optional)' })
  await picker.fill('Nobody by this name')
  await form.getByRole('button', { name: 'Invite user' }).click()
  await expect(picker).toHaveAccessibleDescription(/Pick a person from the list/)
  await expect(page.getByRole('row').filter({ hasText: `second.tim.${id}@roster.example` })).toHaveCount(0)
  await picker.fill('')

  await invite(page, { email: `weak.${id}@roster.example`, role: 'employee', password: 'short' })
  await expect(form.getByLabel(/^Initial password/)).toHaveAccessibleDescription(/at least 10 characters/)
  await expect(page.getByRole('row').filter({ hasText: `weak.${id}@roster.example` })).toHaveCount(0)
})

for (const who of ['manager', 'employee'] as const) {
  test(`a ${who} is refused the users page`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: `e2e/.auth/${who}.json` })
    const page = await context.newPage()
    const response = await page.goto('/admin/users')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1, name: 'Not for your role' })).toBeVisible()
    await expect(page.getByRole('form', { name: 'Invite a user' })).toHaveCount(0)
    await context.close()
  })
}

test('the users page with the invite form and its errors is axe clean, and fits a phone without sideways scroll', async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 })
    await page.goto('/admin/users')
    await invite(page, { email: 'not an address', role: 'employee', password: 'short' })
    await expect(page.getByRole('form', { name: 'Invite a user' }).getByLabel('E-mail', { exact: true })).toHaveAccessibleDescription(/Enter an e-mail address/)
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${width}px: ${v.id} ${v.nodes[0]?.target}`)).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `sideways scroll at ${width}px`).toBeLessThanOrEqual(1)
    // Every user's role is reachable on the phone too.
    await expect(page.getByRole('row').filter({ hasText: 'manager@roster.example' }).getByLabel(/Role of/)).toBeVisible()
  }
})
