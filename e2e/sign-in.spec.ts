import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { stamp } from './helpers'

// Signing in (the demo's passwords and the company's OpenID Connect provider), what an employee can
// and cannot do, access tokens and roles, each as a person would in the browser.

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('a signed-out visitor is sent to sign in and comes back; the demo page lists its accounts; a wrong password says so', async ({ page }) => {
    await page.goto('/clients/c00000000001')
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fclients%2Fc00000000001/)
    await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible()
    await expect(page.getByText('manager@roster.example')).toBeVisible()
    await page.getByLabel('E-mail', { exact: true }).fill('manager@roster.example')
    await page.getByLabel('Password', { exact: true }).fill('not the password')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByText('That e-mail and password do not match an account.')).toBeVisible()
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page).toHaveURL(/\/clients\/c00000000001$/)
    await expect(page.getByRole('link', { name: 'Add project' })).toBeVisible()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in/)
  })

  test('signing in with the company account (OpenID Connect) links the person to their employee record by e-mail', async ({ page, browser, playwright, baseURL }) => {
    const id = stamp()
    const email = `oidc.person.${id}@roster.example`
    // The manager adds the person first.
    const manager = await playwright.request.newContext({ baseURL, storageState: 'e2e/.auth/manager.json', extraHTTPHeaders: { origin: baseURL! } })
    const person = await manager.post('/api/employees', { data: { name: `Oidc Person ${id}`, email, title: 'Data Engineer', practice: 'Data', location: 'Porto' } })
    expect(person.status()).toBe(201)
    await manager.dispose()

    await signInWithCompanyAccount(page, email)
    await expect(page).toHaveURL(/\/me$/)
    await expect(page.getByRole('heading', { level: 1, name: `Oidc Person ${id}` })).toBeVisible()
    await expect(page.getByText('Not staffed on any project.')).toBeVisible()
    // A new user is an employee: no manager controls.
    await page.goto('/clients')
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'New client' })).toHaveCount(0)

    // The admin makes them a manager; their next sign-in has the manager's controls.
    const admin = await browser.newContext({ storageState: 'e2e/.auth/admin.json' })
    const adminPage = await admin.newPage()
    await adminPage.goto('/admin/users')
    const row = adminPage.getByRole('row').filter({ hasText: email })
    await row.getByLabel(/Role of/).selectOption('manager')
    await row.getByRole('button', { name: 'Save' }).click()
    await expect(adminPage.getByRole('status').getByText(/is now a manager/)).toBeVisible()
    await admin.close()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await signInWithCompanyAccount(page, email)
    await page.goto('/clients')
    await expect(page.getByRole('link', { name: 'New client' })).toBeVisible()
  })
})

/** The test provider's port (playwright.config.ts). */
const OIDC_PORT = process.env.E2E_OIDC_PORT ?? '3199'

async function signInWithCompanyAccount(page: Page, email: string) {
  await page.goto('/me')
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click()
  // The provider's own login and consent screens (oidc-provider's development interactions); a second
  // sign-in finds the provider's session and may skip them.
  await page.waitForURL((url) => url.port === OIDC_PORT || url.pathname === '/me')
  if (new URL(page.url()).port === OIDC_PORT) {
    const login = page.locator('input[name=login]')
    if (await login.isVisible()) {
      await login.fill(email)
      await page.locator('input[name=password]').fill('any password')
      await page.locator('button[type=submit]').click()
    }
    const consent = page.getByRole('button', { name: 'Continue' })
    await consent.or(page.getByRole('link', { name: 'Roster' })).first().waitFor()
    if (await consent.isVisible()) await consent.click()
  }
  await page.waitForURL((url) => url.port !== OIDC_PORT)
}

