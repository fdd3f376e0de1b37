import { isAppError } from '../errors'

/**
 * A list page's read: a stale or edited cursor (or filter) in the address starts again from the first
 * page rather than failing, and says so, so that the page can tell the user.
 */
export async function firstPageIfInvalid<T>(list: () => Promise<T>, ...firstPages: (() => Promise<T>)[]): Promise<{ page: T; restarted: boolean }> {
  const attempts = [list, ...firstPages]
  for (const [index, attempt] of attempts.entries()) {
    try {
      return { page: await attempt(), restarted: index > 0 }
    } catch (error) {
      // The next fallback keeps less of the address: first the search without the cursor, then nothing.
      if (!isAppError(error) || error.kind !== 'invalid' || index === attempts.length - 1) throw error
    }
  }
  throw new Error('unreachable')
}
