import { z } from 'zod'
import { AppError } from '../errors'

// Cursors are opaque to callers: a base64url JSON of the LastEvaluatedKey, validated on the way back
// in so that a tampered cursor is a clear 400, never a database error.
const cursorKey = z.record(z.string().regex(/^(PK|SK|GSI[1-6](PK|SK))$/), z.string().max(1024))

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  if (!lastEvaluatedKey) return null
  return Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined | null, expectedPartition?: { attribute: string; value: string }): Record<string, string> | undefined {
  if (!cursor) return undefined
  try {
    const parsed = cursorKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (expectedPartition && parsed[expectedPartition.attribute] !== expectedPartition.value) throw new Error('cursor from another list')
    return parsed
  } catch {
    throw new AppError('invalid:cursor', 'The page cursor is not valid. Start again from the first page.', { cursor: ['Not a valid page cursor'] })
  }
}
