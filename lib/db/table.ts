import 'server-only'
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { Table } from 'dynamodb-toolbox'
import { getDb } from './client'
import { readDbConfig } from './config'

/*
 * The one table (adjacency list). docs/data-model.md has the full table of access patterns.
 *
 *   base   PK=CLIENT#<id>  SK=CLIENT | PROJECT#<pid> | PROJECT#<pid>#ASSIGN#<aid> | PROJECT#<pid>#TECH#<tid>
 *          PK=EMP#<id>     SK=EMP | SKILL#<tid>          PK=TECH#<id> SK=TECH
 *          PK=EMAIL#<email> SK=EMAIL (uniqueness claim)   PK=JOB#<0..7> SK=<kind>#<id> (jobs, lib/jobs)
 *          PK=AUTH#<model>#<id> SK=AUTH   PK=AUTHBY#<model>#<field>#<value> SK=<id>   (sign-in, lib/auth)
 *   GSI1   employee view:   GSI1PK=EMP#<id>   GSI1SK=#EMP | ASSIGN#<start>#<aid> | SKILL#<tid>
 *   GSI2   technology view: GSI2PK=TECH#<id>  GSI2SK=SKILL#<level>#<eid> | TECH | USE#<cid>#<pid>
 *   GSI3   lists:           GSI3PK=CLIENTS | EMPLOYEES | TECHNOLOGIES   GSI3SK=<lower-case name>#<id>
 *                            GSI3PK=AUTH#<model>  GSI3SK=<id>  (sign-in records, for the admin's list)
 *   GSI4   every project:   GSI4PK=FIRM#<0..7>  GSI4SK=PROJECT#<start>#<pid>  (INCLUDE projection; the overview's refresh)
 *   GSI5   people by practice (planner, lists): GSI5PK=PRACTICE#<practice>  GSI5SK=<name>#<eid>
 *   GSI6   people by location (planner):        GSI6PK=LOCATION#<location>  GSI6SK=<practice>#<name>#<eid>
 */
export const indexNames = ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6'] as const

// What the firm overview reads. Everything else stays out of GSI4, which keeps its items small: a
// person's load is `loadSpans`, a compact copy of their bookings, not the bookings map itself.
export const overviewAttributes = ['_type', 'id', 'name', 'practice', 'loadSpans', 'clientId', 'clientName', 'status', 'startDate', 'deletingAt'] as const
export type IndexName = (typeof indexNames)[number]

export const RosterTable = new Table({
  name: () => readDbConfig().tableName,
  partitionKey: { name: 'PK', type: 'string' },
  sortKey: { name: 'SK', type: 'string' },
  indexes: {
    GSI1: { type: 'global', partitionKey: { name: 'GSI1PK', type: 'string' }, sortKey: { name: 'GSI1SK', type: 'string' } },
    GSI2: { type: 'global', partitionKey: { name: 'GSI2PK', type: 'string' }, sortKey: { name: 'GSI2SK', type: 'string' } },
    GSI3: { type: 'global', partitionKey: { name: 'GSI3PK', type: 'string' }, sortKey: { name: 'GSI3SK', type: 'string' } },
    GSI4: { type: 'global', partitionKey: { name: 'GSI4PK', type: 'string' }, sortKey: { name: 'GSI4SK', type: 'string' } },
    GSI5: { type: 'global', partitionKey: { name: 'GSI5PK', type: 'string' }, sortKey: { name: 'GSI5SK', type: 'string' } },
    GSI6: { type: 'global', partitionKey: { name: 'GSI6PK', type: 'string' }, sortKey: { name: 'GSI6SK', type: 'string' } },
  },
  entityAttributeSavedAs: '_type',
})
// The document client is resolved per call so that tests and scripts can point the app elsewhere.
RosterTable.getDocumentClient = () => getDb().documentClient

/** CreateTable input derived from the same key definition; infra/roster-table.json must agree (tested). */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const keyAttributes = ['PK', 'SK', ...indexNames.flatMap((index) => [`${index}PK`, `${index}SK`])]
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexNames.map((index) => ({
      IndexName: index,
      KeySchema: [
        { AttributeName: `${index}PK`, KeyType: 'HASH' },
        { AttributeName: `${index}SK`, KeyType: 'RANGE' },
      ],
      Projection: index === 'GSI4' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...overviewAttributes] } : { ProjectionType: 'ALL' },
    })),
  }
}

/** Creates the table when it is missing and waits until it is ACTIVE. Safe to call repeatedly. */
export async function ensureTable(): Promise<'created' | 'exists'> {
  const { client, config } = getDb()
  let created = false
  try {
    await client.send(new DescribeTableCommand({ TableName: config.tableName }))
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
    try {
      await client.send(new CreateTableCommand(tableDefinition(config.tableName)))
      created = true
    } catch (createError) {
      // Another process created it between our describe and create.
      if ((createError as Error).name !== 'ResourceInUseException') throw createError
    }
  }
  for (let attempt = 0; attempt < 120; attempt++) {
    const { Table: description } = await client.send(new DescribeTableCommand({ TableName: config.tableName }))
    const present = new Set((description?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName))
    const missing = indexNames.filter((index) => !present.has(index))
    if (missing.length) {
      // A table made by an older Roster: say what is wrong rather than fail on the first query.
      throw new Error(
        `Table ${config.tableName} exists but lacks index ${missing.join(', ')}. Add it (see infra/roster-table.json), or for the embedded engine delete its data directory (.data/dynalite) to recreate the table with demo data.`,
      )
    }
    const overview = description?.GlobalSecondaryIndexes?.find((index) => index.IndexName === 'GSI4')
    const unprojected = overviewAttributes.filter((name) => !overview?.Projection?.NonKeyAttributes?.includes(name))
    if (overview?.Projection?.ProjectionType === 'INCLUDE' && unprojected.length) {
      throw new Error(
        `Table ${config.tableName} has an index GSI4 that does not project ${unprojected.join(', ')}. Recreate that index as infra/roster-table.json defines it, or for the embedded engine delete its data directory (.data/dynalite) to recreate the table with demo data.`,
      )
    }
    const indexesActive = (description?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE')
    if (description?.TableStatus === 'ACTIVE' && indexesActive) return created ? 'created' : 'exists'
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`Table ${config.tableName} did not become ACTIVE within 60 s`)
}
