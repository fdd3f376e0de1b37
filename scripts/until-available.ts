import { isUnavailable } from '../lib/errors'

/**
 * Runs a step of start-up or a bulk load again while DynamoDB is busy or unreachable (throttled,
 * timing out, failing with 5xx after the SDK's own retries), saying so, with a growing pause: a bad
 * minute at the database delays the work, it never stops it. Only for idempotent steps.
 */
export async function untilAvailable<T>(step: string, run: () => Promise<T>, log: (message: string) => void = console.log): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (!isUnavailable(error)) throw error
      const pauseMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))
      log(`${step}: DynamoDB is busy or not answering (${(error as Error).message}); trying again in ${Math.round(pauseMs / 1000)} s (attempt ${attempt + 1})`)
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  }
}
