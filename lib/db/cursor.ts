import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../errors'

// Cursors are opaque to callers: a base64url JSON of the LastEvaluatedKey and an HMAC of it under the
// app's secret. A cursor Roster did not make (a forged key the engine would refuse with a 500) is a
// clear 400 before any read; a real one from another list is refused by its partition.
const cursorKey = z.record(z.string().regex(/^(PK|SK|GSI[1-6](PK|SK))$/), z.string().max(1024))

// The tests and the benchmark run without a secret (as lib/auth/server.ts allows); every server has one.
const signingKey = () => `roster-cursor:${process.env.BETTER_AUTH_SECRET ?? 'roster-tests-and-benchmark-secret-not-for-any-server'}`

const signatureOf = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest().subarray(0, 16)

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  if (!lastEvaluatedKey) return null
  const payload = Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url')
  return `${payload}.${signatureOf(payload).toString('base64url')}`
}

const invalidCursor = () => new AppError('invalid:cursor', 'The page cursor is not valid. Start again from the first page.', { cursor: ['Not a valid page cursor'] })

export function decodeCursor(cursor: string | undefined | null, expectedPartition?: { attribute: string; value: string }): Record<string, string> | undefined {
  if (!cursor) return undefined
  const [payload, signature, ...rest] = cursor.split('.')
  if (!payload || !signature || rest.length || cursor.length > 4096) throw invalidCursor()
  const given = Buffer.from(signature, 'base64url')
  const expected = signatureOf(payload)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor()
  try {
    const parsed = cursorKey.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
    if (expectedPartition && parsed[expectedPartition.attribute] !== expectedPartition.value) throw new Error('cursor from another list')
    return parsed
  } catch {
    throw invalidCursor()
  }
}
