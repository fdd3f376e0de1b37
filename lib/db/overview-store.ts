import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { createHash } from 'node:crypto'
import { getDb } from './client'
import { isConditionalCheckFailed, isMissingDocumentPath } from './errors'
import { entryClauses, type EntryChange } from './aggregates'
import { FIRM_PARTITION, FIRM_SHARDS } from './keys'
import { batchGetItems } from './batch'

// The firm overview's materialised items (lib/overview). Each digest is a pair of items under one
// partition key: `SET` holds one map entry per person or project (what the overview needs of it),
// and `SUMMARY` holds the figures derived from that map, which is all a screen reads. Digests are
// sharded by a hash of the person (or the project's client), so no partition takes every write.

type RawItem = Record<string, unknown>

export const OVERVIEW_SHARDS = 8

export const overviewType = { set: 'OverviewSet', summary: 'OverviewSummary', state: 'OverviewState' } as const

export const overviewKeys = {
  /** Who is on the bench and who is over-allocated in one week, for one shard of the people. */
  week: (weekStart: string, shard: number) => `OVERVIEW#WEEK#${weekStart}#${shard}`,
  /** Everyone, for the headcount. */
  people: (shard: number) => `OVERVIEW#PEOPLE#${shard}`,
  /** Every project (by its client's shard): counts, clients with projects, and what starts soon. */
  projects: (shard: number) => `OVERVIEW#PROJECTS#${shard}`,
  /** Which weeks the digests cover, and when the projects' summaries were last derived. */
  state: 'OVERVIEW#STATE',
} as const

export function overviewShardOf(id: string): number {
  return createHash('sha1').update(id).digest()[0] % OVERVIEW_SHARDS
}

/**
 * Sets or removes entries in a digest's `SET` item (creating it if need be), bumps its rev, and
 * returns the item as it is after the write.
 */
export async function applyDigestEntries(partition: string, changes: EntryChange[]): Promise<RawItem> {
  const { documentClient, config } = getDb()
  const clauses = entryClauses(changes)
  const { removes } = clauses
  const names: Record<string, string> = { '#type': '_type', '#rev': 'rev', ...clauses.names }
  const values: Record<string, unknown> = { ':type': overviewType.set, ':one': 1, ...clauses.values }
  const sets = ['#type = :type', ...clauses.sets]
  const update = () =>
    documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: { PK: partition, SK: 'SET' },
        UpdateExpression: [`SET ${sets.join(', ')}`, removes.length ? `REMOVE ${removes.join(', ')}` : '', 'ADD #rev :one'].filter(Boolean).join(' '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    )
  try {
    return (await update()).Attributes as RawItem
  } catch (error) {
    if (!isMissingDocumentPath(error)) throw error
  }
  // The first entry of a map: create the maps, then apply.
  const maps = [...new Set(changes.map((change) => change.map))]
  await documentClient.send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: { PK: partition, SK: 'SET' },
      UpdateExpression: `SET #type = :type, ${maps.map((_, i) => `#m${i} = if_not_exists(#m${i}, :empty)`).join(', ')}`,
      ExpressionAttributeNames: { '#type': '_type', ...Object.fromEntries(maps.map((map, i) => [`#m${i}`, map])) },
      ExpressionAttributeValues: { ':type': overviewType.set, ':empty': {} },
    }),
  )
  return (await update()).Attributes as RawItem
}

/** Reads a digest's `SET` item (consistently), or null. */
export async function readDigestSet(partition: string): Promise<RawItem | null> {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(new GetCommand({ TableName: config.tableName, Key: { PK: partition, SK: 'SET' }, ConsistentRead: true }))
  return (Item as RawItem | undefined) ?? null
}

/**
 * Stores a digest's summary, derived from its `SET` item at revision `rev`, unless a summary from a
 * newer revision is stored already: the writer of the newest revision always stores its own.
 */
export async function writeDigestSummary(partition: string, rev: number, summary: Record<string, unknown>): Promise<boolean> {
  const { documentClient, config } = getDb()
  try {
    await documentClient.send(
      new PutCommand({
        TableName: config.tableName,
        Item: { PK: partition, SK: 'SUMMARY', _type: overviewType.summary, rev, ...summary },
        ConditionExpression: 'attribute_not_exists(#rev) OR #rev <= :rev',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':rev': rev },
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** One BatchGetItem (at most 100 keys), items by partition; every key is answered or it throws. */
export async function batchGetByPartition(keys: { PK: string; SK: string }[]): Promise<Map<string, RawItem>> {
  return new Map((await batchGetItems(keys)).map((item) => [item.PK as string, item]))
}

/** One BatchGetItem of digest summaries and the state. */
export async function readDigestSummaries(partitions: string[]): Promise<{ summaries: Map<string, RawItem>; state: RawItem | null }> {
  const found = await batchGetByPartition([...partitions.map((PK) => ({ PK, SK: 'SUMMARY' })), { PK: overviewKeys.state, SK: 'STATE' }])
  const state = found.get(overviewKeys.state) ?? null
  found.delete(overviewKeys.state)
  return { summaries: found, state }
}

export async function readOverviewState(): Promise<RawItem | null> {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(new GetCommand({ TableName: config.tableName, Key: { PK: overviewKeys.state, SK: 'STATE' }, ConsistentRead: true }))
  return (Item as RawItem | undefined) ?? null
}

export async function writeOverviewState(state: { weeks: string[]; projectsDerivedOn: string; digestsVersion: number }): Promise<void> {
  const { documentClient, config } = getDb()
  await documentClient.send(new PutCommand({ TableName: config.tableName, Item: { PK: overviewKeys.state, SK: 'STATE', _type: overviewType.state, ...state } }))
}

/**
 * Who exists, for the overview's full refresh: every employee id (the employee list, GSI3) and every
 * project with its client (the firm partition, GSI4). Index reads: they only say what to read
 * consistently next, never what to write.
 */
export async function listOverviewSources(): Promise<{ employeeIds: string[]; projects: { clientId: string; projectId: string }[] }> {
  const { documentClient, config } = getDb()
  const all = async (index: string, partition: string, prefix?: string) => {
    const items: RawItem[] = []
    let ExclusiveStartKey: Record<string, unknown> | undefined
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: config.tableName,
          IndexName: index,
          KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': `${index}PK`, ...(prefix ? { '#sk': `${index}SK` } : {}) },
          ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
          ExclusiveStartKey,
        }),
      )
      items.push(...((page.Items ?? []) as RawItem[]))
      ExclusiveStartKey = page.LastEvaluatedKey
    } while (ExclusiveStartKey)
    return items
  }
  const [employees, ...projectShards] = await Promise.all([
    all('GSI3', 'EMPLOYEES'),
    ...Array.from({ length: FIRM_SHARDS }, (_, shard) => all('GSI4', `${FIRM_PARTITION}#${shard}`, 'PROJECT#')),
  ])
  const projects = projectShards.flat()
  return {
    employeeIds: employees.map((item) => item.id as string),
    projects: projects.map((item) => ({ clientId: item.clientId as string, projectId: item.id as string })),
  }
}

/** Items by key with consistent reads, 100 keys per BatchGetItem (the overview's refresh). */
export function batchGetConsistent(keys: { PK: string; SK: string }[]): Promise<RawItem[]> {
  return batchGetItems(keys, { consistent: true })
}
