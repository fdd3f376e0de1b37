import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { readAuthConfig } from '../lib/auth/config'
import { CLIENT_ADDRESS_HEADER, clientAddressOf, resolveClientAddress } from '../lib/auth/client-address'

useTestDatabase()

// The sign-in throttle (docs/security.md, "Failed sign-ins"): the cases of the policy, on the test
// table, and through better-auth's sign-in endpoint as the app serves it.

const ORIGIN = 'http://localhost:3997'

before(() => {
  process.env.ROSTER_DEMO = '1'
  process.env.BETTER_AUTH_URL = ORIGIN
})

describe('the client address', () => {
  it('is the socket’s peer when no hops are trusted, whatever X-Forwarded-For claims', () => {
    assert.equal(resolveClientAddress({ forwardedFor: '203.0.113.9', peer: '198.51.100.7', trustedHops: 0 }), '198.51.100.7')
    assert.equal(resolveClientAddress({ forwardedFor: undefined, peer: '::ffff:127.0.0.1', trustedHops: 0 }), '127.0.0.1')
  })

  it('behind N trusted hops is the Nth entry from the right: what a client writes further left is ignored', () => {
    // One load balancer (the peer) appended the client it saw; the client spoofed two entries before it.
    assert.equal(resolveClientAddress({ forwardedFor: '203.0.113.9, 10.9.9.9, 198.51.100.7', peer: '10.0.0.2', trustedHops: 1 }), '198.51.100.7')
    // Two: a CDN appended the client, the balancer appended the CDN.
    assert.equal(resolveClientAddress({ forwardedFor: '1.1.1.1, 198.51.100.7, 192.0.2.10', peer: '10.0.0.2', trustedHops: 2 }), '198.51.100.7')
    // Fewer entries than hops: the leftmost is the best guess.
    assert.equal(resolveClientAddress({ forwardedFor: '', peer: '10.0.0.2', trustedHops: 3 }), '10.0.0.2')
    // An entry that is no address is charged to the hop that wrote it.
    assert.equal(resolveClientAddress({ forwardedFor: 'evil, not-an-ip', peer: '10.0.0.2', trustedHops: 1 }), '10.0.0.2')
    assert.equal(resolveClientAddress({ forwardedFor: '198.51.100.7:51234', peer: '10.0.0.2', trustedHops: 1 }), '198.51.100.7')
    assert.equal(resolveClientAddress({ forwardedFor: '[2001:DB8::1]:443', peer: '10.0.0.2', trustedHops: 1 }), '2001:db8::1')
  })

  it('is configured by a hop count; a header named alone means one hop, and a bad count stops the start', () => {
    assert.equal(readAuthConfig({}).trustedHops, 0)
    assert.equal(readAuthConfig({ ROSTER_CLIENT_IP_HEADER: 'X-Forwarded-For' }).trustedHops, 1)
    assert.equal(readAuthConfig({ ROSTER_TRUSTED_HOPS: '2' }).trustedHops, 2)
    assert.throws(() => readAuthConfig({ ROSTER_TRUSTED_HOPS: 'all' }), /ROSTER_TRUSTED_HOPS/)
  })
})

