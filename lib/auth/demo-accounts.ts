import type { Role } from '../authorization'

// The embedded demo's accounts (README, "Sign-in"). Only the demo's sign-in page shows them, and
// only a demo start (ROSTER_DEMO=1) creates them. The employees are people in the demo data: their
// e-mails link them to their records.
export const DEMO_PASSWORD = 'roster-demo'

export const demoAccounts: { email: string; name: string; role: Role; what: string }[] = [
  { email: 'manager@roster.example', name: 'Morgan Reyes', role: 'manager', what: 'plans clients, projects and staffing' },
  { email: 'tim.fischer@roster.example', name: 'Tim Fischer', role: 'employee', what: 'an SRE on two projects: their own staffing at /me' },
  { email: 'rafael.wilson@roster.example', name: 'Rafael Wilson', role: 'employee', what: 'an analytics engineer, on the bench' },
  { email: 'admin@roster.example', name: 'Alex Admin', role: 'admin', what: 'users and roles' },
]
