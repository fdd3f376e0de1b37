import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { getDb } from '../../lib/db/client'

// Makes the embedded engine behave like DynamoDB's eventually consistent reads. dynalite updates its
// indexes in the same call as the write; DynamoDB's global secondary indexes lag it (by up to
// seconds), and base-table reads without ConsistentRead may miss a recent write too. Installed as
// an SDK middleware on the app's client, this answers every index Query and every read without
// ConsistentRead from the table as it was `lagMs` ago: items written since then show their previous
// image (or are missing, or reappear if they were deleted). Consistent reads are untouched, so a
// write path that reads an index or forgets ConsistentRead sees stale data here, as it would on AWS.

// Images are kept as plain objects; calls through the document client see plain items at this step,
// calls through the raw client marshalled ones.
type Plain = Record<string, unknown>
type Image = Plain | undefined
type RawKey = { PK?: AttributeValue; SK?: AttributeValue }

interface Write {
  at: number
  before: Image
}

export interface IndexLag {
  lagMs: number
  /** Changes the lag from now on (a test that must not race a slow machine can make it long). */
  setLag(ms: number): void
  /** Waits until every write made so far is visible everywhere. */
  settle(): Promise<void>
  uninstall(): void
}

const keyOf = (key: RawKey) => `${key.PK?.S}|${key.SK?.S}`
const plainKeyOf = (item: Plain) => `${item.PK}|${item.SK}`
const writeOperations = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand'])

export function installIndexLag(initialLagMs: number, options: { snapshotEndpoint?: string } = {}): IndexLag {
  let lagMs = initialLagMs
  const { client, config } = getDb()
  // Snapshots go through a client of their own, so they never show up in the request recorder (and,
  // given the engine's own endpoint, never meet injected faults).
  const snapshotClient = new DynamoDBClient({ region: config.region, endpoint: options.snapshotEndpoint ?? config.endpoint, credentials: { accessKeyId: 'roster', secretAccessKey: 'roster' } })
  const history = new Map<string, Write[]>()

  const imageBefore = async (key: RawKey): Promise<Image> => {
    const { Item } = await snapshotClient.send(new GetItemCommand({ TableName: config.tableName, Key: { PK: key.PK!, SK: key.SK! }, ConsistentRead: true }))
    return Item ? unmarshall(Item) : undefined
  }

  /** The item as a lagging reader sees it: `undefined` for "as it is now", `null` for "absent". */
  const laggedImage = (key: string, cutoff: number): Image | null | 'current' => {
    const writes = history.get(key)
    const firstUnseen = writes?.find((write) => write.at > cutoff)
    if (!firstUnseen) return 'current'
    return firstUnseen.before ?? null
  }

  const middleware = (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) => async (args: { input: unknown }) => {
    const command = context.commandName ?? ''
    const input = args.input as Record<string, unknown>
    if (writeOperations.has(command)) {
      const keys: RawKey[] =
        command === 'BatchWriteItemCommand'
          ? Object.values(input.RequestItems as Record<string, { PutRequest?: { Item: RawKey }; DeleteRequest?: { Key: RawKey } }[]>)
              .flat()
              .map((request) => request.PutRequest?.Item ?? request.DeleteRequest!.Key)
          : [((input.Key ?? input.Item) as RawKey)]
      const before = await Promise.all(keys.map(imageBefore))
      const result = await next(args)
      const at = Date.now()
      keys.forEach((key, i) => {
        const writes = history.get(keyOf(key)) ?? []
        writes.push({ at, before: before[i] })
        history.set(keyOf(key), writes)
      })
      return result
    }
    const lagging = (command === 'QueryCommand' && (input.IndexName || !input.ConsistentRead)) || (command === 'GetItemCommand' && !input.ConsistentRead)
    if (!lagging) return next(args)
    const result = await next(args)
    const cutoff = Date.now() - lagMs
    const viaDocumentClient = (context as { __aws_sdk_context?: { features?: Record<string, string> } }).__aws_sdk_context?.features?.DDB_MAPPER === 'd'
    const toPlain = (item: Record<string, unknown>) => (viaDocumentClient ? item : unmarshall(item as Record<string, AttributeValue>))
    const fromPlain = (item: Plain) => (viaDocumentClient ? item : marshall(item, { removeUndefinedValues: true }))
    const output = result.output as { Item?: Record<string, unknown>; Items?: Record<string, unknown>[]; Count?: number }
    if (command === 'GetItemCommand') {
      const lagged = laggedImage(keyOf(input.Key as RawKey), cutoff)
      if (lagged !== 'current') output.Item = lagged ? fromPlain(lagged) : undefined
      return result
    }
    const matches = queryMatcher(input)
    const seen = new Set<string>()
    const items: Plain[] = []
    for (const raw of output.Items ?? []) {
      const item = toPlain(raw)
      const key = plainKeyOf(item)
      seen.add(key)
      const lagged = laggedImage(key, cutoff)
      if (lagged === 'current') items.push(item)
      else if (lagged && matches(lagged)) items.push(lagged)
    }
    for (const key of history.keys()) {
      if (seen.has(key)) continue
      const lagged = laggedImage(key, cutoff)
      if (lagged && lagged !== 'current' && matches(lagged)) items.push(lagged)
    }
    const sortAttribute = input.IndexName ? `${input.IndexName}SK` : 'SK'
    items.sort((a, b) => String(a[sortAttribute] ?? '').localeCompare(String(b[sortAttribute] ?? '')))
    if (input.ScanIndexForward === false) items.reverse()
    output.Items = items.map(fromPlain)
    output.Count = items.length
    return result
  }

  client.middlewareStack.add(middleware as never, { step: 'build', name: 'testIndexLag', priority: 'low' })
  return {
    get lagMs() {
      return lagMs
    },
    setLag(ms) {
      lagMs = ms
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, lagMs + 20)),
    uninstall: () => {
      client.middlewareStack.remove('testIndexLag')
      snapshotClient.destroy()
    },
  }
}

