// Runs the embedded engine as its own process (used by the benchmark so that the load generator
// and the engine do not share an event loop). Prints "endpoint <url>" once listening.
import { parseArgs } from 'node:util'
import { startEmbeddedEngine } from './engine'

const { values } = parseArgs({ options: { path: { type: 'string' } } })
const engine = await startEmbeddedEngine({ path: values.path })
console.log(`endpoint ${engine.endpoint}`)
const stop = async () => {
  await engine.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
