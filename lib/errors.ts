// One error type crosses the data boundary. Codes are `<kind>:<subject>`, e.g. 'not_found:client'.
export type AppErrorKind = 'not_found' | 'conflict' | 'invalid' | 'internal'

export type FieldErrors = Record<string, string[]>

const statusByKind: Record<AppErrorKind, number> = {
  not_found: 404,
  conflict: 409,
  invalid: 400,
  internal: 500,
}

export class AppError extends Error {
  readonly code: string
  readonly fields?: FieldErrors

  constructor(code: `${AppErrorKind}:${string}`, message: string, fields?: FieldErrors) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }

  get kind(): AppErrorKind {
    return this.code.split(':')[0] as AppErrorKind
  }

  get status(): number {
    return statusByKind[this.kind]
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export function notFound(subject: string, id: string): AppError {
  return new AppError(`not_found:${subject}`, `No ${subject} with id "${id}".`)
}

/** The JSON body every route handler returns for a failure: never an SDK message or a stack. */
export function toErrorBody(error: unknown): { status: number; body: { error: { code: string; message: string; fields?: FieldErrors } } } {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, fields: error.fields } } }
  }
  console.error(error)
  return { status: 500, body: { error: { code: 'internal:server', message: 'Something went wrong on our side. Please try again.' } } }
}
