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

/**
 * SDK middleware: every other failure of a DynamoDB call becomes one typed AppError, logged once with
 * its cause, so no SDK message or stack reaches a page or an API response.
 */
export const errorMappingMiddleware =
  (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
  async (args: { input: unknown }) => {
    try {
      return await next(args)
    } catch (error) {
      if (error instanceof AppError || passedThrough.has((error as Error)?.name) || isMissingDocumentPath(error)) throw error
      console.error(`DynamoDB ${context.commandName ?? 'request'} failed`, error)
      const throttled = /Throughput|Throttl|RequestLimitExceeded/.test((error as Error)?.name ?? '')
      throw new AppError(
        throttled ? 'unavailable:database' : 'internal:database',
        throttled ? 'The database is busy. Please try again in a moment.' : 'The database could not complete the request. Please try again.',
      )
    }
  }
