// Where the table lives is chosen by environment variables only:
// DYNAMODB_ENDPOINT (any DynamoDB-API endpoint, e.g. the embedded engine), DYNAMODB_TABLE, AWS_REGION
// and the usual AWS credential chain. With no endpoint the SDK talks to real AWS DynamoDB.
export interface DbConfig {
  endpoint?: string
  tableName: string
  region: string
}

export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    tableName: env.DYNAMODB_TABLE || 'roster',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
  }
}
