import { AppError } from '../errors'

export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException'
}

/** Maps what the SDK throws to an AppError once, at the data boundary. */
export function toDatabaseError(error: unknown): AppError {
  if (error instanceof AppError) return error
  console.error('DynamoDB request failed', error)
  return new AppError('internal:database', 'The database could not complete the request. Please try again.')
}
