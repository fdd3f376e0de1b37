import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { admin, employeeActor, manager } from './helpers/actors'
import { authorize, can, lowerRole, type Actor } from '../lib/authorization'
import { AppError } from '../lib/errors'

useTestDatabase()

// Sign-in and tokens go through better-auth on the test table, as the app does.
before(() => {
  process.env.ROSTER_DEMO = '1'
  process.env.BETTER_AUTH_URL = 'http://localhost:3999'
})

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
  return undefined
}

describe('roles', () => {
  const own = employeeActor('e1')
  it('lets employees read everything and change only their own skills', () => {
    assert.equal(can(own, 'read'), true)
    assert.equal(can(own, 'manage'), false)
    assert.equal(can(own, 'edit-skills', { employeeId: 'e1' }), true)
    assert.equal(can(own, 'edit-skills', { employeeId: 'e2' }), false)
    assert.equal(can({ ...own, employeeId: undefined }, 'edit-skills', { employeeId: undefined }), false, 'a user with no employee record owns no skills')
  })

  it('lets managers manage, and only admins administer', () => {
    assert.equal(can(manager, 'manage'), true)
    assert.equal(can(manager, 'edit-skills', { employeeId: 'anyone' }), true)
    assert.equal(can(manager, 'administer'), false)
    assert.equal(can(admin, 'administer'), true)
    assert.equal(can(admin, 'manage'), true)
  })

  it('answers 401 for nobody and 403 for a role that may not', () => {
    assert.equal(codeOf(() => authorize(null, 'read')), 'unauthenticated:session')
    assert.equal(codeOf(() => authorize(own, 'manage')), 'forbidden:role')
    assert.equal(codeOf(() => authorize(manager, 'administer')), 'forbidden:role')
    assert.equal(codeOf(() => authorize(manager, 'manage')), undefined)
  })

  it('gives a token the lower of two roles', () => {
    assert.equal(lowerRole('admin', 'employee'), 'employee')
    assert.equal(lowerRole('manager', 'admin'), 'manager')
  })
})

describe('access tokens', () => {
  let tokenOwner: Actor

  before(async () => {
    const { ensureDemoUsers } = await import('../lib/auth/demo-users')
    const { getAuth } = await import('../lib/auth/server')
    await ensureDemoUsers()
    const context = await getAuth().$context
    const user = (await context.internalAdapter.findUserByEmail('manager@roster.example'))!.user
    tokenOwner = { via: 'session', userId: user.id, name: user.name, email: user.email, role: 'manager' }
  })

  it('act with their creator role, drop to the creator role now, and stop when revoked', async () => {
    const { createToken, listTokens, revokeToken } = await import('../lib/auth/tokens')
    const { actorFromHeaders } = await import('../lib/auth/actor')
    const { setUserRole } = await import('../lib/auth/users')
    const { getAuth } = await import('../lib/auth/server')
    const { secret, token } = await createToken(tokenOwner, { name: 'nightly export', expiresInDays: '30' })
    assert.match(secret, /^roster_/)
    const listed = await listTokens(tokenOwner)
    assert.deepEqual(
      listed.map((t) => [t.name, t.role]),
      [['nightly export', 'manager']],
    )
    assert.ok(!JSON.stringify(listed).includes(secret), 'the secret is shown once, never listed')
    const bearer = new Headers({ authorization: `Bearer ${secret}` })
    assert.equal((await actorFromHeaders(bearer))?.role, 'manager')
    assert.equal((await actorFromHeaders(bearer))?.via, 'token')

    // Demoted: the token acts as an employee from now on.
    const context = await getAuth().$context
    const adminUser = (await context.internalAdapter.findUserByEmail('admin@roster.example'))!.user
    const adminActor: Actor = { via: 'session', userId: adminUser.id, name: adminUser.name, email: adminUser.email, role: 'admin' }
    await setUserRole(adminActor, { userId: tokenOwner.userId, role: 'employee' })
    assert.equal((await actorFromHeaders(bearer))?.role, 'employee')
    await setUserRole(adminActor, { userId: tokenOwner.userId, role: 'manager' })

    await revokeToken(tokenOwner, { tokenId: token.id })
    await assert.rejects(actorFromHeaders(bearer), (error: AppError) => error.code === 'unauthenticated:token')
    await assert.rejects(actorFromHeaders(new Headers({ authorization: 'Bearer roster_not-a-real-token' })), (error: AppError) => error.code === 'unauthenticated:token')
    await assert.rejects(actorFromHeaders(new Headers({ authorization: 'Bearer' })), (error: AppError) => error.code === 'unauthenticated:token')
    // A proxy's Basic login in front of Roster is not a token: the request is judged by its session (none here).
    assert.equal(await actorFromHeaders(new Headers({ authorization: 'Basic dXNlcjpwYXNz' })), null)
  })

  it('cannot be made or revoked with a token, and refuse bad names and lifetimes by field', async () => {
    const { createToken, revokeToken } = await import('../lib/auth/tokens')
    const viaToken: Actor = { ...tokenOwner, via: 'token' }
    await assert.rejects(createToken(viaToken, { name: 'escalate', expiresInDays: '365' }), (error: AppError) => error.code === 'forbidden:token')
    await assert.rejects(revokeToken(viaToken, { tokenId: 'x' }), (error: AppError) => error.code === 'forbidden:token')
    await assert.rejects(createToken(tokenOwner, { name: '', expiresInDays: '400' }), (error: AppError) => Boolean(error.fields?.name && error.fields?.expiresInDays))
    await assert.rejects(createToken(null, { name: 'x', expiresInDays: '1' }), (error: AppError) => error.code === 'unauthenticated:session')
  })

  it('an admin cannot change their own role, and only admins change roles', async () => {
    const { setUserRole } = await import('../lib/auth/users')
    await assert.rejects(setUserRole(admin, { userId: admin.userId, role: 'employee' }), (error: AppError) => error.code === 'invalid:role')
    await assert.rejects(setUserRole(manager, { userId: 'anyone', role: 'admin' }), (error: AppError) => error.code === 'forbidden:role')
  })
})

