import http from 'node:http'
import type { AddressInfo } from 'node:net'

// A DynamoDB that misbehaves as the real one does on a bad day, deterministically by seed: an HTTP
// proxy on loopback in front of the embedded engine. The app's SDK client talks to it as to AWS, so
// its real retry logic, timeouts and error parsing run. For each request it draws one number from a
// seeded generator (in arrival order) and either forwards the request untouched or:
// - throttles it (400 ProvisionedThroughputExceededException or ThrottlingException), unapplied;
// - answers 500 InternalServerError, or drops the connection, before the engine sees it or after the
//   engine has applied it (the case that makes a retried write meet its own first attempt);
// - stalls: the engine applies it at once, the answer comes `stallMs` later (past the client's
//   per-attempt timeout, so the client gives up on an applied write and retries);
// - answers a BatchWriteItem or BatchGetItem with half of it processed and the rest returned as
//   UnprocessedItems or UnprocessedKeys, as DynamoDB does under load.

export interface FaultRates {
  throttle: number
  serverError: number
  reset: number
  /** Of the 500s and resets, the share that happen after the engine applied the request. */
  afterApply: number
  stall: number
  stallMs: number
  /** Of the batches with more than one entry, the share answered half unprocessed. */
  partialBatch: number
}

/** The rates the issue measured with: 10% throttles, 5% 500s or resets (half after apply), 30% partial batches. */
export const troubledDay: FaultRates = { throttle: 0.1, serverError: 0.03, reset: 0.02, afterApply: 0.5, stall: 0.004, stallMs: 8_000, partialBatch: 0.3 }

export type FaultKind = 'throttle' | 'error-before' | 'error-after' | 'reset-before' | 'reset-after' | 'stall' | 'partial-batch' | 'forwarded'

export interface FaultProxy {
  endpoint: string
  /** Faults from now on (null: forward everything untouched). */
  setRates(rates: FaultRates | null): void
  /**
   * The next requests of `operation` (e.g. 'PutItem') meet these faults, in order, whatever the rates
   * (replacing what was scripted for it); with `containing`, only requests whose body has that text.
   */
  script(operation: string, kinds: FaultKind[], containing?: string): void
  /** How many requests met each fault, by operation. */
  counts: Record<FaultKind, number>
  byOperation: Record<string, Partial<Record<FaultKind, number>>>
  close(): Promise<void>
}

