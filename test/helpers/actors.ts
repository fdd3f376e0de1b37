import type { Actor } from '../../lib/authorization'

// The acting users the data-layer tests call domain functions as (lib/authorization.ts authorizes them).
export const manager: Actor = { via: 'session', userId: 'user-manager', name: 'Test Manager', email: 'manager@test.example', role: 'manager' }
export const admin: Actor = { via: 'session', userId: 'user-admin', name: 'Test Admin', email: 'admin@test.example', role: 'admin' }

export function employeeActor(employeeId: string): Actor {
  return { via: 'session', userId: `user-${employeeId}`, name: 'Test Employee', email: `${employeeId}@test.example`, role: 'employee', employeeId }
}
