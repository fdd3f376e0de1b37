import assert from 'node:assert/strict'
import { afterEach, it } from 'node:test'
import { readDbConfig } from '../lib/db/config'
import { openDatabase } from '../scripts/database'

const saved = { ...process.env }
afterEach(() => {
  for (const name of ['DYNAMODB_ENDPOINT', 'ROSTER_DB', 'DYNAMODB_TABLE', 'AWS_REGION']) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

it('with DYNAMODB_ENDPOINT set, no engine is started and that endpoint is used', async () => {
  process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:9'
  const { engine, describe } = await openDatabase(() => {})
  assert.equal(engine, undefined)
  assert.match(describe, /127\.0\.0\.1:9/)
  assert.equal(readDbConfig().endpoint, 'http://127.0.0.1:9')
})

it('with ROSTER_DB=aws, no engine is started and the SDK talks to AWS in AWS_REGION', async () => {
  delete process.env.DYNAMODB_ENDPOINT
  process.env.ROSTER_DB = 'aws'
  process.env.AWS_REGION = 'eu-west-1'
  process.env.DYNAMODB_TABLE = 'roster-prod'
  const { engine } = await openDatabase(() => {})
  assert.equal(engine, undefined)
  assert.deepEqual(readDbConfig(), { endpoint: undefined, tableName: 'roster-prod', region: 'eu-west-1' })
})
