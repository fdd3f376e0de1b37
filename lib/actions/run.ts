import { revalidatePath } from 'next/cache'
import { currentActor } from '../auth/session'
import type { Actor } from '../authorization'
import { AppError } from '../errors'
import { formValues, success, toActionError, type ActionState } from '../action-state'

// The one place a server action's cross-cutting work happens: the acting user is resolved and handed
// to the domain function (which authorizes), the input goes to it as it came (the mutation parses
// it), errors become field errors or a message, and every screen that shows the data is revalidated
// after a change.

export type FormInput = FormData | Record<string, unknown>
type Mutation<T> = (actor: Actor | null, input: unknown) => Promise<T>

function valuesOf(input: unknown): Record<string, string> | undefined {
  return input instanceof FormData ? formValues(input) : undefined
}

/** Server actions can be called with anything; only a form or a plain object reaches a mutation. */
function inputOf(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formValues(input)
  // A plain object (checked just here) is a record of fields; the mutation parses its values.
  if (input && typeof input === 'object' && !Array.isArray(input) && Object.getPrototypeOf(input) === Object.prototype) return input as Record<string, unknown>
  throw new AppError('invalid:body', 'This action takes a form or an object of fields.', { body: ['Must be a form or an object of fields'] })
}

async function perform<T>(input: unknown, mutate: Mutation<T>): Promise<{ result: T; fields: Record<string, unknown> }> {
  const fields = inputOf(input)
  return { result: await mutate(await currentActor(), fields), fields }
}

/** Runs a mutation for a form or a button, answering with a message or the error to show. */
export async function runAction<T>(input: unknown, mutate: Mutation<T>, message: (result: T) => string): Promise<ActionState> {
  try {
    const { result } = await perform(input, mutate)
    revalidatePath('/', 'layout')
    return success(message(result))
  } catch (error) {
    return toActionError(error, valuesOf(input))
  }
}

/**
 * Runs a mutation and hands back its result (with the fields it was given, which it has accepted), or
 * the error state for the form. For actions that use the result: to redirect (outside any try/catch,
 * since redirect works by throwing) or to return it.
 */
export async function runActionForResult<T>(input: unknown, mutate: Mutation<T>): Promise<{ result: T; fields: Record<string, unknown> } | { error: ActionState }> {
  try {
    const outcome = await perform(input, mutate)
    revalidatePath('/', 'layout')
    return outcome
  } catch (error) {
    return { error: toActionError(error, valuesOf(input)) }
  }
}
