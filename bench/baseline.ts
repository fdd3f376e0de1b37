import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb'
import { getDb } from '../lib/db/client'

// The reference point the single-table design is measured against: one table per entity and one
// request per relation, the way a relational model is often ported to DynamoDB. It lives only here.

const tables = {
  clients: { name: 'bench_clients', key: ['id'] },
  projects: { name: 'bench_projects', key: ['clientId', 'id'] },
  assignments: { name: 'bench_assignments', key: ['projectId', 'id'] },
  stack: { name: 'bench_stack', key: ['projectId', 'technologyId'] },
  employees: { name: 'bench_employees', key: ['id'] },
  technologies: { name: 'bench_technologies', key: ['id'] },
} as const

type Row = Record<string, unknown>

async function ensureBaselineTable(name: string, key: readonly string[]): Promise<boolean> {
  const { client } = getDb()
  try {
    await client.send(new DescribeTableCommand({ TableName: name }))
    return false
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: key.map((attribute) => ({ AttributeName: attribute, AttributeType: 'S' })),
      KeySchema: key.map((attribute, i) => ({ AttributeName: attribute, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    }),
  )
  return true
}

/** Creates the normalized tables and copies the single-table items into them (once per data dir). */
export async function loadBaseline(singleTableItems: Row[]): Promise<void> {
  const created = await Promise.all(Object.values(tables).map((table) => ensureBaselineTable(table.name, table.key)))
  if (!created.some(Boolean)) return
  const byType = (type: string) => singleTableItems.filter((item) => item._type === type)
  const strip = ({ PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, GSI3PK: _e, GSI3SK: _f, GSI4PK: _g, GSI4SK: _h, _type, ...rest }: Row) => rest
  const rows: [string, Row[]][] = [
    [tables.clients.name, byType('Client').map(strip)],
    [tables.projects.name, byType('Project').map(strip)],
    [tables.assignments.name, byType('Assignment').map(({ clientName: _c, projectName: _p, employeeName: _e, ...row }) => strip(row))],
    [tables.stack.name, byType('StackEntry').map(({ clientName: _c, projectName: _p, technologyName: _t, technologyCategory: _g, ...row }) => strip(row))],
    [tables.employees.name, byType('Employee').map(strip)],
    [tables.technologies.name, byType('Technology').map(strip)],
  ]
  const { documentClient } = getDb()
  for (const [tableName, items] of rows) {
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }))
      while (pending.length) {
        const result = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }))
        pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending
      }
    }
  }
}

/** The dashboard the multi-table way: the client, its projects, then per project its assignments and stack, then each person and technology. */
export async function getClientDashboardMultiTable(clientId: string) {
  const { documentClient } = getDb()
  const [{ Item: client }, { Items: projects = [] }] = await Promise.all([
    documentClient.send(new GetCommand({ TableName: tables.clients.name, Key: { id: clientId } })),
    documentClient.send(new QueryCommand({ TableName: tables.projects.name, KeyConditionExpression: 'clientId = :c', ExpressionAttributeValues: { ':c': clientId } })),
  ])
  const perProject = await Promise.all(
    projects.map(async (project) => {
      const [{ Items: assignments = [] }, { Items: stack = [] }] = await Promise.all([
        documentClient.send(new QueryCommand({ TableName: tables.assignments.name, KeyConditionExpression: 'projectId = :p', ExpressionAttributeValues: { ':p': project.id } })),
        documentClient.send(new QueryCommand({ TableName: tables.stack.name, KeyConditionExpression: 'projectId = :p', ExpressionAttributeValues: { ':p': project.id } })),
      ])
      const people = await Promise.all(assignments.map((a) => documentClient.send(new GetCommand({ TableName: tables.employees.name, Key: { id: a.employeeId } }))))
      const technologies = await Promise.all(stack.map((s) => documentClient.send(new GetCommand({ TableName: tables.technologies.name, Key: { id: s.technologyId } }))))
      return {
        ...project,
        assignments: assignments.map((a, i) => ({ ...a, employeeName: people[i].Item?.name })),
        stack: stack.map((s, i) => ({ ...s, technologyName: technologies[i].Item?.name })),
      }
    }),
  )
  return { client, projects: perProject }
}
