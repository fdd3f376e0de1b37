import 'server-only'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { readDbConfig, type DbConfig } from './config'
import { deadlineMiddleware, errorMappingMiddleware } from './errors'
import { recogniseOwnWrites } from './own-writes'
import { capacityMiddleware, recorderMiddleware } from './recorder'
import { invalidateOnWrite } from './screen-cache'

// The SDK warns once per process that future releases need Node 22; Roster pins a release that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export interface Db {
  config: DbConfig
  client: DynamoDBClient
  documentClient: DynamoDBDocumentClient
}

/**
 * How long a DynamoDB call may take. DynamoDB answers in milliseconds, so on AWS an attempt with no
 * answer after 3 s is stalled and is retried, and a call gives up after 10 s in all, which a page and
 * a job step can both wait. The embedded engine is one process on the app's own cores, where a burst
 * of work queues for seconds: it gets 30 s and 60 s. ROSTER_DB_ATTEMPT_MS and ROSTER_DB_DEADLINE_MS
 * set them (the fault tests make them short).
 */
export function dbTimeouts(config: DbConfig, env: NodeJS.ProcessEnv = process.env) {
  const local = Boolean(config.endpoint)
  return {
    connectMs: local ? 5_000 : 1_000,
    attemptMs: Number(env.ROSTER_DB_ATTEMPT_MS ?? (local ? 30_000 : 3_000)),
    totalMs: Number(env.ROSTER_DB_DEADLINE_MS ?? (local ? 60_000 : 10_000)),
    maxAttempts: 6,
  }
}

let cached: { key: string; db: Db } | undefined

/** The process's DynamoDB client, built from the environment on first use (tests set it first). */
export function getDb(): Db {
  const config = readDbConfig()
  const key = `${config.endpoint}|${config.region}|${config.tableName}`
  if (cached?.key === key) return cached.db
  const localEndpoint = config.endpoint && !process.env.AWS_ACCESS_KEY_ID
  const timeouts = dbTimeouts(config)
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    // A DynamoDB-API endpoint such as the embedded engine accepts any credentials.
    credentials: localEndpoint ? { accessKeyId: 'roster', secretAccessKey: 'roster' } : undefined,
    // Throttles, 5xx, resets and timeouts are retried by the SDK (jittered exponential backoff) up to
    // `maxAttempts`; each attempt gives up after `requestTimeout` without an answer, and the whole call
    // after the deadline (lib/db/errors.ts), so a stalled table never holds a page for long.
    maxAttempts: timeouts.maxAttempts,
    requestHandler: { connectionTimeout: timeouts.connectMs, requestTimeout: timeouts.attemptMs, throwOnRequestTimeout: true },
  })
  client.middlewareStack.add(capacityMiddleware as never, { step: 'initialize', name: 'rosterConsumedCapacity' })
  client.middlewareStack.add(recorderMiddleware as never, { step: 'build', name: 'rosterRecorder' })
  client.middlewareStack.add(recogniseOwnWrites(client) as never, { step: 'initialize', name: 'rosterOwnWrites', priority: 'low' })
  client.middlewareStack.add(deadlineMiddleware(timeouts.totalMs) as never, { step: 'initialize', name: 'rosterDeadline' })
  // Outside the retries and the deadline: the cache forgets once the write's outcome is known.
  client.middlewareStack.add(invalidateOnWrite as never, { step: 'initialize', name: 'rosterScreenCache', priority: 'high' })
  client.middlewareStack.add(errorMappingMiddleware as never, { step: 'initialize', name: 'rosterErrorMapping', priority: 'high' })
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  })
  cached = { key, db: { config, client, documentClient } }
  return cached.db
}
