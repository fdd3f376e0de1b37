import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { readDbConfig, type DbConfig } from './config'
import { errorMappingMiddleware } from './errors'
import { capacityMiddleware, recorderMiddleware } from './recorder'

// The SDK warns once per process that future releases need Node 22; Roster pins a release that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export interface Db {
  config: DbConfig
  client: DynamoDBClient
  documentClient: DynamoDBDocumentClient
}

let cached: { key: string; db: Db } | undefined

/** The process's DynamoDB client, built from the environment on first use (tests set it first). */
export function getDb(): Db {
  const config = readDbConfig()
  const key = `${config.endpoint}|${config.region}|${config.tableName}`
  if (cached?.key === key) return cached.db
  const localEndpoint = config.endpoint && !process.env.AWS_ACCESS_KEY_ID
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    // A DynamoDB-API endpoint such as the embedded engine accepts any credentials.
    credentials: localEndpoint ? { accessKeyId: 'roster', secretAccessKey: 'roster' } : undefined,
    maxAttempts: 5,
  })
  client.middlewareStack.add(capacityMiddleware as never, { step: 'initialize', name: 'rosterConsumedCapacity' })
  client.middlewareStack.add(recorderMiddleware as never, { step: 'build', name: 'rosterRecorder' })
  client.middlewareStack.add(errorMappingMiddleware as never, { step: 'initialize', name: 'rosterErrorMapping', priority: 'high' })
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  })
  cached = { key, db: { config, client, documentClient } }
  return cached.db
}
