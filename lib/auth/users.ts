import { z } from 'zod'
import { AppError, isAppError } from '../errors'
import { idForKey } from '../ids'
import { readLiveEmployee } from '../reads'
import { blankToUndefined, entityId, idempotencyKey, parseInput } from '../validation'
import { readAuthConfig } from './config'
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
  /** The linked employee's name as of the link or the user's last sign-in (kept on the user: the list stays one Query). */
  employeeName?: string
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
  employeeName?: string | null
}

function toUserView(user: StoredUser): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: isRole(user.role) ? user.role : 'employee',
    ...(user.employeeId ? { employeeId: user.employeeId, ...(user.employeeName ? { employeeName: user.employeeName } : {}) } : {}),
  }
}

export async function listUsers(actor: Actor | null): Promise<UserView[]> {
  authorize(actor, 'administer')
  const context = await getAuth().$context
  const users = await context.adapter.findMany<StoredUser>({ model: 'user', sortBy: { field: 'email', direction: 'asc' }, limit: 5000 })
  return users.map(toUserView)
}

async function allUsers(): Promise<StoredUser[]> {
  const context = await getAuth().$context
  return context.adapter.findMany<StoredUser>({ model: 'user', limit: 5000 })
}

async function countAdmins(): Promise<number> {
  return (await allUsers()).filter((user) => user.role === 'admin').length
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

/** Passwords an attacker tries first; a longer list belongs to a breach check, which needs the network. */
const commonPasswords = new Set(['password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'qwerty1234', 'letmein123', 'welcome123', 'iloveyou12', 'changeme123', 'administrator', 'roster-demo'])

/** Why a password is too weak to set, or undefined (the same limits better-auth enforces, and a few more). */
export function passwordWeakness(password: string, email: string): string | undefined {
  if (password.length < 10) return 'Use at least 10 characters'
  if (password.length > 128) return 'Use at most 128 characters'
  if (new Set(password).size < 5) return 'Use more different characters'
  const lowered = password.toLowerCase()
  if (commonPasswords.has(lowered)) return 'This password is too common'
  const name = email.split('@')[0]?.toLowerCase() ?? ''
  if (name.length >= 3 && lowered.includes(name)) return 'Do not use the e-mail address in the password'
  return undefined
}

export const inviteUserInput = z.object({
  // Trimmed before it is checked: an address pasted with a space is still that address.
  email: z
    .string({ error: 'Enter an e-mail address, like jane.doe@example.com' })
    .trim()
    .toLowerCase()
    .max(254, 'E-mail is too long')
    .pipe(z.email({ error: 'Enter an e-mail address, like jane.doe@example.com' })),
  role: z.enum(roles, { error: 'Choose admin, manager or employee' }),
  employeeId: z.preprocess(blankToUndefined, entityId('Employee record').optional()),
  password: z.preprocess(blankToUndefined, z.string({ error: 'Password must be text' }).max(200, 'Use at most 128 characters').optional()),
  idempotencyKey,
})

export interface InvitedUser extends UserView {
  /** How they sign in: with the password the admin set, or with the company account only. */
  signIn: 'password' | 'company account'
}

/** "jane.doe" -> "Jane Doe": the name of an invited user who is no one's employee record (their first company sign-in may bring the real one). */
function nameFromEmail(email: string): string {
  const words = (email.split('@')[0] ?? email).split(/[._+-]+/).filter(Boolean)
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ') || email
}

function invalid(field: string, message: string): AppError {
  return new AppError('invalid:user', `Invalid user: ${field}: ${message}`, { [field]: [message] })
}

/**
 * An admin adds a user before their first sign-in, through Roster's own rules (better-auth's admin
 * endpoints are closed): the role and the employee link apply from that first sign-in. With password
 * sign-in the admin sets the initial password (typed by the admin, never sent back); with the company
 * sign-in (OIDC) the user is found by e-mail when they first come (the address is marked verified, so
 * better-auth links their company account to it when the provider vouches for the address too).
 *
 * Safe to retry: the user's id comes from the form's idempotency key, so a retried invite finds the
 * user it made (and finishes a password link cut off before it was written) and answers as the first.
 */
export async function inviteUser(actor: Actor | null, input: unknown): Promise<InvitedUser> {
  authorize(actor, 'administer')
  const { email, role, employeeId, password, idempotencyKey: key } = parseInput(inviteUserInput, input, 'user')
  const config = readAuthConfig()
  if (password !== undefined && !config.passwordSignIn) throw invalid('password', 'Password sign-in is off here: leave this blank (they sign in with the company account)')
  if (password === undefined && config.passwordSignIn && !config.oidc) throw invalid('password', 'Set an initial password: this installation signs in with passwords')
  const weakness = password === undefined ? undefined : passwordWeakness(password, email)
  if (weakness) throw invalid('password', weakness)

  const context = await getAuth().$context
  const id = idForKey('user', key)
  const replay = key ? ((await context.internalAdapter.findUserById(id)) as StoredUser | null) : null
  if (replay && replay.email !== email) throw invalid('idempotencyKey', 'This key was used for another invite: reload the page')
  if (!replay) {
    if (await context.internalAdapter.findUserByEmail(email)) throw invalid('email', 'Already a user: change their role in the list')
    const employee = employeeId ? await linkableEmployee(employeeId, email) : undefined
    try {
      await context.internalAdapter.createUser(
        {
          id,
          email,
          name: employee?.name ?? nameFromEmail(email),
          // The admin vouches for the address: a company sign-in with it is linked to this user.
          emailVerified: true,
          role,
          employeeId: employee?.id ?? null,
          employeeName: employee?.name ?? null,
        },
        { method: 'admin' },
      )
    } catch (error) {
      // Two submissions of one invite at once: the other made the user; this one answers as it.
      if (!key || !(await context.internalAdapter.findUserById(id))) throw error
    }
  }
  const user = (await context.internalAdapter.findUserById(id)) as StoredUser
  if (password !== undefined) {
    const accounts = await context.internalAdapter.findAccounts(id)
    if (!accounts.some((account) => account.providerId === 'credential')) {
      await context.internalAdapter.linkAccount({ userId: id, providerId: 'credential', accountId: id, password: await context.password.hash(password) })
    }
  }
  return { ...toUserView(user), signIn: password !== undefined ? 'password' : 'company account' }
}

/** The employee to link: live, and no other user's (by link, or by their e-mail, which links at sign-in). */
async function linkableEmployee(employeeId: string, email: string): Promise<{ id: string; name: string }> {
  const employee = await readLiveEmployee(employeeId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found:employee') throw invalid('employeeId', 'No such person: pick one from the list')
    throw error
  })
  const employeeEmail = employee.email.toLowerCase()
  // The admin's list (GSI3, eventually consistent): an invite in the same second as another is the race left.
  const holder = (await allUsers()).find((user) => user.employeeId === employee.id || (user.email === employeeEmail && user.email !== email && !user.employeeId))
  if (holder) throw invalid('employeeId', `Already linked to ${holder.email}`)
  return { id: employee.id, name: employee.name }
}
