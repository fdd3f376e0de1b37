// One error type crosses the data boundary. Codes are `<kind>:<subject>`, e.g. 'not_found:client'.
export type AppErrorKind = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'too_large' | 'unsupported' | 'rate_limited' | 'unavailable' | 'internal'

export type FieldErrors = Record<string, string[]>

/** What a thrown value says, for a log line: anything may be thrown, not only Errors. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const statusByKind: Record<AppErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

/** What a 503 (the database busy or unreachable) asks the client to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2

export class AppError extends Error {
  readonly code: string
  readonly fields?: FieldErrors
  /** On a stale save (conflict:stale): the record as it is now, for the form to show. */
  readonly current?: Record<string, unknown>

  constructor(code: `${AppErrorKind}:${string}`, message: string, fields?: FieldErrors, current?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.current = current
  }

  get kind(): AppErrorKind {
    // The constructor's `${AppErrorKind}:${string}` type guarantees the prefix.
    return this.code.split(':')[0] as AppErrorKind
  }

  get status(): number {
    return statusByKind[this.kind]
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/**
 * A decided refusal (not found, conflict, invalid, forbidden...): the request was judged and changed
 * nothing more. A database failure or a bug decides nothing: what it was doing may be half done.
 */
export function isRefusal(error: unknown): boolean {
  return isAppError(error) && error.kind !== 'internal' && error.kind !== 'unavailable'
}

/**
 * The database busy or unreachable (after the SDK's retries): the work may be tried again. Also
 * recognises better-auth's 503, which its adapter answers for the same cause (lib/auth/dynamodb-adapter.ts).
 */
export function isUnavailable(error: unknown): boolean {
  if (isAppError(error)) return error.kind === 'unavailable'
  // better-auth's APIError, probed by shape: its class may be another bundled copy than ours.
  return (error as { statusCode?: unknown } | undefined)?.statusCode === 503
}

export function notFound(subject: string, id: string): AppError {
  return new AppError(`not_found:${subject}`, `No ${subject} with id "${id}".`)
}

/** A save based on a version someone else has since changed: the form shows `current` and keeps the input. */
export function staleSave(subject: string, current: object): AppError {
  return new AppError(
    'conflict:stale',
    `This ${subject} was changed by someone else while you were editing. Their version is shown below; your changes are kept in the form. Save again to overwrite it.`,
    undefined,
    // A view (an interface, which TypeScript will not widen to a record by itself) sent back as JSON.
    current as Record<string, unknown>,
  )
}

/** The JSON body every route handler returns for a failure: never an SDK message or a stack. */
export function toErrorBody(error: unknown): { status: number; body: { error: { code: string; message: string; fields?: FieldErrors; current?: Record<string, unknown> } } } {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, fields: error.fields, current: error.current } } }
  }
  console.error(error)
  return { status: 500, body: { error: { code: 'internal:server', message: 'Something went wrong on our side. Please try again.' } } }
}