test.describe('as an employee', () => {
  test.use({ storageState: 'e2e/.auth/employee.json' })

  test('an employee sees their own staffing at /me and changes their skill level; the manager controls are absent and forged calls refused', async ({ page, request }) => {
    await page.goto('/me')
    await expect(page.getByRole('heading', { level: 1, name: 'Tim Fischer' })).toBeVisible()
    // Staffed on two projects today: both bars are on the timeline.
    await expect(page.getByRole('table', { name: 'Weekly staffing timeline' }).getByLabel(/, 50%, /)).toHaveCount(2)
    await expect(page.getByRole('heading', { name: 'Next 26 weeks' })).toBeVisible()

    // Their own skills: add one and change its level.
    const technology = await request.get('/api/technologies?q=Rust')
    const rust = ((await technology.json()) as { items: { id: string; name: string }[] }).items[0]
    await page.getByLabel('Technology').fill('Rust')
    await page.getByRole('option', { name: new RegExp(rust.name) }).first().click()
    await page.getByLabel('Level', { exact: true }).selectOption('2')
    await page.getByRole('button', { name: 'Add skill' }).click()
    await expect(page.getByLabel(`${rust.name} level`)).toHaveValue('2')
    await page.getByLabel(`${rust.name} level`).selectOption('4')
    await expect
      .poll(async () => ((await (await request.get('/api/employees/e00000000004')).json()) as { skills: { technologyId: string; level: number }[] }).skills.find((s) => s.technologyId === rust.id)?.level)
      .toBe(4)

    // Someone else's page: read-only.
    await page.goto('/employees/e00000000002')
    await expect(page.getByRole('heading', { name: 'Skills' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add skill' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Edit details' })).toHaveCount(0)
    // Manager screens: no controls, and the forms answer 403.
    await page.goto('/clients/c00000000001')
    await expect(page.getByRole('link', { name: 'Add project' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Delete client' })).toHaveCount(0)
    const dashboard = (await (await request.get('/api/clients/c00000000001')).json()) as { projects: { id: string }[] }
    await page.goto(`/clients/c00000000001/projects/${dashboard.projects[0].id}`)
    await expect(page.getByRole('heading', { name: 'Staffing' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Staff a person' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^Change / })).toHaveCount(0)
    const newClient = await page.goto('/clients/new')
    expect(newClient?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible()
    const forged = await request.post('/api/clients', { data: { name: 'Forged by an employee', industry: 'Retail', contactEmail: 'f@client.example' } })
    expect(forged.status()).toBe(403)
    expect((await forged.json()).error.code).toBe('forbidden:role')
  })
})

test('a personal access token is shown once, works as a Bearer token for scripts, and stops when revoked', async ({ page, playwright, baseURL }) => {
  const name = `export ${stamp()}`
  await page.goto('/settings')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Expires after').selectOption('30')
  await page.getByRole('button', { name: 'Create token' }).click()
  const secret = await page.getByLabel('Your token', { exact: true }).inputValue()
  expect(secret).toMatch(/^roster_/)
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('manager')

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } })
  expect((await script.get('/api/clients?limit=1')).status()).toBe(200)
  const created = await script.post('/api/technologies', { data: { name: `Token tech ${stamp()}`, category: 'tool' } })
  expect(created.status()).toBe(201)

  await page.reload()
  await expect(page.getByLabel('Your token', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: `Revoke ${name}` }).click()
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0)
  expect((await script.get('/api/clients?limit=1')).status()).toBe(401)
  await script.dispose()
})

test('when the session’s signed cookie copy has run out, the next page sets a fresh one, so pages keep checking the session without the table', async ({ baseURL }) => {
  const { cookies } = JSON.parse(readFileSync('e2e/.auth/manager.json', 'utf8')) as { cookies: { name: string; value: string }[] }
  // The browser drops the copy after a minute; the session cookie itself lasts.
  const token = cookies.filter((cookie) => cookie.name.includes('session_token')).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  const page = await fetch(`${baseURL}/clients`, { headers: { cookie: token }, redirect: 'manual' })
  expect(page.status).toBe(200)
  expect(page.headers.getSetCookie().some((cookie) => cookie.includes('session_data='))).toBe(true)
})