describe('users are people', () => {
  it('a user whose e-mail an employee has is linked to that employee', async () => {
    const { ensureDemoUsers } = await import('../lib/auth/demo-users')
    const { getAuth } = await import('../lib/auth/server')
    const { createEmployee } = await import('../lib/employees/mutations')
    // The demo accounts' employees: created here as the seed would (the test table has no demo data).
    await createEmployee(manager, { name: 'Tim Fischer', email: 'TIM.FISCHER@roster.example', title: 'SRE', practice: 'Cloud', location: 'Madrid' }).catch(() => undefined)
    await ensureDemoUsers()
    const context = await getAuth().$context
    const found = await context.internalAdapter.findUserByEmail('tim.fischer@roster.example')
    // Created before this test's employee existed, it is linked when the person signs in.
    const response = await getAuth().handler(
      new Request('http://localhost:3999/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3999' },
        body: JSON.stringify({ email: 'tim.fischer@roster.example', password: 'roster-demo' }),
      }),
    )
    assert.equal(response.status, 200)
    const user = (await context.internalAdapter.findUserById(found!.user.id)) as { employeeId?: string } | null
    assert.match(user?.employeeId ?? '', /^[a-z0-9]{12}$/)
  })
})

describe('the DynamoDB adapter under failure and races', () => {
  it('a create cut off after its pointer finds nothing, and the next create works', async () => {
    const { installCrashes } = await import('./helpers/faults')
    const { getAuth } = await import('../lib/auth/server')
    const adapter = (await getAuth().$context).adapter
    const email = `cut.off.${Date.now()}@roster.example`
    const crash = installCrashes()
    try {
      crash.after(1)
      await assert.rejects(adapter.create({ model: 'user', data: { email, name: 'Cut Off', emailVerified: false, createdAt: new Date(), updatedAt: new Date() } }))
    } finally {
      crash.recover()
      crash.uninstall()
    }
    assert.equal(await adapter.findOne({ model: 'user', where: [{ field: 'email', value: email }] }), null, 'the pointer alone is no user')
    const user = await adapter.create<{ email: string; name: string; emailVerified: boolean; createdAt: Date; updatedAt: Date }, { id: string }>({
      model: 'user',
      data: { email, name: 'Second Try', emailVerified: false, createdAt: new Date(), updatedAt: new Date() },
    })
    const found = await adapter.findOne<{ id: string; name: string }>({ model: 'user', where: [{ field: 'email', value: email }] })
    assert.equal(found?.id, user.id)
    assert.equal(found?.name, 'Second Try')
  })

  it('of many callers consuming one single-use token at once, exactly one gets it', async () => {
    const { getAuth } = await import('../lib/auth/server')
    const adapter = (await getAuth().$context).adapter
    const identifier = `reset-password:${Date.now()}`
    await adapter.create({ model: 'verification', data: { identifier, value: 'user-1', expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(), updatedAt: new Date() } })
    const results = await Promise.all(Array.from({ length: 8 }, () => adapter.consumeOne({ model: 'verification', where: [{ field: 'identifier', value: identifier }] })))
    assert.equal(results.filter((result) => result !== null).length, 1)
    assert.equal(await adapter.findOne({ model: 'verification', where: [{ field: 'identifier', value: identifier }] }), null)
  })

  it('concurrent increments of one counter all count', async () => {
    const { getAuth } = await import('../lib/auth/server')
    const adapter = (await getAuth().$context).adapter
    // An access token's request counter (the API-key plugin's model).
    const key = `counter-${Date.now()}`
    await adapter.create({ model: 'apikey', data: { configId: 'default', key, referenceId: 'user-1', requestCount: 0, enabled: true, rateLimitEnabled: false, createdAt: new Date(), updatedAt: new Date() } })
    await Promise.all(Array.from({ length: 6 }, () => adapter.incrementOne({ model: 'apikey', where: [{ field: 'key', value: key }], increment: { requestCount: 1 } })))
    const counter = await adapter.findOne<{ requestCount: number }>({ model: 'apikey', where: [{ field: 'key', value: key }] })
    assert.equal(counter?.requestCount, 6)
  })
})
