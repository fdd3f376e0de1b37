import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import dynalite from 'dynalite'

export interface EmbeddedEngine {
  endpoint: string
  close: () => Promise<void>
}

/**
 * Starts dynalite (the DynamoDB API on LevelDB) on loopback. With a path the data lives on disk
 * there; without one it is in memory (tests).
 */
export async function startEmbeddedEngine(options: { path?: string; port?: number } = {}): Promise<EmbeddedEngine> {
  if (options.path) mkdirSync(options.path, { recursive: true })
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
