import { AppError } from './errors'

// Who may do what. Every domain function calls authorize() with the acting user it was given, so a
// request that slips past the proxy (CVE-2025-29927) or a forged server-action call still meets it.

export const roles = ['admin', 'manager', 'employee'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  admin: 'Admin: users and roles, and everything a manager does',
  manager: 'Manager: clients, projects, staffing, people and technologies',
  employee: 'Employee: sees everything, edits their own skills',
}

export interface Actor {
  /** How the request proved who it is: a browser session, a personal access token, or Roster itself. */
  via: 'session' | 'token' | 'system'
  userId: string
  name: string
  email: string
  role: Role
  /** The employee record with the user's e-mail, when there is one. */
  employeeId?: string
}

/** Roster's own work (job sweeps, start-up repair, the seed): not a person, may do anything. */
export const systemActor: Actor = { via: 'system', userId: 'system', name: 'Roster', email: '', role: 'admin' }

export type Permission =
  /** See any screen or list. */
  | 'read'
  /** Change clients, projects, staffing, people and technologies. */
  | 'manage'
  /** Change the skills of one person (their own, for an employee). */
  | 'edit-skills'
  /** Record or remove time off for one person (their own, for an employee). */
  | 'edit-time-off'
  /** Users, roles and everyone's access tokens. */
  | 'administer'
  /**
   * Rates, cost rates, budgets, revenue, costs and margin: managers and admins. Cost rates are not
   * split off to admins: a manager who sees a project's people costs sees what its people cost.
   */
  | 'see-money'

const rank: Record<Role, number> = { employee: 0, manager: 1, admin: 2 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roles.some((role) => role === value)
}

/** The lower of two roles: a token never carries more than its creator has now. */
export function lowerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b
}

export function can(actor: Actor | null, permission: Permission, subject: { employeeId?: string } = {}): boolean {
  if (!actor) return false
  switch (permission) {
    case 'read':
      return true
    case 'manage':
    case 'see-money':
      return rank[actor.role] >= rank.manager
    case 'edit-skills':
    case 'edit-time-off':
      return rank[actor.role] >= rank.manager || (subject.employeeId !== undefined && subject.employeeId === actor.employeeId)
    case 'administer':
      return actor.role === 'admin'
  }
}

/** Throws 401 for no user and 403 for a user whose role does not allow this. */
export function authorize(actor: Actor | null, permission: Permission, subject: { employeeId?: string } = {}): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated:session', 'Please sign in.')
  if (!can(actor, permission, subject)) {
    const message =
      permission === 'edit-skills'
        ? 'You can change your own skills only.'
        : permission === 'edit-time-off'
          ? 'You can record your own time off only.'
        : permission === 'administer'
          ? 'Only an admin can do this.'
        : permission === 'see-money'
          ? 'Rates, costs and budgets are for managers and admins.'
          : 'Your role can look, not change: ask a manager.'
    throw new AppError('forbidden:role', message)
  }
}
