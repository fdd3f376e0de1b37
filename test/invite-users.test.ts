import assert from 'node:assert/strict'
import { afterEach, before, beforeEach, describe, it } from 'node:test'
import { useFaultyTestDatabase } from './helpers/database'
import { admin, employeeActor, manager } from './helpers/actors'
import { anEmployee } from './helpers/fixtures'
import type { AppError } from '../lib/errors'

// An admin invites a user through Roster's own rules (lib/auth/users.ts): who may, what is refused
// field by field, and that a retried invite (by the form, or by the SDK after a lost answer) makes one
// user. Sign-in goes through better-auth on the test table, as the app does.

const database = useFaultyTestDatabase(20261201)

let sequence = 0
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`
const strongPassword = 'tulip-Harbour-93'

before(() => {
  process.env.ROSTER_DEMO = '1'
  process.env.BETTER_AUTH_URL = 'http://localhost:3999'
})
beforeEach(() => database.proxy.setRates(null))

async function users() {
  return import('../lib/auth/users')
}

function refusedOn(field: string, text?: RegExp) {
  return (error: AppError) => {
    assert.equal(error.code, 'invalid:user', error.message)
    assert.ok(error.fields?.[field]?.length, `a message for ${field}: ${JSON.stringify(error.fields)}`)
    if (text) assert.match(error.fields![field]!.join(' '), text)
    return true
  }
}

/** Signs in with a password as a browser would and answers the acting user the session gives. */
async function signIn(email: string, password: string) {
  const { getAuth } = await import('../lib/auth/server')
  const { actorFromHeaders } = await import('../lib/auth/actor')
  const response = await getAuth().handler(
    new Request('http://localhost:3999/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3999' },
      body: JSON.stringify({ email, password }),
    }),
  )
  if (response.status !== 200) return { status: response.status, actor: null }
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
  return { status: response.status, actor: await actorFromHeaders(new Headers({ cookie })) }
}

describe('inviting a user', () => {
  it('only an admin invites; a manager, an employee and nobody are refused and nothing is made', async () => {
    const { inviteUser } = await users()
    const email = `refused.${unique()}@roster.example`
    const input = { email, role: 'admin', password: strongPassword }
    await assert.rejects(inviteUser(manager, input), (error: AppError) => error.code === 'forbidden:role')
    await assert.rejects(inviteUser(employeeActor('e1'), input), (error: AppError) => error.code === 'forbidden:role')
    await assert.rejects(inviteUser(null, input), (error: AppError) => error.code === 'unauthenticated:session')
    const { getAuth } = await import('../lib/auth/server')
    assert.equal(await (await getAuth().$context).internalAdapter.findUserByEmail(email), null)
  })

  it('an invited user signs in with the password set, with the role and the employee record chosen', async () => {
    const { inviteUser, listUsers } = await users()
    const person = await anEmployee(`Invited Person ${unique()}`)
    // Their login e-mail need not be the one on their employee record: the admin links them.
    const email = `login.${unique()}@roster.example`
    const invited = await inviteUser(admin, { email: ` ${email.toUpperCase()} `, role: 'manager', employeeId: person.id, password: strongPassword, idempotencyKey: `key-${unique()}` })
    assert.deepEqual([invited.email, invited.role, invited.employeeId, invited.employeeName, invited.signIn], [email, 'manager', person.id, person.name, 'password'])

    const listed = (await listUsers(admin)).find((user) => user.email === email)
    assert.equal(listed?.employeeName, person.name, "the admin's list names the linked person")

    const { actor } = await signIn(email, strongPassword)
    assert.equal(actor?.role, 'manager')
    assert.equal(actor?.employeeId, person.id)
    assert.equal((await signIn(email, 'not-the-password-1')).status, 401)
  })

  it('refuses, field by field: a bad e-mail, an e-mail already a user, an unknown person, a person already linked, a weak or missing password', async () => {
    const { inviteUser } = await users()
    const person = await anEmployee()
    const taken = `taken.${unique()}@roster.example`
    await inviteUser(admin, { email: taken, role: 'employee', employeeId: person.id, password: strongPassword })

    await assert.rejects(inviteUser(admin, { email: 'not an address', role: 'employee', password: strongPassword }), refusedOn('email'))
    await assert.rejects(inviteUser(admin, { email: taken.toUpperCase(), role: 'employee', password: strongPassword }), refusedOn('email', /Already a user/))
    await assert.rejects(inviteUser(admin, { email: `x.${unique()}@roster.example`, role: 'owner', password: strongPassword }), refusedOn('role'))
    await assert.rejects(inviteUser(admin, { email: `x.${unique()}@roster.example`, role: 'employee', employeeId: 'e99999999999', password: strongPassword }), refusedOn('employeeId', /No such person/))
    await assert.rejects(inviteUser(admin, { email: `x.${unique()}@roster.example`, role: 'employee', employeeId: person.id, password: strongPassword }), refusedOn('employeeId', new RegExp(`Already linked to ${taken}`)))
    await assert.rejects(inviteUser(admin, { email: `x.${unique()}@roster.example`, role: 'employee', password: 'short1' }), refusedOn('password', /at least 10/))
    await assert.rejects(inviteUser(admin, { email: `sam.jones.${unique()}@roster.example`, role: 'employee', password: 'aaaaaaaaaaaa' }), refusedOn('password', /different characters/))
    const named = `marguerite.${unique()}@roster.example`
    await assert.rejects(inviteUser(admin, { email: named, role: 'employee', password: `${named.split('@')[0]}!2` }), refusedOn('password', /e-mail/))
    await assert.rejects(inviteUser(admin, { email: `x.${unique()}@roster.example`, role: 'employee', password: '' }), refusedOn('password', /initial password/))
  })

  it('a person whose e-mail belongs to another user (linked at their sign-in) counts as linked', async () => {
    const { inviteUser } = await users()
    const person = await anEmployee()
    await inviteUser(admin, { email: person.email, role: 'employee', password: strongPassword })
    await assert.rejects(inviteUser(admin, { email: `other.${unique()}@roster.example`, role: 'employee', employeeId: person.id, password: strongPassword }), refusedOn('employeeId', /Already linked/))
  })

  it('the same invite sent twice (a double submit, a retry after a lost answer) makes one user and answers as the first', async () => {
    const { inviteUser, listUsers } = await users()
    const email = `twice.${unique()}@roster.example`
    const input = { email, role: 'manager', password: strongPassword, idempotencyKey: `twice-${unique()}` }
    const [first, second] = await Promise.all([inviteUser(admin, input), inviteUser(admin, input)])
    assert.equal(first.id, second.id)
    const third = await inviteUser(admin, input)
    assert.equal(third.id, first.id)
    assert.equal((await listUsers(admin)).filter((user) => user.email === email).length, 1)
    assert.equal((await signIn(email, strongPassword)).actor?.role, 'manager')
    // Another invite for the address (a new form) is told it is taken.
    await assert.rejects(inviteUser(admin, { ...input, idempotencyKey: `other-${unique()}` }), refusedOn('email', /Already a user/))
  })

  it('a write DynamoDB applied but answered with a 500 or a reset is recognised as done', async () => {
    const { inviteUser } = await users()
    const email = `lost.answer.${unique()}@roster.example`
    database.proxy.script('PutItem', ['error-after', 'reset-after'], 'AUTH#user')
    const invited = await inviteUser(admin, { email, role: 'manager', password: strongPassword, idempotencyKey: `lost-${unique()}` })
    assert.equal(invited.role, 'manager')
    assert.equal((await signIn(email, strongPassword)).actor?.role, 'manager')
  })

  it('an invite cut off before its password was stored is finished by the retry', async () => {
    const { inviteUser } = await users()
    const { installCrashes } = await import('./helpers/faults')
    const email = `cut.off.${unique()}@roster.example`
    const input = { email, role: 'employee', password: strongPassword, idempotencyKey: `cut-${unique()}` }
    const crash = installCrashes()
    try {
      // The user's pointer and record are written; the process dies before the password's account.
      crash.after(2)
      await assert.rejects(inviteUser(admin, input))
    } finally {
      crash.recover()
      crash.uninstall()
    }
    assert.equal((await signIn(email, strongPassword)).status, 401, 'no password yet')
    await inviteUser(admin, input)
    assert.equal((await signIn(email, strongPassword)).actor?.role, 'employee')
  })
})

describe('inviting with the company sign-in (OpenID Connect)', () => {
  const saved = { ...process.env }
  beforeEach(() => {
    process.env.ROSTER_OIDC_ISSUER = 'http://localhost:3998'
    process.env.ROSTER_OIDC_CLIENT_ID = 'roster-test'
  })
  afterEach(() => {
    for (const name of ['ROSTER_OIDC_ISSUER', 'ROSTER_OIDC_CLIENT_ID', 'ROSTER_DEMO']) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('pre-creates the user with a verified address, the role and the person, and no password', async () => {
    const { inviteUser } = await users()
    const { getAuth } = await import('../lib/auth/server')
    const person = await anEmployee()
    const email = `company.${unique()}@roster.example`
    const invited = await inviteUser(admin, { email, role: 'manager', employeeId: person.id })
    assert.equal(invited.signIn, 'company account')
    const context = await getAuth().$context
    const stored = (await context.internalAdapter.findUserByEmail(email)) as { user: { emailVerified: boolean; role: string; employeeId: string } } | null
    // better-auth links a company sign-in to an existing user only when the address is verified.
    assert.deepEqual([stored?.user.emailVerified, stored?.user.role, stored?.user.employeeId], [true, 'manager', person.id])
    assert.deepEqual(await context.internalAdapter.findAccounts(invited.id), [])
  })

  it('with the company sign-in only, a password is refused by field', async () => {
    const { inviteUser } = await users()
    delete process.env.ROSTER_DEMO
    await assert.rejects(inviteUser(admin, { email: `pw.${unique()}@roster.example`, role: 'employee', password: strongPassword }), refusedOn('password', /Password sign-in is off/))
  })
})
