import { randomBytes } from 'node:crypto'
import { afterAll } from 'vitest'
import { authFlowTestSuite, caseInsensitiveTestSuite, normalTestSuite, testAdapter } from '@better-auth/test-utils/adapter'
import { startEmbeddedEngine } from '../../scripts/engine'

// better-auth's own adapter test suite (@better-auth/test-utils) against Roster's adapter on the
// embedded engine: the same suites the library runs for its Postgres, Mongo and Prisma adapters.

const engine = await startEmbeddedEngine()
process.env.DYNAMODB_ENDPOINT = engine.endpoint
process.env.DYNAMODB_TABLE = `roster-adapter-${randomBytes(4).toString('hex')}`
const { ensureTable } = await import('../../lib/db/table')
await ensureTable()
const { dynamodbAdapter } = await import('../../lib/auth/dynamodb-adapter')

afterAll(async () => {
  await engine.close()
})

const { execute } = await testAdapter({
  adapter: () => dynamodbAdapter(),
  // The table exists; better-auth's records need no schema of their own.
  runMigrations: () => {},
  tests: [normalTestSuite(), caseInsensitiveTestSuite(), authFlowTestSuite()],
})

execute()
