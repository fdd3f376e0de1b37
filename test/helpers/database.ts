import { after, before } from 'node:test'
import { randomBytes } from 'node:crypto'
import { startEmbeddedEngine, type EmbeddedEngine } from '../../scripts/engine'

/**
 * Starts dynalite in this test file's process (in memory, port 0), points the app's data layer at
 * it with a table of its own, and creates that table from the app's definition.
 */
export function useTestDatabase(): void {
  let engine: EmbeddedEngine
  before(async () => {
    engine = await startEmbeddedEngine()
    process.env.DYNAMODB_ENDPOINT = engine.endpoint
    process.env.DYNAMODB_TABLE = `roster-test-${randomBytes(4).toString('hex')}`
    const { ensureTable } = await import('../../lib/db/table')
    await ensureTable()
  })
  after(async () => {
    await engine?.close()
  })
}
