import { isAppError, type FieldErrors } from './errors'

// What every server action returns to its form (useActionState).
export type ActionState =
  | { status: 'idle' }
  | { status: 'error'; message: string; fieldErrors: FieldErrors; values?: Record<string, string>; code?: string; current?: Record<string, unknown> }
  | { status: 'success'; message: string; at: number }

export const idleState: ActionState = { status: 'idle' }

export function formValues(formData: FormData): Record<string, string> {
  // Object.fromEntries types its values loosely; the filter kept strings only (files are not form values here).
  return Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === 'string')) as Record<string, string>
}

/** An AppError becomes field errors and a message; anything else a generic message (logged, never shown). */
export function toActionError(error: unknown, values?: Record<string, string>): ActionState {
  if (isAppError(error)) {
    return {
      status: 'error',
      message: error.kind === 'invalid' ? 'Please correct the highlighted fields.' : error.message,
      fieldErrors: error.fields ?? {},
      values,
      code: error.code,
      // A stale save: the record as it is now, for the form to show next to the user's input.
      ...(error.current ? { current: error.current } : {}),
    }
  }
  console.error(error)
  return { status: 'error', message: 'Something went wrong on our side. Please try again.', fieldErrors: {}, values }
}

export function success(message: string): ActionState {
  return { status: 'success', message, at: Date.now() }
}