/** mulberry32: a small, good-enough seeded generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Forwarded {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

const errorBody = (type: string, message: string) => JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message })

export async function startFaultProxy(target: string, options: { seed: number; rates?: FaultRates | null }): Promise<FaultProxy> {
  const random = generator(options.seed)
  let rates: FaultRates | null = options.rates ?? null
  const scripted = new Map<string, { kinds: FaultKind[]; containing?: string }>()
  const targetUrl = new URL(target)
  const counts = { throttle: 0, 'error-before': 0, 'error-after': 0, 'reset-before': 0, 'reset-after': 0, stall: 0, 'partial-batch': 0, forwarded: 0 } as Record<FaultKind, number>
  const byOperation: Record<string, Partial<Record<FaultKind, number>>> = {}
  const sockets = new Set<import('node:net').Socket>()

  const forward = (request: http.IncomingMessage, body: Buffer): Promise<Forwarded> =>
    new Promise((resolve, reject) => {
      const headers = { ...request.headers, host: targetUrl.host, 'content-length': String(body.length) }
      const upstream = http.request({ hostname: targetUrl.hostname, port: targetUrl.port, method: request.method, path: request.url, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }))
        response.on('error', reject)
      })
      upstream.on('error', reject)
      upstream.end(body)
    })

  const send = (response: http.ServerResponse, status: number, body: string | Buffer, headers: http.IncomingHttpHeaders = {}) => {
    if (response.destroyed || response.writableEnded) return
    const { 'content-length': _length, 'x-amz-crc32': _crc, 'transfer-encoding': _encoding, connection: _connection, ...rest } = headers
    response.writeHead(status, { ...rest, 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) })
    response.end(body)
  }

  /** Forwards the first half of a batch and returns the second half as unprocessed. */
  const partialBatch = async (request: http.IncomingMessage, operation: string, input: Record<string, Record<string, unknown>>): Promise<Forwarded | null> => {
    const [table, entries] = Object.entries((input.RequestItems ?? {}) as Record<string, Record<string, unknown>>)[0] ?? []
    if (!table) return null
    if (operation === 'BatchWriteItem') {
      const requests = entries as unknown as unknown[]
      if (requests.length < 2) return null
      const half = Math.ceil(requests.length / 2)
      const answer = await forward(request, Buffer.from(JSON.stringify({ ...input, RequestItems: { [table]: requests.slice(0, half) } })))
      if (answer.status !== 200) return answer
      const output = JSON.parse(answer.body.toString())
      const unprocessed = [...(output.UnprocessedItems?.[table] ?? []), ...requests.slice(half)]
      return { ...answer, body: Buffer.from(JSON.stringify({ ...output, UnprocessedItems: { [table]: unprocessed } })) }
    }
    const keys = (entries as { Keys?: unknown[] }).Keys ?? []
    if (keys.length < 2) return null
    const half = Math.ceil(keys.length / 2)
    const answer = await forward(request, Buffer.from(JSON.stringify({ ...input, RequestItems: { [table]: { ...entries, Keys: keys.slice(0, half) } } })))
    if (answer.status !== 200) return answer
    const output = JSON.parse(answer.body.toString())
    const unprocessed = [...(output.UnprocessedKeys?.[table]?.Keys ?? []), ...keys.slice(half)]
    return { ...answer, body: Buffer.from(JSON.stringify({ ...output, UnprocessedKeys: { [table]: { ...entries, Keys: unprocessed } } })) }
  }

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown'
    const note = (kind: FaultKind) => {
      counts[kind]++
      const forOperation = (byOperation[operation] ??= {})
      forOperation[kind] = (forOperation[kind] ?? 0) + 1
    }
    try {
      const draw = random()
      const second = random()
      const now = rates
      let kind: FaultKind = 'forwarded'
      const queued = scripted.get(operation)
      if (queued?.kinds.length && (!queued.containing || body.includes(queued.containing))) kind = queued.kinds.shift()!
      else if (now) {
        const isBatch = operation === 'BatchWriteItem' || operation === 'BatchGetItem'
        let edge = now.throttle
        if (draw < edge) kind = 'throttle'
        else if (draw < (edge += now.serverError)) kind = second < now.afterApply ? 'error-after' : 'error-before'
        else if (draw < (edge += now.reset)) kind = second < now.afterApply ? 'reset-after' : 'reset-before'
        else if (draw < (edge += now.stall)) kind = 'stall'
        else if (isBatch && second < now.partialBatch) kind = 'partial-batch'
      }
      if (kind === 'throttle') {
        note(kind)
        const type = second < 0.5 ? 'ProvisionedThroughputExceededException' : 'ThrottlingException'
        return send(response, 400, errorBody(type, 'The level of configured provisioned throughput for the table was exceeded.'))
      }
      if (kind === 'error-before') {
        note(kind)
        return send(response, 500, errorBody('InternalServerError', 'Internal server error'))
      }
      if (kind === 'reset-before') {
        note(kind)
        return void request.socket.destroy()
      }
      if (kind === 'partial-batch') {
        const answer = await partialBatch(request, operation, JSON.parse(body.toString()))
        if (answer) {
          note(kind)
          return send(response, answer.status, answer.body, answer.headers)
        }
        kind = 'forwarded'
      }
      const answer = await forward(request, body)
      note(kind)
      if (kind === 'error-after') return send(response, 500, errorBody('InternalServerError', 'Internal server error'))
      if (kind === 'reset-after') return void request.socket.destroy()
      if (kind === 'stall') await new Promise((resolve) => setTimeout(resolve, now?.stallMs ?? troubledDay.stallMs))
      send(response, answer.status, answer.body, answer.headers)
    } catch (error) {
      send(response, 500, errorBody('InternalServerError', `proxy: ${(error as Error).message}`))
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setRates(next) {
      rates = next
      if (!next) scripted.clear()
    },
    script(operation, kinds, containing) {
      scripted.set(operation, { kinds: [...kinds], containing })
    },
    counts,
    byOperation,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
