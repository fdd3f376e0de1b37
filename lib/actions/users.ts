'use server'

import { success, type ActionState } from '../action-state'
import { inviteUser } from '../auth/users'
import { runActionForResult } from './run'

/**
 * "Invite a user" on /admin/users. The password the admin typed is never sent back: not in the
 * answer, and not among the values a refused form shows again.
 */
export async function inviteUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, inviteUser)
  if ('error' in outcome) {
    const { error } = outcome
    if (error.status !== 'error' || !error.values) return error
    const { password: _password, ...values } = error.values
    return { ...error, values }
  }
  const user = outcome.result
  const role = user.role === 'admin' ? 'an admin' : `a ${user.role}`
  const how = user.signIn === 'password' ? 'they can sign in with the password you set' : 'their first sign-in with the company account applies it'
  return success(`${user.email} added as ${role}: ${how}`)
}
