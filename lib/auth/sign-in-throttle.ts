import 'server-only'
import { randomUUID } from 'node:crypto'
import { APIError } from 'better-auth/api'
import { addSignInFailure, markSignInSucceeded, readSignInFailures } from '../db/sign-in-throttle-store'

// Failed sign-ins slow down the one who fails, not the account's owner (OWASP Authentication Cheat
// Sheet, "Protect against automated attacks": throttling rather than an account lockout anyone can
// trigger). docs/security.md has the policy and the cases the tests check.
// - (account, address): five failures in 15 minutes are free; after that each attempt from that
//   address for that account waits 1 s, 2 s, 4 s… (at most 15 minutes) after the last failure. The
//   owner at another address, with no failures there, signs in as usual.
// - address: fifty failures in 15 minutes across any accounts (password spraying) slow that address
//   down the same way, except for accounts that signed in successfully from it in the last 30 days,
//   so that an attacker behind an office's shared address does not lock the office out.
// The address is the one lib/auth/client-address.ts works out (the socket's peer by default); counts
// live in the table, so every app instance sees the same ones.

export const WINDOW_MS = 15 * 60 * 1000
export const FREE_FAILURES_PER_PAIR = 5
export const FREE_FAILURES_PER_ADDRESS = 50
export const MAX_DELAY_MS = 15 * 60 * 1000
export const KNOWN_PAIR_MS = 30 * 24 * 3600 * 1000

const account = (email: string) => email.trim().toLowerCase()
const pairSubject = (email: string, address: string) => `pair:${account(email)}|${address}`
const addressSubject = (address: string) => `address:${address}`
/** Requests whose address is unknown share one address (better to slow them together than not at all). */
const addressOr = (address: string | undefined) => address ?? 'unknown'

/** How long after the last failure the next attempt must wait, after `failures` failures. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures - free, 20))
}

function waitLeft(failures: { count: number; lastFailureAt?: number }, free: number, now: number): number {
  if (failures.lastFailureAt === undefined) return 0
  return Math.max(0, failures.lastFailureAt + delayAfter(failures.count, free) - now)
}

function tooMany(waitMs: number): APIError {
  const seconds = Math.ceil(waitMs / 1000)
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`
  return new APIError('TOO_MANY_REQUESTS', { message: `Too many failed sign-ins from this address. Try again in ${wait}.`, code: 'TOO_MANY_FAILED_SIGN_INS' }, { 'retry-after': String(seconds) })
}

/** Throws 429 when this account must wait before another try from this address. */
export async function refuseIfThrottled(email: string, address: string | undefined, now = Date.now()): Promise<void> {
  if (!account(email)) return
  const from = addressOr(address)
  const pair = await readSignInFailures(pairSubject(email, from), now - WINDOW_MS)
  const pairWait = waitLeft(pair, FREE_FAILURES_PER_PAIR, now)
  if (pairWait > 0) throw tooMany(pairWait)
  if ((pair.knownUntil ?? 0) > now) return
  const addressWait = waitLeft(await readSignInFailures(addressSubject(from), now - WINDOW_MS), FREE_FAILURES_PER_ADDRESS, now)
  if (addressWait > 0) throw tooMany(addressWait)
}

export async function recordSignInOutcome(email: string, address: string | undefined, outcome: 'succeeded' | 'failed' | 'other', now = Date.now()): Promise<void> {
  if (!account(email) || outcome === 'other') return
  const from = addressOr(address)
  if (outcome === 'succeeded') {
    await markSignInSucceeded(pairSubject(email, from), now + KNOWN_PAIR_MS)
    return
  }
  const attempt = randomUUID()
  const pair = await readSignInFailures(pairSubject(email, from), now - WINDOW_MS)
  await addSignInFailure(pairSubject(email, from), attempt, now - WINDOW_MS, now, Math.max(now + WINDOW_MS, pair.knownUntil ?? 0))
  await addSignInFailure(addressSubject(from), attempt, now - WINDOW_MS, now, now + WINDOW_MS)
}
