'use server'

import type { ActionState } from '../action-state'
import { createToken, revokeToken } from '../auth/tokens'
import { setUserRole } from '../auth/users'
import { runAction, runActionForResult } from './run'

/** The created token's secret travels back once, in this answer, and is never stored in the clear. */
export type CreateTokenState = ActionState | { status: 'created'; secret: string; name: string; at: number }

export async function createTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const outcome = await runActionForResult(formData, createToken)
  if ('error' in outcome) return outcome.error
  return { status: 'created', secret: outcome.result.secret, name: outcome.result.token.name, at: Date.now() }
}

export async function revokeTokenAction(input: { tokenId: string }): Promise<ActionState> {
  return runAction(input, revokeToken, () => 'Token revoked')
}

export async function setUserRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, setUserRole, (user) => `${user.name} is now ${user.role === 'admin' ? 'an admin' : `a ${user.role}`}`)
}
