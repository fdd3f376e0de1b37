import { APIError } from 'better-auth/api'
import { addSignInFailure, clearSignInFailures, readSignInFailures } from '../db/auth-store'
import type { AuthConfig } from './config'

// Repeated failed sign-ins lock the account, and the address they came from, for a while. Counted in
// the table, so every app instance sees the same counts. Only failures count: a correct password
// after fewer than the limit clears the account's count.

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 30

const accountSubject = (email: string) => `account:${email.trim().toLowerCase()}`
const addressSubject = (address: string) => `address:${address}`

/** The client's address from the load balancer's header, when one is configured. */
export function clientAddress(source: Request | Headers | undefined, config: AuthConfig): string | undefined {
  if (!source || config.ipHeaders.length === 0) return undefined
  const headers = source instanceof Headers ? source : source.headers
  for (const name of config.ipHeaders) {
    const value = headers.get(name)?.split(',')[0]?.trim()
    if (value) return value.slice(0, 64)
  }
  return undefined
}

function subjectsOf(email: string, address: string | undefined) {
  const subjects: { subject: string; limit: number }[] = []
  if (email) subjects.push({ subject: accountSubject(email), limit: MAX_FAILURES_PER_ACCOUNT })
  if (address) subjects.push({ subject: addressSubject(address), limit: MAX_FAILURES_PER_ADDRESS })
  return subjects
}

export async function refuseIfLockedOut(email: string, address: string | undefined, now = Date.now()): Promise<void> {
  for (const { subject, limit } of subjectsOf(email, address)) {
    if ((await readSignInFailures(subject, now - LOCKOUT_WINDOW_MS)) >= limit) {
      throw new APIError('TOO_MANY_REQUESTS', {
        message: `Too many failed sign-ins. Try again in ${LOCKOUT_WINDOW_MS / 60_000} minutes.`,
        code: 'TOO_MANY_FAILED_SIGN_INS',
      })
    }
  }
}

export async function recordSignInOutcome(email: string, address: string | undefined, outcome: 'succeeded' | 'failed' | 'other', now = Date.now()): Promise<void> {
  if (outcome === 'succeeded' && email) await clearSignInFailures(accountSubject(email))
  if (outcome !== 'failed') return
  for (const { subject } of subjectsOf(email, address)) await addSignInFailure(subject, now - LOCKOUT_WINDOW_MS, now, LOCKOUT_WINDOW_MS)
}
