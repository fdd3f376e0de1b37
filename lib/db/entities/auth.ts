import { any, Entity, item, number, set, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { authKeys } from '../keys'
import { entityNames } from './common'

const recordAttributes = item({
  model: string().key(),
  id: string().key(),
  // The record's fields as better-auth hands them over (dates as ISO strings).
  data: any(),
  // Bumped on every write: updates, consumes and increments are conditional on the revision read.
  rev: number(),
})

// One better-auth record in its own partition. GSI3 lists a model's records (only for the admin's user
// list and the rare lookup by a field that has no pointer; eventually consistent).
export const AuthRecordEntity = new Entity({
  name: entityNames.authRecord,
  table: RosterTable,
  timestamps: false,
  schema: recordAttributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ model, id }) => authKeys.record(model, id)),
    SK: string().key().link<typeof schema>(() => authKeys.recordSort),
    GSI3PK: string().optional().link<typeof schema>(({ model }) => authKeys.list(model)),
    GSI3SK: string().optional().link<typeof schema>(({ id }) => id),
  })),
})

const pointerAttributes = item({
  model: string().key(),
  field: string().key(),
  value: string().key(),
  id: string().key(),
})

// "Records of <model> whose <field> is <value>": written before the record and removed after it, so
// a reader that checks the record's field against the value never misses a record and ignores a
// pointer left by a write that was cut off.
export const AuthPointerEntity = new Entity({
  name: entityNames.authPointer,
  table: RosterTable,
  timestamps: false,
  schema: pointerAttributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ model, field, value }) => authKeys.pointer(model, field, value)),
    SK: string().key().link<typeof schema>(({ id }) => id),
  })),
})

const failureAttributes = item({
  subject: string().key(),
  // One id per failed attempt in the window: adding an id twice (an SDK retry) counts it once.
  attempts: set(string()).optional(),
  windowStart: number().optional(),
  lastFailureAt: number().optional(),
  // An (account, address) pair that signed in successfully: the address-wide throttle passes it by.
  knownUntil: number().optional(),
  expiresAt: number(),
})

// Failed sign-ins for an (account, address) pair or for an address, in the current window
// (lib/auth/sign-in-throttle.ts, stored by lib/db/sign-in-throttle-store.ts).
export const SignInFailuresEntity = new Entity({
  name: entityNames.signInFailures,
  table: RosterTable,
  timestamps: false,
  schema: failureAttributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ subject }) => authKeys.signInFailures(subject)),
    SK: string().key().link<typeof schema>(() => authKeys.recordSort),
  })),
})
