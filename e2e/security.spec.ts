import { expect, test, type APIRequestContext } from '@playwright/test'
import fc from 'fast-check'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { stamp } from './helpers'
import { callAction, serverActions } from './server-actions'

// What a security review tries (issue 21): bad input that once gave a 5xx (forged cursors, control
// characters in a return address, deep JSON to sign-in), better-auth's own endpoints as side doors,
// the sign-in throttle against a spoofed X-Forwarded-For, and the demo signing in at 127.0.0.1.

const SEED = 20261205
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

let requests = 0
let serverErrors: string[] = []

async function expectNo5xx(response: { status(): number; url(): string }, label: string) {
  requests++
  if (response.status() >= 500) serverErrors.push(`${response.status()} ${label}`)
  expect(response.status(), label).toBeLessThan(500)
}

test.describe('never a 5xx', () => {
  test.beforeAll(() => {
    requests = 0
    serverErrors = []
  })
  test.afterAll(() => {
    console.log(`# security corpus: ${requests} requests, ${serverErrors.length} answered 5xx`)
  })

  test('forged and tampered list cursors are a 400 on every list route, and a list page falls back to page 1', async ({ request }) => {
    test.setTimeout(120_000)
    const real = (await (await request.get('/api/clients?limit=1')).json()) as { nextCursor: string }
    const [payload, signature] = real.nextCursor.split('.')
    const forged = [
      b64({ GSI3PK: 'CLIENTS' }),
      b64({ GSI3PK: 'CLIENTS', GSI3SK: 'a', PK: 'x', SK: 'y' }),
      b64({ GSI5PK: 'EMPLOYEES#0', GSI5SK: 'a' }),
      b64({ GSI2PK: 'TECH', PK: 'T#1' }),
      b64({ PK: 'CLIENT#c00000000001', SK: 'META' }),
      `${b64({ GSI3PK: 'CLIENTS', GSI3SK: 'zzz', PK: 'CLIENT#x', SK: 'META' })}.${signature}`,
      `${payload}.${'A'.repeat(signature.length)}`,
      `${payload}.`,
      `${payload}.${signature}.x`,
      `${payload.slice(0, -2)}.${signature}`,
      'not-a-cursor',
      '.',
      '%',
      'x'.repeat(5000),
      b64('x'.repeat(3000)),
    ]
    const lists = ['/api/clients', '/api/employees', '/api/technologies', '/api/planner', '/api/technologies/typescript']
    for (const list of lists) {
      for (const cursor of forged) {
        const response = await request.get(`${list}?cursor=${encodeURIComponent(cursor)}`)
        await expectNo5xx(response, `${list} cursor=${cursor.slice(0, 40)}`)
        expect(response.status(), `${list} cursor=${cursor.slice(0, 40)}`).toBe(400)
        expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/^invalid:/)
      }
    }
    // A real cursor from one list is refused by another.
    const other = await request.get(`/api/employees?cursor=${encodeURIComponent(real.nextCursor)}`)
    expect(other.status()).toBe(400)
    for (const page of ['/clients', '/employees', '/technologies', '/planner']) {
      for (const cursor of forged.slice(0, 6)) {
        const response = await request.get(`${page}?cursor=${encodeURIComponent(cursor)}`, { maxRedirects: 0 })
        await expectNo5xx(response, `${page} cursor=${cursor.slice(0, 40)}`)
        expect(response.status()).toBe(200)
        expect(await response.text()).not.toContain("couldn't load")
      }
    }
  })

  test('control characters in a return address are a redirect home, signed in or not', async ({ request, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
    for (let code = 0; code < 0x20; code++) {
      for (const next of [`/${String.fromCharCode(code)}/evil.example`, `/x${String.fromCharCode(code)}y`]) {
        for (const [who, context] of [['manager', request], ['anonymous', anonymous]] as const) {
          const response = await context.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 })
          await expectNo5xx(response, `${who} next=%${code.toString(16)}`)
          const location = response.headers()['location']
          if (location) expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin)
        }
      }
    }
    await anonymous.dispose()
  })

  test('sign-in endpoints: generated bodies, deep JSON and odd content types never reach a 5xx', async ({ playwright, baseURL }) => {
    test.setTimeout(120_000)
    const context = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { origin: baseURL! } })
    // Each request from an address of its own, so that the rate limits let every body reach the checks.
    let sent = 0
    const from = () => ({ 'x-forwarded-for': `198.51.${100 + Math.floor(sent / 250)}.${sent++ % 250}` })
    const deep = (n: number) => `{"email":${'['.repeat(n)}${']'.repeat(n)},"password":"x"}`
    const bodies = [deep(9), deep(200), deep(50_000), `{"email":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, '{', '[]', 'null', '"x"', '\u0000', '{"email":"\u0000@x","password":"\u0000"}', `{"email":"${'a'.repeat(20_000)}"}`]
    const paths = ['/api/auth/sign-in/email', '/api/auth/sign-in/social', '/api/auth/sign-out', '/api/auth/callback/oidc', '/api/auth/admin/set-role', '/api/auth/update-user']
    const types = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16']
    for (const path of paths) {
      for (const body of bodies) {
        for (const type of types) await expectNo5xx(await context.post(path, { headers: { 'content-type': type, ...from() }, data: body, maxRedirects: 0 }), `${path} ${type} ${body.slice(0, 30)}`)
      }
    }
    const generated = fc.record({
      path: fc.constantFrom(...paths, '/api/auth/callback/%', '/api/auth/sign-in/email/', '/api/auth/ok', '/api/auth/error'),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      body: fc.oneof(fc.json(), fc.string({ maxLength: 50 }), fc.dictionary(fc.constantFrom('email', 'password', 'provider', 'callbackURL', 'code', 'state', 'errorCallbackURL'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom('//evil.example', 'javascript:alert(1)', '/\t/evil.example'))).map((object) => JSON.stringify(object))),
      query: fc.dictionary(fc.constantFrom('code', 'state', 'error', 'callbackURL'), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
    })
    await fc.assert(
      fc.asyncProperty(generated, async ({ path, method, body, query }) => {
        const url = `${path}?${new URLSearchParams(query)}`
        await expectNo5xx(await context.fetch(url, { method, data: method === 'GET' ? undefined : body, headers: { 'content-type': 'application/json', ...from() }, maxRedirects: 0 }), `${method} ${url} ${body.slice(0, 60)}`)
      }),
      { numRuns: 300, seed: SEED },
    )
    await context.dispose()
  })
})

test.describe('better-auth’s side doors', () => {
  test('the admin cannot demote themselves, create users or set passwords through better-auth’s endpoints; sign-in answers carry no token', async ({ playwright, baseURL, page }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: 'e2e/.auth/admin.json', extraHTTPHeaders: { origin: baseURL! } })
    const self = (await (await admin.get('/api/auth/get-session')).status())
    expect(self).toBe(404)
    for (const [path, data] of [
      ['/api/auth/admin/set-role', { userId: 'me', role: 'employee' }],
      ['/api/auth/admin/update-user', { userId: 'me', data: { role: 'employee' } }],
      ['/api/auth/update-user', { role: 'employee', name: '<b>Renamed</b>' }],
      ['/api/auth/admin/create-user', { email: `side.door.${stamp()}@roster.example`, password: 'password123', name: 'Side Door', role: 'admin' }],
      ['/api/auth/admin/set-user-password', { userId: 'me', newPassword: 'password123' }],
      ['/api/auth/admin/list-users', {}],
      ['/api/auth/admin/impersonate-user', { userId: 'me' }],
      ['/api/auth/api-key/create', { name: 'x' }],
    ] as const) {
      const response = await admin.post(path, { data })
      expect(response.status(), path).toBe(404)
    }
    await admin.dispose()
    // The admin is still an admin: the users screen is theirs, and their own role is not a form.
    const context = await page.context().browser()!.newContext({ storageState: 'e2e/.auth/admin.json' })
    const adminPage = await context.newPage()
    await adminPage.goto('/admin/users')
    await expect(adminPage.getByRole('row').filter({ hasText: 'admin@roster.example' })).toContainText('admin (you)')
    await context.close()

    const signIn = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { origin: baseURL!, 'x-forwarded-for': '203.0.113.210' } })
    const response = await signIn.post('/api/auth/sign-in/email', { data: { email: 'admin@roster.example', password: DEMO_PASSWORD } })
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { token?: string; user?: { id: string } }
    expect(body.token).toBeUndefined()
    expect(body.user).toBeTruthy()
    // Roster's own door, the users page's action, called as a forger would with the admin's own id.
    const setRole = serverActions({}).get('setUserRoleAction')!
    const own = await callAction(signIn, setRole, [{ status: 'idle' }, { userId: body.user!.id, role: 'employee' }])
    expect(own.code).toBe('invalid:role')
    await signIn.dispose()
  })

  test('a server action with a foreign Origin is refused even when X-Forwarded-Host names that origin', async ({ request }) => {
    const action = serverActions({}).get('setUserRoleAction')!
    const forged = await callAction(request, action, [{ status: 'idle' }, { userId: 'x', role: 'admin' }], { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })
    expect(forged.status).toBe(403)
  })
})

test.describe('failed sign-ins', () => {
  async function signIn(context: APIRequestContext, password: string, forwardedFor: string) {
    return context.post('/api/auth/sign-in/email', { data: { email: 'rafael.wilson@roster.example', password }, headers: { 'x-forwarded-for': forwardedFor } })
  }

  test('an attacker spoofing X-Forwarded-For is slowed at their own address, and the user’s correct password from theirs signs in', async ({ playwright, baseURL }) => {
    const context = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { origin: baseURL! } })
    // Behind one trusted load balancer (the e2e server's ROSTER_TRUSTED_HOPS=1), the right-hand entry
    // is the attacker's; the entries they write to its left change on every try.
    for (let n = 0; n < 5; n++) expect((await signIn(context, 'wrong password', `10.0.0.${n}, 203.0.113.77, 198.51.100.66`)).status()).toBe(401)
    const throttled = await signIn(context, 'wrong password', '203.0.113.77, 198.51.100.66')
    expect(throttled.status()).toBe(429)
    expect(await throttled.text()).toContain('Too many failed sign-ins from this address')
    expect((await signIn(context, DEMO_PASSWORD, '198.51.100.66')).status()).toBe(429)
    // The user at their own address.
    expect((await signIn(context, DEMO_PASSWORD, '203.0.113.77')).status()).toBe(200)
    await context.dispose()
  })
})

test.describe('the demo at any local address', () => {
  test('signs in at 127.0.0.1, and a sign-in from an origin Roster does not trust says where to open it', async ({ browser, baseURL }) => {
    const port = new URL(baseURL!).port
    // roster.test resolves to 127.0.0.1 in the tests' Chromium (playwright.config.ts): the same server
    // at an origin Roster does not trust.
    for (const [origin, works] of [[`http://127.0.0.1:${port}`, true], [`http://roster.test:${port}`, false]] as const) {
      const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { 'x-forwarded-for': works ? '203.0.113.220' : '203.0.113.221' } })
      const page = await context.newPage()
      await page.goto('/sign-in?next=/clients')
      await page.getByLabel('E-mail', { exact: true }).fill('manager@roster.example')
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      if (works) {
        await expect(page).toHaveURL(`${origin}/clients`)
        await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible()
      } else {
        await expect(page.getByText(`Open Roster at ${baseURL}: sign-in from this address is not allowed.`)).toBeVisible()
      }
      await context.close()
    }
  })
})
