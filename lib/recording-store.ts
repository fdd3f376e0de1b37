import { randomUUID } from 'node:crypto'
import { authorize, can, type Actor } from './authorization'
import { withoutMoney } from './db/money-store'
import { AppError } from './errors'
import type { RecordedRequest, RequestRecording } from './db/recorder'

// What the server recorded while rendering a page, kept in this process for a while so that the
// "Under the hood" panel can fetch it when it is opened: a closed panel ships nothing with the page,
// and an open one costs no DynamoDB request. Bounded in bytes and age; the oldest go first. With
// several app instances, a recording is found only on the instance that rendered the page (the panel
// then says to reload).

export const RECORDING_TTL_MS = 10 * 60 * 1000
const MAX_BYTES = 64 * 1024 * 1024

interface Kept {
  owner: string
  recording: RequestRecording
  bytes: number
  at: number
}

// One store per process: Next bundles this module into each route, and every copy must see the same map
// (globalThis has no index signature for symbols, hence the cast).
const store: { kept: Map<string, Kept>; bytes: number } = ((globalThis as Record<symbol, unknown>)[Symbol.for('roster.recordings')] ??= {
  kept: new Map<string, Kept>(),
  bytes: 0,
}) as { kept: Map<string, Kept>; bytes: number }

function evict(now: number) {
  for (const [id, entry] of store.kept) {
    if (store.bytes <= MAX_BYTES && now - entry.at <= RECORDING_TTL_MS) break
    store.kept.delete(id)
    store.bytes -= entry.bytes
  }
}

// A screen served from memory hands every page the same recorded requests: each is weighed once.
const weighed = new WeakMap<RecordedRequest, number>()
function bytesOf(request: RecordedRequest): number {
  let bytes = weighed.get(request)
  if (bytes === undefined) weighed.set(request, (bytes = JSON.stringify(request).length))
  return bytes
}

/** Keeps a page's recording for the user who rendered it; answers the id the panel fetches it by. */
export function keepRecording(recording: RequestRecording, owner: string, now = Date.now()): string {
  const id = randomUUID()
  const bytes = 100 + (recording.accessPattern?.length ?? 0) + recording.requests.reduce((sum, request) => sum + bytesOf(request), 0)
  store.kept.set(id, { owner, recording, bytes, at: now })
  store.bytes += bytes
  evict(now)
  return id
}

/** The recording of a page this user rendered, while it is kept. */
export function recordingFor(actor: Actor | null, { recordingId }: { recordingId: string }, now = Date.now()): RequestRecording {
  authorize(actor, 'read')
  const entry = store.kept.get(recordingId)
  if (!entry || entry.owner !== actor.userId || now - entry.at > RECORDING_TTL_MS) {
    throw new AppError('not_found:recording', 'This page’s recording is no longer kept. Reload the page to record it again.')
  }
  if (can(actor, 'see-money')) return entry.recording
  // The items as read, less what holds money: an employee's panel shows the request, not the rates
  // (and no finance digest or rate card item at all, should a screen they can open ever read one).
  const moneyItem = (item: Record<string, unknown>) => String(item.PK ?? '').startsWith('FINANCE#') || item.PK === 'SETTINGS'
  return {
    ...entry.recording,
    requests: entry.recording.requests.map((request) => ({ ...request, items: request.items.filter((item) => !moneyItem(item)).map(withoutMoney) })),
  }
}
