import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import type { Actor } from '../lib/authorization'
import type { AppError } from '../lib/errors'

useTestDatabase()

// better-auth's HTTP endpoints, called through Roster's route (lib/http/auth-endpoints.ts) as the signed-in
// admin: only the allow-list answers; every other endpoint the library registers is a 404.

const ORIGIN = 'http://localhost:3998'

before(() => {
  process.env.ROSTER_DEMO = '1'
  process.env.BETTER_AUTH_URL = ORIGIN
})

async function call(method: string, path: string, options: { cookie?: string; body?: string; headers?: Record<string, string> } = {}) {
  const { handleAuthRequest } = await import('../lib/http/auth-endpoints')
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return handleAuthRequest(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method,
      headers: { origin: ORIGIN, ...(hasBody ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      body: hasBody ? (options.body ?? '{}') : undefined,
    }),
  )
}

async function signIn(email: string): Promise<{ cookie: string; response: Response }> {
  const { DEMO_PASSWORD } = await import('../lib/auth/demo-accounts')
  const response = await call('POST', '/sign-in/email', { body: JSON.stringify({ email, password: DEMO_PASSWORD }) })
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
  return { cookie, response }
}

async function roleOf(email: string): Promise<string | undefined> {
  const { getAuth } = await import('../lib/auth/server')
  const found = await (await getAuth().$context).internalAdapter.findUserByEmail(email)
  return (found?.user as { role?: string } | undefined)?.role
}

