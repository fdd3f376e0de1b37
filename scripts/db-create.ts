// npm run db:create: creates the table (keys and indexes from lib/db/table.ts) if it is missing.
import { readDbConfig } from '../lib/db/config'
import { openDatabase } from './database'
import { ensureTable } from '../lib/db/table'

const { engine } = await openDatabase()
const config = readDbConfig()
const outcome = await ensureTable()
console.log(`Table ${config.tableName} ${outcome === 'created' ? 'created' : 'already exists'} at ${config.endpoint ?? `AWS DynamoDB (${config.region})`}; it is ACTIVE.`)
await engine?.close()
