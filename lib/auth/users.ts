import { z } from 'zod'
import { AppError } from '../errors'
import { parseInput } from '../validation'
import { getAuth, SESSION_CACHE_SECONDS } from './server'
import { authorize, isRole, roles, type Actor, type Role } from '../authorization'

// Users and roles: the admin's screen. A role change reaches the user's open sessions within
// SESSION_CACHE_SECONDS (the signed session cookie is re-checked against the table that often).

export interface UserView {
  id: string
  name: string
  email: string
  role: Role
  employeeId?: string
}

export const setRoleInput = z.object({
  userId: z.string().trim().min(1).max(100),
  role: z.enum(roles, { error: 'Choose admin, manager or employee' }),
})

interface StoredUser {
  id: string
  name: string
  email: string
  role?: string | null
  employeeId?: string | null
}

function toUserView(user: StoredUser): UserView {
  return { id: user.id, name: user.name, email: user.email, role: isRole(user.role) ? user.role : 'employee', ...(user.employeeId ? { employeeId: user.employeeId } : {}) }
}

export async function listUsers(actor: Actor | null): Promise<UserView[]> {
  authorize(actor, 'administer')
  const context = await getAuth().$context
  const users = await context.adapter.findMany<StoredUser>({ model: 'user', sortBy: { field: 'email', direction: 'asc' }, limit: 5000 })
  return users.map(toUserView)
}

async function countAdmins(): Promise<number> {
  const context = await getAuth().$context
  const users = await context.adapter.findMany<StoredUser>({ model: 'user', limit: 5000 })
  return users.filter((user) => user.role === 'admin').length
}

/**
 * The one way a role changes (better-auth's own admin endpoints are closed, lib/http/auth-endpoints.ts):
 * an admin changes someone else's role, and the firm always keeps an admin.
 */
export async function setUserRole(actor: Actor | null, input: unknown): Promise<UserView> {
  authorize(actor, 'administer')
  const { userId, role } = parseInput(setRoleInput, input, 'user')
  if (userId === actor.userId) throw new AppError('invalid:role', 'You cannot change your own role; ask another admin.', { role: ['Ask another admin to change your role'] })
  const context = await getAuth().$context
  const user = (await context.internalAdapter.findUserById(userId)) as StoredUser | null
  if (!user) throw new AppError('not_found:user', `No user with id "${userId}".`)
  if (user.role === 'admin' && role !== 'admin' && (await countAdmins()) <= 1) {
    throw new AppError('invalid:role', 'This is the last admin; make someone else an admin first.', { role: ['Make someone else an admin first'] })
  }
  const updated = (await context.internalAdapter.updateUser(userId, { role })) as StoredUser
  return toUserView(updated)
}

export { SESSION_CACHE_SECONDS }