describe('better-auth’s endpoints', () => {
  let admin: { cookie: string; id: string }

  before(async () => {
    const { ensureDemoUsers } = await import('../lib/auth/demo-users')
    await ensureDemoUsers()
    const { cookie, response } = await signIn('admin@roster.example')
    assert.equal(response.status, 200)
    admin = { cookie, id: ((await response.json()) as { user: { id: string } }).user.id }
  })

  it('every endpoint the library registers is refused with 404 unless it is on Roster’s allow-list', async () => {
    const { getAuth } = await import('../lib/auth/server')
    const { OPEN_ENDPOINTS, isOpenEndpoint } = await import('../lib/http/auth-endpoints')
    const registered = Object.values(getAuth().api as Record<string, { path?: string; options?: { method?: string | string[] } }>)
      .filter((endpoint) => typeof endpoint?.path === 'string')
      .flatMap((endpoint) => [endpoint.options?.method ?? 'GET'].flat().map((method) => ({ method: method === '*' ? 'POST' : method, path: endpoint.path! })))
    assert.ok(registered.length >= 40, `the library registers ${registered.length} endpoints`)
    const answered: string[] = []
    for (const { method, path } of registered) {
      const concrete = path.replace(/:[a-zA-Z]+/g, 'oidc')
      const response = await call(method, concrete, { cookie: admin.cookie, body: JSON.stringify({ userId: admin.id, role: 'employee', data: { role: 'employee' } }) })
      if (isOpenEndpoint(method, concrete)) {
        assert.ok(response.status < 500, `${method} ${path} answered ${response.status}`)
        answered.push(`${method} ${path}`)
      } else {
        assert.equal(response.status, 404, `${method} ${path} is not on the allow-list but answered ${response.status}`)
      }
      if (path === '/sign-out') admin.cookie = (await signIn('admin@roster.example')).cookie
    }
    // The allow-list names only endpoints that exist (a renamed endpoint would leave a stale entry).
    for (const open of OPEN_ENDPOINTS) assert.ok(registered.some((endpoint) => endpoint.method === open.method && endpoint.path === open.path), `${open.method} ${open.path} is not registered`)
    console.log(`# ${registered.length} endpoints registered, ${answered.length} open: ${answered.join(', ')}`)
  })

  it('paths that only resemble an open endpoint are refused too', async () => {
    for (const path of ['/sign-in/email/', '/sign-in%2Femail', '/SIGN-IN/EMAIL', '/admin/set-role/', '//admin/set-role', '/callback/../admin/set-role', '/callback/a/b']) {
      assert.equal((await call('POST', path, { cookie: admin.cookie })).status, 404, path)
    }
  })

  it('an admin cannot demote themselves through any door, and the last admin stays an admin', async () => {
    const { setUserRole } = await import('../lib/auth/users')
    const doors = [
      { path: '/admin/set-role', body: { userId: admin.id, role: 'employee' } },
      { path: '/admin/update-user', body: { userId: admin.id, data: { role: 'employee' } } },
      { path: '/update-user', body: { role: 'employee', name: 'Renamed' } },
      { path: '/admin/remove-user', body: { userId: admin.id } },
      { path: '/admin/ban-user', body: { userId: admin.id } },
      { path: '/admin/create-user', body: { email: 'made.up@roster.example', password: 'password123', name: 'Made Up', role: 'admin' } },
      { path: '/admin/set-user-password', body: { userId: admin.id, newPassword: 'password123' } },
    ]
    for (const door of doors) {
      const response = await call('POST', door.path, { cookie: admin.cookie, body: JSON.stringify(door.body) })
      assert.equal(response.status, 404, door.path)
      assert.equal(await roleOf('admin@roster.example'), 'admin', `after ${door.path}`)
    }
    assert.equal(await roleOf('made.up@roster.example'), undefined)
    const actor: Actor = { via: 'session', userId: admin.id, name: 'Alex Admin', email: 'admin@roster.example', role: 'admin' }
    await assert.rejects(setUserRole(actor, { userId: admin.id, role: 'employee' }), (error: AppError) => error.code === 'invalid:role')
    // A second admin, then demoted by a stale session of the first: the firm keeps one admin.
    const { getAuth } = await import('../lib/auth/server')
    const manager = (await (await getAuth().$context).internalAdapter.findUserByEmail('manager@roster.example'))!.user
    await setUserRole(actor, { userId: manager.id, role: 'admin' })
    const other: Actor = { via: 'session', userId: manager.id, name: 'Morgan Reyes', email: 'manager@roster.example', role: 'admin' }
    await setUserRole(other, { userId: admin.id, role: 'manager' })
    await assert.rejects(setUserRole(actor, { userId: manager.id, role: 'employee' }), (error: AppError) => error.code === 'invalid:role' && /last admin/.test(error.message))
    assert.equal(await roleOf('manager@roster.example'), 'admin')
    await setUserRole(other, { userId: admin.id, role: 'admin' })
    await setUserRole(actor, { userId: manager.id, role: 'manager' })
  })

  it('a sign-in answers with the user but not the session token, which stays in the HttpOnly cookie', async () => {
    const { response } = await signIn('tim.fischer@roster.example')
    assert.equal(response.status, 200)
    const body = (await response.json()) as Record<string, unknown>
    assert.equal(body.token, undefined)
    assert.ok(body.user)
    const cookie = response.headers.getSetCookie().find((line) => line.includes('session_token='))
    assert.match(cookie ?? '', /HttpOnly/i)
    const token = decodeURIComponent(/session_token=([^;.]+)/.exec(cookie ?? '')?.[1] ?? '')
    assert.ok(token.length > 10 && !JSON.stringify(body).includes(token))
  })

  it('a sign-in body over 16 KB, or nested deeper than 8 levels, is refused before the library parses it', async () => {
    const deep = `{"email":${'['.repeat(50_000)}${']'.repeat(50_000)}}`
    const tooDeep = await call('POST', '/sign-in/email', { body: deep })
    assert.equal(tooDeep.status, 413, 'the 50,000-level body is also over 16 KB')
    const deepButSmall = await call('POST', '/sign-in/email', { body: `{"email":${'['.repeat(20)}${']'.repeat(20)}}` })
    assert.equal(deepButSmall.status, 400)
    assert.equal(((await deepButSmall.json()) as { error: { code: string } }).error.code, 'invalid:body')
    const large = await call('POST', '/sign-in/email', { body: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(20_000) }) })
    assert.equal(large.status, 413)
  })
})
