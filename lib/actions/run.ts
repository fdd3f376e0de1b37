import { revalidatePath } from 'next/cache'
import { formValues, success, toActionError, type ActionState } from '../action-state'

// The one place a server action's cross-cutting work happens: the input goes to the domain function
// as it came (the mutation parses it), errors become field errors or a message, and every screen that
// shows the data is revalidated after a change.

export type FormInput = FormData | Record<string, unknown>

function valuesOf(input: FormInput): Record<string, string> | undefined {
  return input instanceof FormData ? formValues(input) : undefined
}

function inputOf(input: FormInput): Record<string, unknown> {
  return input instanceof FormData ? formValues(input) : input
}

/** Runs a mutation for a form or a button, answering with a message or the error to show. */
export async function runAction<T>(input: FormInput, mutate: (input: unknown) => Promise<T>, message: (result: T) => string): Promise<ActionState> {
  try {
    const result = await mutate(inputOf(input))
    revalidatePath('/', 'layout')
    return success(message(result))
  } catch (error) {
    return toActionError(error, valuesOf(input))
  }
}

/**
 * Runs a mutation and hands back its result, or the error state for the form. For actions that use
 * the result: to redirect (outside any try/catch, since redirect works by throwing) or to return it.
 */
export async function runActionForResult<T>(input: FormInput, mutate: (input: unknown) => Promise<T>): Promise<{ result: T } | { error: ActionState }> {
  try {
    const result = await mutate(inputOf(input))
    revalidatePath('/', 'layout')
    return { result }
  } catch (error) {
    return { error: toActionError(error, valuesOf(input)) }
  }
}