describe('failed sign-ins', () => {
  it('five failures for an account from one address are free; then that address waits 1 s, 2 s, 4 s… and the owner elsewhere is not slowed', async () => {
    const { refuseIfThrottled, recordSignInOutcome, FREE_FAILURES_PER_PAIR } = await import('../lib/auth/sign-in-throttle')
    const email = `pair.${Date.now()}@roster.example`
    const attacker = '198.51.100.20'
    const t0 = Date.now()
    for (let n = 0; n < FREE_FAILURES_PER_PAIR; n++) {
      await refuseIfThrottled(email, attacker, t0 + n)
      await recordSignInOutcome(email, attacker, 'failed', t0 + n)
    }
    const last = t0 + FREE_FAILURES_PER_PAIR - 1
    await assert.rejects(refuseIfThrottled(email, attacker, last + 500), /Try again in 1 second/)
    await refuseIfThrottled(email, attacker, last + 1000)
    await recordSignInOutcome(email, attacker, 'failed', last + 1000)
    await assert.rejects(refuseIfThrottled(email, attacker, last + 2500), /Try again in 1 second/)
    await refuseIfThrottled(email, attacker, last + 3000)
    // The owner, at an address with no recent failures, is not slowed at all.
    await refuseIfThrottled(email, '203.0.113.60', last + 1)
    // The window passes: the pair starts again.
    await refuseIfThrottled(email, attacker, t0 + 16 * 60 * 1000)
  })

  it('delays grow to at most 15 minutes', async () => {
    const { delayAfter, MAX_DELAY_MS } = await import('../lib/auth/sign-in-throttle')
    assert.deepEqual([4, 5, 6, 7, 10].map((n) => delayAfter(n, 5)), [0, 1000, 2000, 4000, 32_000])
    assert.equal(delayAfter(500, 5), MAX_DELAY_MS)
  })

  it('an address spraying many accounts is slowed, except for accounts that signed in from it before (an office behind one address)', async () => {
    const { refuseIfThrottled, recordSignInOutcome, FREE_FAILURES_PER_ADDRESS } = await import('../lib/auth/sign-in-throttle')
    const office = '192.0.2.77'
    const colleague = `colleague.${Date.now()}@roster.example`
    await recordSignInOutcome(colleague, office, 'succeeded')
    for (let n = 0; n < FREE_FAILURES_PER_ADDRESS; n++) await recordSignInOutcome(`spray${n}.${Date.now()}@roster.example`, office, 'failed')
    await assert.rejects(refuseIfThrottled('someone.new@roster.example', office), /Too many failed sign-ins/)
    await refuseIfThrottled(colleague, office)
    await refuseIfThrottled('someone.new@roster.example', '192.0.2.78')
  })

  it('a failure DynamoDB applied but whose answer was lost, and that the SDK sent again, counts once', async () => {
    const { getDb } = await import('../lib/db/client')
    const { addSignInFailure, readSignInFailures } = await import('../lib/db/sign-in-throttle-store')
    const { client } = getDb()
    let lost = 0
    // Inside the SDK's retry loop: the write reaches the table, then the connection drops.
    const middleware = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      const result = await next(args)
      if (context.commandName === 'UpdateItemCommand' && lost < 2) {
        lost++
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} })
      }
      return result
    }
    client.middlewareStack.add(middleware as never, { step: 'deserialize', name: 'testLostAnswer', priority: 'low' })
    const subject = `pair:retry.${Date.now()}@roster.example|192.0.2.1`
    const now = Date.now()
    try {
      await addSignInFailure(subject, 'attempt-1', now - 60_000, now, now + 60_000)
      await addSignInFailure(subject, 'attempt-2', now - 60_000, now, now + 60_000)
    } finally {
      client.middlewareStack.remove('testLostAnswer')
    }
    assert.equal(lost, 2, 'both writes were applied and then sent again')
    assert.equal((await readSignInFailures(subject, now - 60_000)).count, 2)
  })
})

describe('through better-auth’s sign-in', () => {
  async function signIn(password: string, headers: Record<string, string>) {
    const { handleAuthRequest } = await import('../lib/http/auth-endpoints')
    const request = new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify({ email: 'rafael.wilson@roster.example', password }),
    })
    // What npm start and proxy.ts do for every request: the socket's peer (here, the load balancer) in
    // a header only scripts/peer-address.mjs sets, then the address worked out from it.
    const flag = Symbol.for('roster.peerAddress')
    const forwarded = new Headers(request.headers)
    forwarded.set('x-roster-peer-address', '10.0.0.2')
    ;(globalThis as Record<symbol, unknown>)[flag] = true
    try {
      forwarded.set(CLIENT_ADDRESS_HEADER, clientAddressOf(forwarded, readAuthConfig({ ...process.env, ROSTER_TRUSTED_HOPS: '1' }))!)
    } finally {
      delete (globalThis as Record<symbol, unknown>)[flag]
    }
    return handleAuthRequest(new Request(request, { headers: forwarded }))
  }

  it('an attacker’s wrong passwords slow the attacker, spoofed X-Forwarded-For or not, and the user’s correct password still signs in', async () => {
    const { ensureDemoUsers } = await import('../lib/auth/demo-users')
    const { DEMO_PASSWORD } = await import('../lib/auth/demo-accounts')
    await ensureDemoUsers()
    // The attacker is 198.51.100.9 (as the load balancer appends it); each try writes a fresh address
    // on the left of X-Forwarded-For, and the victim's own address on one of them.
    const attacker = (n: number) => ({ 'x-forwarded-for': `${n % 2 ? '203.0.113.50' : `10.1.1.${n}`}, 198.51.100.9` })
    for (let n = 0; n < 5; n++) assert.equal((await signIn('wrong password', attacker(n))).status, 401)
    const throttled = await signIn('wrong password', attacker(5))
    assert.equal(throttled.status, 429)
    assert.match(JSON.stringify(await throttled.json()), /Too many failed sign-ins from this address/)
    assert.ok(Number(throttled.headers.get('retry-after')) >= 1)
    // Even the right password waits at the attacker's address: a guess is a guess.
    assert.equal((await signIn(DEMO_PASSWORD, attacker(6))).status, 429)
    // The user, from their own address, signs in with the correct password straight away.
    const user = await signIn(DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.50' })
    assert.equal(user.status, 200)
  })

  it('without any proxy configured, requests are still counted, by the socket’s address', async () => {
    const config = readAuthConfig({})
    assert.equal(config.trustedHops, 0)
    // Next puts the socket's address in X-Forwarded-For when a client sends none.
    assert.equal(clientAddressOf(new Headers({ 'x-forwarded-for': '127.0.0.1' }), config), '127.0.0.1')
    assert.equal(clientAddressOf(new Headers({ 'x-roster-peer-address': '::1', 'x-forwarded-for': '::1' }), config), '::1')
  })
})
