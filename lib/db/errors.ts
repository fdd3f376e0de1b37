import { AppError } from '../errors'

export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException'
}

/** An update of a map entry on an item whose map does not exist yet (lib/db/aggregates.ts handles it). */
export function isMissingDocumentPath(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ValidationException' && /document path/i.test((error as Error).message)
}

// What callers handle themselves: conditional writes (mapped to conflict/not-found where they are
// made) and the table's own lifecycle (ensureTable).
const passedThrough = new Set(['ConditionalCheckFailedException', 'ResourceNotFoundException', 'ResourceInUseException'])

const throttleNames = /Throughput|Throttl|RequestLimitExceeded|TooManyRequests|LimitExceeded/
const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH'])

/**
 * Whether a failed DynamoDB call is the table being busy or unreachable for now (throttled, a 5xx, a
 * dropped connection, a timeout) rather than a request that can never succeed. The SDK has already
 * retried these; the caller may try again later, and the write may or may not have been applied.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const failure = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown } | undefined
  if (!failure) return false
  if (throttleNames.test(failure.name ?? '')) return true
  if (['InternalServerError', 'ServiceUnavailable', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError', 'DatabaseDeadline'].includes(failure.name ?? '')) return true
  if (networkCodes.has(failure.code ?? '')) return true
  const status = failure.$metadata?.httpStatusCode ?? 0
  return status >= 500 || Boolean(failure.$retryable)
}

export const databaseBusy = () => new AppError('unavailable:database', 'The database is busy. Please try again in a moment.')

/**
 * SDK middleware: every other failure of a DynamoDB call becomes one typed AppError, logged once with
 * its cause, so no SDK message or stack reaches a page or an API response. Throttles, timeouts and
 * 5xx are `unavailable:database` (503 with Retry-After); anything else is a bug or a misconfiguration.
 */
export const errorMappingMiddleware =
  (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
  async (args: { input: unknown }) => {
    try {
      return await next(args)
    } catch (error) {
      if (error instanceof AppError || passedThrough.has((error as Error)?.name) || isMissingDocumentPath(error)) throw error
      if (isTransientDatabaseError(error)) {
        console.error(`DynamoDB ${context.commandName ?? 'request'} is unavailable after retries: ${(error as Error)?.name} ${(error as Error)?.message ?? ''}`.trim())
        throw databaseBusy()
      }
      console.error(`DynamoDB ${context.commandName ?? 'request'} failed`, error)
      throw new AppError('internal:database', 'The database could not complete the request. Please try again.')
    }
  }

/**
 * SDK middleware: a call (with all its retries) that has not answered after `totalMs` fails with a
 * transient error. Each attempt has its own, shorter timeout (the request handler's).
 */
export function deadlineMiddleware(totalMs: number) {
  return (next: (args: { input: unknown }) => Promise<{ output: unknown }>) =>
    (args: { input: unknown }) => {
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`No answer within ${totalMs} ms`), { name: 'DatabaseDeadline' })), totalMs)
        timer.unref?.()
      })
      return Promise.race([next(args), deadline]).finally(() => clearTimeout(timer))
    }
}
