import 'server-only'
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Entity, FormattedItem } from 'dynamodb-toolbox'
import { createHash } from 'node:crypto'
import { getDb } from './client'
import { isConditionalCheckFailed } from './errors'
import { formatAs, keyOf } from './aggregates'
import { FIRM_PARTITION, FIRM_SHARDS } from './keys'
import { batchGetItems } from './batch'
import {
  CapacitySummaryEntity,
  FinanceSummaryEntity,
  OverviewStateEntity,
  PeopleSummaryEntity,
  ProjectsSummaryEntity,
  WeekSummaryEntity,
  type DigestSetEntity,
  type DigestSummaryEntity,
} from './entities/digests'

// The firm overview's materialised items (lib/overview), entities in lib/db/entities/digests.ts. Each
// digest is a pair of items under one partition key: `SET` holds one map entry per person or project
// (what the overview needs of it), and `SUMMARY` holds the figures derived from that map, which is
// all a screen reads. Digests are sharded by a hash of the person (or the project's client), so no
// partition takes every write.

export const OVERVIEW_SHARDS = 8

/** A digest item's table key, from its entity (SET or SUMMARY) and its partition. */
const digestKeyOf = (entity: Entity, digest: string) => keyOf<Entity>(entity, { digest })

export const overviewKeys = {
  /** Who is on the bench and who is over-allocated in one week, for one shard of the people. */
  week: (weekStart: string, shard: number) => `OVERVIEW#WEEK#${weekStart}#${shard}`,
  /** Everyone, for the headcount. */
  people: (shard: number) => `OVERVIEW#PEOPLE#${shard}`,
  /** Every project (by its client's shard): counts, clients with projects, and what starts soon. */
  projects: (shard: number) => `OVERVIEW#PROJECTS#${shard}`,
  /** Every project's money by month, for one shard of the projects (by project id): /finance. */
  finance: (shard: number) => `FINANCE#${shard}`,
  /** Which weeks the digests cover, and when the projects' summaries were last derived. */
  state: 'OVERVIEW#STATE',
} as const

/**
 * The finance digest's shards: many more than the overview's, since a project's entry holds its money
 * month by month (about a quarter of a kilobyte) and an UpdateItem is charged by the whole item: at the
 * large seed (1,500 projects) 32 shards made 7–13 KB sets; at the xl seed (15,000) 96 make 20–48 KB sets
 * (at most 48 write units a project money update) while /finance still reads every summary in one BatchGetItem.
 */
export const FINANCE_SHARDS = 96
export const financeShardOf = (projectId: string) => createHash('sha1').update(projectId).digest()[0] % FINANCE_SHARDS
export const financeDigests = Array.from({ length: FINANCE_SHARDS }, (_, shard) => `FINANCE#${shard}`)

export function overviewShardOf(id: string): number {
  return createHash('sha1').update(id).digest()[0] % OVERVIEW_SHARDS
}

/** Reads a digest's `SET` item (consistently), or null. */
export async function readDigestSet<E extends DigestSetEntity & Entity>(entity: E, digest: string): Promise<FormattedItem<E> | null> {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(new GetCommand({ TableName: config.tableName, Key: digestKeyOf(entity, digest), ConsistentRead: true }))
  return Item ? formatAs<E>(entity, Item) : null
}

/** A summary's figures: everything but its key (and the type, which the entity names). */
export type SummaryFigures<E extends DigestSummaryEntity> = Omit<FormattedItem<E>, 'digest' | 'SK'>

/**
 * Stores a digest's summary, derived from its `SET` item at revision `summary.rev`, unless a summary
 * from a newer revision is stored already: the writer of the newest revision always stores its own.
 */
export async function writeDigestSummary<E extends typeof WeekSummaryEntity | typeof PeopleSummaryEntity | typeof ProjectsSummaryEntity | typeof CapacitySummaryEntity | typeof FinanceSummaryEntity>(
  entity: E,
  digest: string,
  summary: SummaryFigures<E>,
): Promise<boolean> {
  const { documentClient, config } = getDb()
  try {
    await documentClient.send(
      new PutCommand({
        TableName: config.tableName,
        Item: { ...digestKeyOf(entity, digest), _type: entity.entityName, ...summary },
        ConditionExpression: 'attribute_not_exists(#rev) OR #rev <= :rev',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':rev': summary.rev },
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** One BatchGetItem (at most 100 keys) of one kind of summary, by digest; every key is answered or it throws. */
export async function readSummaries<E extends DigestSummaryEntity & Entity>(entity: E, digests: string[], options: { consistent?: boolean } = {}): Promise<Map<string, FormattedItem<E>>> {
  const found = await batchGetItems(digests.map((digest) => digestKeyOf(entity, digest)), options)
  return new Map(found.map((item) => [item.PK, formatAs<E>(entity, item)]))
}

/** One BatchGetItem of the overview's summaries (its weeks', headcount's and projects') and its state. */
export async function readOverviewSummaries(digests: { weeks: string[]; people: string[]; projects: string[] }) {
  const wanted = [
    ...digests.weeks.map((digest) => ({ entity: WeekSummaryEntity, digest })),
    ...digests.people.map((digest) => ({ entity: PeopleSummaryEntity, digest })),
    ...digests.projects.map((digest) => ({ entity: ProjectsSummaryEntity, digest })),
  ]
  const stateKey = keyOf(OverviewStateEntity, {})
  const found = new Map((await batchGetItems([...wanted.map(({ entity, digest }) => digestKeyOf(entity, digest)), stateKey])).map((item) => [item.PK, item]))
  const of = <E extends DigestSummaryEntity & Entity>(entity: E, list: string[]) =>
    new Map(list.flatMap((digest) => {
      const stored = found.get(digest)
      return stored ? [[digest, formatAs<E>(entity, stored)] as const] : []
    }))
  const state = found.get(stateKey.PK)
  return {
    weeks: of(WeekSummaryEntity, digests.weeks),
    people: of(PeopleSummaryEntity, digests.people),
    projects: of(ProjectsSummaryEntity, digests.projects),
    state: state ? formatAs(OverviewStateEntity, state) : null,
  }
}

export async function readOverviewState(): Promise<FormattedItem<typeof OverviewStateEntity> | null> {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(new GetCommand({ TableName: config.tableName, Key: keyOf(OverviewStateEntity, {}), ConsistentRead: true }))
  return Item ? formatAs(OverviewStateEntity, Item) : null
}

export async function writeOverviewState(state: { weeks: string[]; projectsDerivedOn: string; digestsVersion: number }): Promise<void> {
  const { documentClient, config } = getDb()
  await documentClient.send(new PutCommand({ TableName: config.tableName, Item: { ...keyOf(OverviewStateEntity, {}), _type: OverviewStateEntity.entityName, ...state } }))
}

/**
 * Who exists, for the overview's full refresh: every employee id (the employee list, GSI3) and every
 * project with its client (the firm partition, GSI4). Index reads: they only say what to read
 * consistently next, never what to write.
 */
type RawItem = Record<string, unknown>

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
