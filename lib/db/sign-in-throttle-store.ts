import 'server-only'
import { $add, $remove, GetItemCommand, UpdateItemCommand } from 'dynamodb-toolbox'
import { SignInFailuresEntity } from './entities/auth'
import { isConditionalCheckFailed } from './errors'

// Storage for the sign-in throttle (lib/auth/sign-in-throttle.ts decides what to count). Each failed
// attempt is an id added to a string set, never a bare ADD of 1: when DynamoDB applied a write whose
// answer was lost and the SDK sends it again, the same id is added again and the failure counts once.

export interface SignInFailures {
  /** Failures in the window that started at or after `windowFrom`. */
  count: number
  lastFailureAt?: number
  knownUntil?: number
}

export async function readSignInFailures(subject: string, windowFrom: number): Promise<SignInFailures> {
  const { Item } = await SignInFailuresEntity.build(GetItemCommand).key({ subject }).options({ consistent: true }).send()
  if (!Item) return { count: 0 }
  const current = Item.windowStart !== undefined && Item.windowStart >= windowFrom
  return { count: current ? (Item.attempts?.size ?? 0) : 0, lastFailureAt: current ? Item.lastFailureAt : undefined, knownUntil: Item.knownUntil }
}

const seconds = (ms: number) => Math.ceil(ms / 1000)

/**
 * Counts the failed attempt `attemptId`: in the current window when there is one, else in a new window
 * from now. `keepUntil` is how long the item must last (at least the window; longer for a known pair).
 */
export async function addSignInFailure(subject: string, attemptId: string, windowFrom: number, now: number, keepUntil: number): Promise<void> {
  // Two conditional writes, tried in turn: a concurrent (or retried) write that started the window
  // makes the second fail, and then the first one applies.
  for (let tries = 0; tries < 4; tries++) {
    try {
      await SignInFailuresEntity.build(UpdateItemCommand)
        .item({ subject, attempts: $add(new Set([attemptId])), lastFailureAt: now, expiresAt: seconds(keepUntil) })
        .options({ condition: { attr: 'windowStart', gte: windowFrom } })
        .send()
      return
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
    }
    try {
      await SignInFailuresEntity.build(UpdateItemCommand)
        .item({ subject, attempts: new Set([attemptId]), windowStart: now, lastFailureAt: now, expiresAt: seconds(keepUntil) })
        .options({ condition: { or: [{ attr: 'windowStart', exists: false }, { attr: 'windowStart', lt: windowFrom }] } })
        .send()
      return
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
    }
  }
  throw new Error(`Could not count a failed sign-in for ${subject}`)
}

/** A successful sign-in: the pair's failures are forgiven, and the pair is known until `knownUntil`. */
export async function markSignInSucceeded(subject: string, knownUntil: number): Promise<void> {
  await SignInFailuresEntity.build(UpdateItemCommand)
    .item({ subject, attempts: $remove(), windowStart: $remove(), lastFailureAt: $remove(), knownUntil, expiresAt: seconds(knownUntil) })
    .send()
}
