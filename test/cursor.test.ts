import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient } from './helpers/fixtures'
import { manager } from './helpers/actors'
import { listClients } from '../lib/clients/queries'
import { listEmployees } from '../lib/employees/queries'
import { listTechnologies } from '../lib/technologies/queries'
import { withRecording } from '../lib/db/recorder'
import type { AppError } from '../lib/errors'

useTestDatabase()

// A list cursor is Roster's own: a forged one (which the engine would refuse with a 500, "the
// starting key is invalid") is a 400 before any read.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const invalidCursor = (error: AppError) => error.code.startsWith('invalid:') && Boolean(error.fields?.cursor)

describe('list cursors', () => {
  it('a forged, tampered or truncated cursor is a 400 naming the cursor on every list, with no read', async () => {
    const stamp = Date.now().toString(36)
    for (const name of [`Cursor A ${stamp}`, `Cursor B ${stamp}`]) await aClient(name)
    const real = (await listClients(manager, { limit: 1 })).nextCursor!
    const [payload, signature] = real.split('.')
    const forged = [
      b64({ GSI3PK: 'CLIENTS' }),
      b64({ GSI3PK: 'CLIENTS', GSI3SK: 'a', PK: 'CLIENT#x', SK: 'META' }),
      `${b64({ GSI3PK: 'CLIENTS', GSI3SK: 'zzz', PK: 'CLIENT#x', SK: 'META' })}.${signature}`,
      `${payload}.${signature.slice(1)}A`,
      `${payload}.`,
      payload,
      `${payload}.${signature}.${signature}`,
      'x'.repeat(5000),
    ]
    for (const list of [listClients, listEmployees, listTechnologies]) {
      for (const cursor of forged) {
        const { recording } = await withRecording(() => assert.rejects(list(manager, { cursor }), invalidCursor, `${list.name} ${cursor.slice(0, 30)}`))
        assert.equal(recording.requests.length, 0, `${list.name} read nothing for a forged cursor`)
      }
    }
    // A real cursor pages its own list, and is refused by another.
    assert.equal((await listClients(manager, { limit: 1, cursor: real })).items.length, 1)
    await assert.rejects(listEmployees(manager, { cursor: real }), invalidCursor)
  })
})
