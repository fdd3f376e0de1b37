import { z } from 'zod'
import { AppError } from '../errors'
import { parseInput } from '../validation'
import { getAuth } from './server'
import { authorize, isRole, type Actor, type Role } from '../authorization'

// Personal access tokens for scripts (better-auth's API-key plugin): shown once, stored hashed, each
// with an expiry and the role its creator had. A token acts with the lower of that role and the
// creator's role now (lib/auth/actor.ts), so demoting a person demotes their tokens too.

export interface TokenView {
  id: string
  name: string
  /** The first characters, to tell tokens apart ("roster_AbC…"). */
  start: string
  role: Role
  createdAt: string
  expiresAt: string | null
}

export const createTokenInput = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(60, 'At most 60 characters'),
  expiresInDays: z.coerce.number({ error: 'Choose how long it lasts' }).int('Whole days').min(1, 'At least 1 day').max(365, 'At most 365 days'),
})

export const revokeTokenInput = z.object({ tokenId: z.string().trim().min(1).max(100) })

interface StoredKey {
  id: string
  name?: string | null
  start?: string | null
  referenceId: string
  metadata?: unknown
  createdAt: Date | string
  expiresAt?: Date | string | null
}

function roleOfKey(key: StoredKey): Role {
  const metadata = typeof key.metadata === 'string' ? (JSON.parse(key.metadata) as { role?: unknown }) : (key.metadata as { role?: unknown } | null)
  return isRole(metadata?.role) ? metadata.role : 'employee'
}

function toTokenView(key: StoredKey): TokenView {
  const iso = (value: Date | string) => new Date(value).toISOString()
  return { id: key.id, name: key.name ?? '', start: key.start ?? '', role: roleOfKey(key), createdAt: iso(key.createdAt), expiresAt: key.expiresAt ? iso(key.expiresAt) : null }
}

function refuseTokenCaller(actor: Actor) {
  // A token cannot mint or revoke tokens: a leaked one must not be able to keep itself alive.
  if (actor.via === 'token') throw new AppError('forbidden:token', 'Access tokens are managed on the Settings page, not with a token.')
}

export async function listTokens(actor: Actor | null): Promise<TokenView[]> {
  authorize(actor, 'read')
  refuseTokenCaller(actor)
  const context = await getAuth().$context
  const keys = await context.adapter.findMany<StoredKey>({ model: 'apikey', where: [{ field: 'referenceId', value: actor.userId }] })
  return keys.map(toTokenView).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Creates a token; the secret is in the answer and nowhere else. */
export async function createToken(actor: Actor | null, input: unknown): Promise<{ secret: string; token: TokenView }> {
  authorize(actor, 'read')
  refuseTokenCaller(actor)
  const { name, expiresInDays } = parseInput(createTokenInput, input, 'token')
  const created = await getAuth().api.createApiKey({
    body: { name, expiresIn: expiresInDays * 24 * 3600, userId: actor.userId, metadata: { role: actor.role } },
  })
  return { secret: created.key, token: toTokenView(created as unknown as StoredKey) }
}

export async function revokeToken(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'read')
  refuseTokenCaller(actor)
  const { tokenId } = parseInput(revokeTokenInput, input, 'token')
  const context = await getAuth().$context
  const key = await context.adapter.findOne<StoredKey>({ model: 'apikey', where: [{ field: 'id', value: tokenId }] })
  if (!key || key.referenceId !== actor.userId) throw new AppError('not_found:token', 'No such token of yours.', { tokenId: ['No such token of yours'] })
  await context.adapter.delete({ model: 'apikey', where: [{ field: 'id', value: tokenId }] })
}
