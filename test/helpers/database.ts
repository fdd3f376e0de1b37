import { after, before } from 'node:test'
import { randomBytes } from 'node:crypto'
import { startEmbeddedEngine, type EmbeddedEngine } from '../../scripts/engine'
import { startFaultProxy, type FaultProxy } from './fault-proxy'

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

export interface FaultyDatabase {
  /** The proxy the app talks to (faults off until a test sets its rates). */
  proxy: FaultProxy
  /** The engine itself, for readers that must not meet faults (the lagging index's snapshots). */
  engineEndpoint: string
}

/**
 * As useTestDatabase, with the app talking to the engine through the fault-injecting proxy
 * (test/helpers/fault-proxy.ts), deterministic by `seed`. The table is created with faults off.
 */
export function useFaultyTestDatabase(seed: number): FaultyDatabase {
  const handle = {} as FaultyDatabase
  let engine: EmbeddedEngine
  before(async () => {
    engine = await startEmbeddedEngine()
    handle.proxy = await startFaultProxy(engine.endpoint, { seed })
    handle.engineEndpoint = engine.endpoint
    process.env.DYNAMODB_ENDPOINT = handle.proxy.endpoint
    process.env.DYNAMODB_TABLE = `roster-test-${randomBytes(4).toString('hex')}`
    const { ensureTable } = await import('../../lib/db/table')
    await ensureTable()
  })
  after(async () => {
    await handle.proxy?.close()
    await engine?.close()
  })
  return handle
}
