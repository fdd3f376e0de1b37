import path from 'node:path'
import { startEmbeddedEngine, type EmbeddedEngine } from './engine'

// Which database the scripts use, by environment only:
//   DYNAMODB_ENDPOINT=<url>  that DynamoDB-API endpoint; no engine is started
//   ROSTER_DB=aws            real AWS DynamoDB (AWS_REGION and the usual credential chain)
//   neither                  the embedded engine (dynalite) with its data under ROSTER_DATA_DIR (.data/dynalite)
export async function openDatabase(log: (message: string) => void = console.log): Promise<{ engine?: EmbeddedEngine; describe: string }> {
  if (process.env.DYNAMODB_ENDPOINT) return { describe: `endpoint ${process.env.DYNAMODB_ENDPOINT}` }
  if (process.env.ROSTER_DB === 'aws') return { describe: `AWS DynamoDB (${process.env.AWS_REGION ?? 'default region'})` }
  const dataDir = path.resolve(process.env.ROSTER_DATA_DIR ?? '.data/dynalite')
  let engine: EmbeddedEngine
  try {
    engine = await startEmbeddedEngine({ path: dataDir, port: process.env.ROSTER_ENGINE_PORT ? Number(process.env.ROSTER_ENGINE_PORT) : 0 })
  } catch (error) {
    const message = (error as Error).message
    if (/lock/i.test(message)) {
      throw new Error(`The embedded database in ${dataDir} is in use by another process (is \`npm start\` running?). Stop it, or set DYNAMODB_ENDPOINT to share its engine.`)
    }
    throw error
  }
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  log(`Embedded DynamoDB engine (dynalite) on ${engine.endpoint}, data in ${path.relative(process.cwd(), dataDir) || dataDir}`)
  return { engine, describe: `embedded engine at ${engine.endpoint}` }
}
