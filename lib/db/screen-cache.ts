import 'server-only'
import { replayRecording, withRecording, type RecordedRequest } from './recorder'

// The heavy screens' reads (capacity, the overview, planner pages, client dashboards), kept in this
// process's memory for a short while. Profiles at 20,000 people showed the read itself (the SDK's
// parse, dynamodb-toolbox's formatting and the garbage they make) is most of what such a screen
// costs; on a hit it costs nothing.
//
// What a reader may see (docs/data-model.md, "The screen cache"):
// - any write this process sends empties the cache when DynamoDB answers it, so a user whose writes
//   went through this server never sees the screen as it was before them;
// - a write sent by another instance reaches this instance's readers within `ttlMs` (2 s by default,
//   ROSTER_SCREEN_CACHE_MS), on top of the eventual consistency every screen read already has;
// - an entry is keyed by the reader's role and the screen's arguments, and is filled by the read
//   after authorization, so one role never gets what was read for another;
// - a miss is one DynamoDB request, as before: concurrent misses of one key share one read.
// Write paths never use it: they decide from the consistent reads in lib/reads.ts.

const writeOperations = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand'])

export const SCREEN_CACHE_LIMITS = { entries: 256, bytes: 48 * 1024 * 1024 }

interface Entry {
  value: unknown
  requests: RecordedRequest[]
  accessPattern?: string
  bytes: number
  at: number
}

interface State {
  /** Counts this process's answered writes: an entry read before the latest one is stale. */
  generation: number
  entries: Map<string, Entry & { generation: number }>
  pending: Map<string, { generation: number; fill: Promise<Entry> }>
  bytes: number
}

// One per process: Next bundles this module into several routes, and all must see one cache.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('roster.screenCache')] ??= {
  generation: 0,
  entries: new Map(),
  pending: new Map(),
  bytes: 0,
} satisfies State) as State

/** How long an entry serves: ROSTER_SCREEN_CACHE_MS, else 2 s in production and off elsewhere (tests read what they wrote through other clients). */
export function screenCacheMs(env: { NODE_ENV?: string; ROSTER_SCREEN_CACHE_MS?: string } = process.env): number {
  const configured = Number(env.ROSTER_SCREEN_CACHE_MS)
  if (env.ROSTER_SCREEN_CACHE_MS !== undefined && Number.isFinite(configured) && configured >= 0) return configured
  return env.NODE_ENV === 'production' ? 2_000 : 0
}

type Next = (args: { input: unknown }) => Promise<{ output: unknown }>

/** SDK middleware: every write, answered or failed (a failed write may have been applied), makes the cache's entries stale. */
export const invalidateOnWrite = (next: Next, context: { commandName?: string }) => async (args: { input: unknown }) => {
  if (!writeOperations.has(context.commandName ?? '')) return next(args)
  try {
    return await next(args)
  } finally {
    forgetScreens()
  }
}

/** Makes every entry stale (any write, or a test). */
export function forgetScreens(): void {
  state.generation++
  state.entries.clear()
  state.bytes = 0
}

/** A screen, the role of whoever reads it, and everything its read depends on (filters, cursor, today). */
export interface ScreenKey {
  screen: string
  role: string
  args: unknown[]
}

/**
 * The screen's value for `what`, from memory when it was read within the cache's time and no write
 * was answered since; otherwise `read()` (one DynamoDB request), shared by concurrent callers. The
 * value is frozen: callers share it. A page's recording gets the requests that filled the entry, with
 * its age, so the "Under the hood" panel says where the figures came from. `null` (not found) is
 * not kept.
 */
export async function cachedScreen<T>(what: ScreenKey, read: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const ttlMs = screenCacheMs()
  if (ttlMs === 0) return read()
  const key = JSON.stringify([what.screen, what.role, what.args])
  const generation = state.generation
  const kept = state.entries.get(key)
  if (kept && kept.generation === generation && now() - kept.at < ttlMs) {
    // Most recently used last: eviction takes the oldest first.
    state.entries.delete(key)
    state.entries.set(key, kept)
    replayRecording(kept.requests, kept.accessPattern, now() - kept.at)
    return kept.value as T
  }
  let pending = state.pending.get(key)
  const joined = pending?.generation === generation
  if (!pending || !joined) {
    const fill = fillEntry(key, generation, read, now)
    pending = { generation, fill }
    state.pending.set(key, pending)
    void fill.catch(() => undefined).finally(() => {
      if (state.pending.get(key)?.fill === fill) state.pending.delete(key)
    })
  }
  const entry = await pending.fill
  replayRecording(entry.requests, entry.accessPattern, joined ? now() - entry.at : undefined)
  return entry.value as T
}

async function fillEntry(key: string, generation: number, read: () => Promise<unknown>, now: () => number): Promise<Entry> {
  const { result, recording } = await withRecording(read)
  const found = result !== null && result !== undefined
  const entry: Entry = { value: deepFreeze(result), requests: recording.requests, accessPattern: recording.accessPattern, bytes: found ? approximateBytes(result, recording.requests) : 0, at: now() }
  // A write answered while this read ran may or may not be in it: serve it to the callers that waited, keep it only if none was.
  if (found && state.generation === generation && entry.bytes <= SCREEN_CACHE_LIMITS.bytes / 4) {
    const previous = state.entries.get(key)
    if (previous) state.bytes -= previous.bytes
    state.entries.delete(key)
    state.entries.set(key, { ...entry, generation })
    state.bytes += entry.bytes
    for (const [oldest, old] of state.entries) {
      if (state.entries.size <= SCREEN_CACHE_LIMITS.entries && state.bytes <= SCREEN_CACHE_LIMITS.bytes) break
      state.entries.delete(oldest)
      state.bytes -= old.bytes
    }
  }
  return entry
}

/** What an entry holds, roughly in bytes: its value and the recorded items, as JSON (measured once, when filled). */
function approximateBytes(value: unknown, requests: RecordedRequest[]): number {
  return JSON.stringify(value).length + JSON.stringify(requests).length
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** For tests: how many entries are kept. */
export function screenCacheSize(): { entries: number; bytes: number } {
  return { entries: state.entries.size, bytes: state.bytes }
}