/**
 * Whether an item belongs in a Query's result by its key condition (partition equality plus
 * begins_with, a comparison or BETWEEN on the sort key). Filters are not applied: the tests that
 * run under the lag read through key conditions.
 */
function queryMatcher(input: Record<string, unknown>) {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>
  const expression = String(input.KeyConditionExpression ?? '')
  const attribute = (token: string) => names[token] ?? token
  const value = (token: string) => values[token]?.S ?? ''
  const partitionAttribute = input.IndexName ? `${input.IndexName}PK` : 'PK'
  const sortAttribute = input.IndexName ? `${input.IndexName}SK` : 'SK'
  const checks: ((item: Plain) => boolean)[] = []
  for (const [, name, operator, token] of expression.matchAll(/(#?[\w]+)\s*(=|<=|>=|<|>)\s*(:[\w]+)/g)) {
    const target = attribute(name)
    const expected = value(token)
    if (target !== partitionAttribute && target !== sortAttribute) continue
    checks.push((item) => {
      const actual = item[target] as string | undefined
      if (actual === undefined) return false
      if (operator === '=') return actual === expected
      if (operator === '<') return actual < expected
      if (operator === '<=') return actual <= expected
      if (operator === '>') return actual > expected
      return actual >= expected
    })
  }
  for (const [, name, token] of expression.matchAll(/begins_with\(\s*(#?[\w]+)\s*,\s*(:[\w]+)\s*\)/g)) {
    const target = attribute(name)
    checks.push((item) => typeof item[target] === 'string' && (item[target] as string).startsWith(value(token)))
  }
  for (const [, name, low, high] of expression.matchAll(/(#?[\w]+)\s+BETWEEN\s+(:[\w]+)\s+AND\s+(:[\w]+)/gi)) {
    const target = attribute(name)
    checks.push((item) => {
      const actual = item[target] as string | undefined
      return actual !== undefined && actual >= value(low) && actual <= value(high)
    })
  }
  return (item: Plain) => checks.every((check) => check(item))
}
