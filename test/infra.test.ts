import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import { useTestDatabase } from './helpers/database'
import { getDb } from '../lib/db/client'
import { ensureTable, tableDefinition } from '../lib/db/table'

useTestDatabase()

const template = JSON.parse(readFileSync(new URL('../infra/roster-table.json', import.meta.url), 'utf8'))
const resource = template.Resources.RosterTable.Properties

const sortByName = <T extends { AttributeName?: string; IndexName?: string }>(list: T[] = []) =>
  [...list].sort((a, b) => String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)))

it('the CloudFormation template declares the same keys and indexes as db:create', () => {
  const definition = tableDefinition('roster')
  assert.equal(resource.BillingMode, definition.BillingMode)
  assert.deepEqual(sortByName(resource.AttributeDefinitions), sortByName(definition.AttributeDefinitions))
  assert.deepEqual(resource.KeySchema, definition.KeySchema)
  assert.deepEqual(sortByName(resource.GlobalSecondaryIndexes), sortByName(definition.GlobalSecondaryIndexes))
})

it('the table db:create made on the engine has the template keys and indexes', async () => {
  const { client, config } = getDb()
  const { Table } = await client.send(new DescribeTableCommand({ TableName: config.tableName }))
  assert.equal(Table?.TableStatus, 'ACTIVE')
  assert.deepEqual(Table?.KeySchema, resource.KeySchema)
  const live = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection }))
  const declared = resource.GlobalSecondaryIndexes.map((index: Record<string, unknown>) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection }))
  assert.deepEqual(sortByName(live), sortByName(declared))
})

it('a table that lacks one of the indexes is reported by name instead of failing later', async () => {
  const { client } = getDb()
  const definition = tableDefinition('roster-old')
  const previous = process.env.DYNAMODB_TABLE
  await client.send(new CreateTableCommand({ ...definition, GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes!.filter((index) => index.IndexName !== 'GSI4') }))
  process.env.DYNAMODB_TABLE = 'roster-old'
  try {
    await assert.rejects(ensureTable(), /lacks index GSI4/)
  } finally {
    process.env.DYNAMODB_TABLE = previous
  }
})
