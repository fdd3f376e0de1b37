import { AsyncLocalStorage } from 'node:async_hooks'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'

// Records every DynamoDB call made inside one scope (one page render or API request). The scope
// lives in AsyncLocalStorage, so concurrent requests never see each other's calls.

export interface RecordedCapacity {
  total?: number
  table?: number
  indexes?: Record<string, number>
}

export interface RecordedRequest {
  operation: string
  table?: string
  index?: string
  keyCondition?: string
  filter?: string
  values?: Record<string, unknown>
  names?: Record<string, string>
  key?: Record<string, unknown>
  itemCount: number
  scannedCount?: number
  hasMorePages: boolean
  consumedCapacity?: RecordedCapacity
  /** When it was sent, in ms from the start of its scope: which requests ran one after another. */
  startMs: number
  durationMs: number
  items: Record<string, unknown>[]
}

export interface RequestRecording {
  /** performance.now() when the scope began (absent on a page that made no call). */
  startedAt?: number
  accessPattern?: string
  requests: RecordedRequest[]
  /** Set when the screen was served from this server's memory (lib/db/screen-cache.ts): how old the read below was. */
  cachedForMs?: number
}

const storage = new AsyncLocalStorage<RequestRecording>()

/** Runs fn with a fresh recording scope and returns both its result and what it sent to DynamoDB. */
export async function withRecording<T>(fn: () => Promise<T>): Promise<{ result: T; recording: RequestRecording }> {
  const recording: RequestRecording = { startedAt: performance.now(), requests: [] }
  const result = await storage.run(recording, fn)
  return { result, recording }
}

/**
 * Puts requests recorded earlier into the current scope: a screen served from memory shows the
 * request that read it (`cachedForMs` its age), one that waited for another's read shows that read.
 */
export function replayRecording(requests: RecordedRequest[], accessPattern: string | undefined, cachedForMs: number | undefined): void {
  const recording = storage.getStore()
  if (!recording) return
  recording.requests.push(...requests)
  if (accessPattern) recording.accessPattern = accessPattern
  if (cachedForMs !== undefined) recording.cachedForMs = Math.max(recording.cachedForMs ?? 0, Math.round(cachedForMs))
}

/** Names the access pattern the current scope is serving (shown in the "Under the hood" panel). */
export function nameAccessPattern(name: string): void {
  const recording = storage.getStore()
  if (recording) recording.accessPattern = name
}

type RawInput = Record<string, unknown> & {
  TableName?: string
  IndexName?: string
  KeyConditionExpression?: string
  FilterExpression?: string
  ExpressionAttributeValues?: Record<string, AttributeValue>
  ExpressionAttributeNames?: Record<string, string>
  Key?: Record<string, AttributeValue>
  ReturnConsumedCapacity?: string
}

type RawOutput = {
  Items?: Record<string, AttributeValue>[]
  /** BatchGetItem: the items found, by table. */
  Responses?: Record<string, Record<string, AttributeValue>[]>
  Item?: Record<string, AttributeValue>
  Count?: number
  ScannedCount?: number
  LastEvaluatedKey?: unknown
  ConsumedCapacity?: ConsumedCapacityShape | ConsumedCapacityShape[]
}

type ConsumedCapacityShape = {
  CapacityUnits?: number
  Table?: { CapacityUnits?: number }
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>
}

const readOperations = new Set(['QueryCommand', 'GetItemCommand', 'ScanCommand', 'BatchGetItemCommand'])

function toCapacity(raw: RawOutput['ConsumedCapacity']): RecordedCapacity | undefined {
  // BatchGetItem answers one entry per table; Roster has one table.
  const first = Array.isArray(raw) ? raw[0] : raw
  if (!first) return undefined
  const indexes = first.GlobalSecondaryIndexes
    ? Object.fromEntries(Object.entries(first.GlobalSecondaryIndexes).map(([name, c]) => [name, c.CapacityUnits ?? 0]))
    : undefined
  return { total: first.CapacityUnits, table: first.Table?.CapacityUnits, indexes }
}

// Document-client calls reach this step with items already unmarshalled; raw client calls do not.
function toPlain(item: Record<string, unknown>): Record<string, unknown> {
  try {
    return unmarshall(item as Record<string, AttributeValue>)
  } catch {
    return item
  }
}

function plainValues(values: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined {
  return values ? toPlain(values) : undefined
}

type Next = (args: { input: unknown }) => Promise<{ output: unknown }>

/**
 * Initialize step (before serialization): reads ask for consumed capacity, INDEXES on index reads,
 * so the panel and the benchmark can show read units.
 */
export const capacityMiddleware = (next: Next, context: { commandName?: string }) => async (args: { input: unknown }) => {
  const input = args.input as RawInput
  if (readOperations.has(context.commandName ?? '') && !input.ReturnConsumedCapacity) {
    input.ReturnConsumedCapacity = input.IndexName ? 'INDEXES' : 'TOTAL'
  }
  return next(args)
}

/** Build step: records each call of the current scope with its timing and what came back. */
export const recorderMiddleware = (next: Next, context: { commandName?: string }) =>
  async (args: { input: unknown }) => {
    const recording = storage.getStore()
    const operation = context.commandName ?? 'Unknown'
    const input = args.input as RawInput
    if (!recording) return next(args)
    const started = performance.now()
    const result = await next(args)
    const output = result.output as RawOutput
    const rawItems = output.Items ?? (output.Item ? [output.Item] : Object.values(output.Responses ?? {}).flat())
    recording.requests.push({
      operation: operation.replace(/Command$/, ''),
      table: input.TableName,
      index: input.IndexName,
      keyCondition: input.KeyConditionExpression,
      filter: input.FilterExpression,
      values: plainValues(input.ExpressionAttributeValues),
      names: input.ExpressionAttributeNames,
      key: plainValues(input.Key),
      itemCount: rawItems.length,
      scannedCount: output.ScannedCount,
      hasMorePages: Boolean(output.LastEvaluatedKey),
      consumedCapacity: toCapacity(output.ConsumedCapacity),
      startMs: Math.round((started - (recording.startedAt ?? started)) * 100) / 100,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      items: rawItems.map(toPlain),
    })
    return result
  }
