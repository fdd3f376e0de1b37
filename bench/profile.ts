// npm run bench:profile [-- --dataset xl] [-- --duration 10] [-- --connections 16] [-- --screens /planner,/capacity]
// CPU profiles of the production server while it serves one screen at a time under load: for each
// screen, a fresh `next start` under `--cpu-prof`, autocannon for the duration, then the profile's
// top frames by self time during the load (start-up left out) and its time by part of the stack (React, Next.js, our code, the SDK, …).
// The dataset is the benchmark's (.data/bench-<dataset>; `npm run bench -- --datasets xl --seed-only`
// seeds it). Profiles are kept under .data/profiles/ for Chrome's DevTools.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildIfStale } from '../scripts/build'
import { ensureDemoUsers } from '../lib/auth/demo-users'
import { largestClient, sessionCookie, startEngineProcess, startProductionServer } from './harness'

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'xl' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    screens: { type: 'string' },
    top: { type: 'string', default: '12' },
    port: { type: 'string', default: '3210' },
  },
})
const log = (message: string) => console.log(`[profile] ${message}`)

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** Where a frame's code comes from, by its file. */
function partOf(frame: CallFrame): string {
  const { url, functionName } = frame
  if (!url) return functionName === '(garbage collector)' ? 'garbage collection' : functionName === '(program)' ? 'V8 (compile, runtime)' : functionName
  if (url.startsWith('node:')) return 'node internals'
  if (/react-dom|react-server-dom|[/\\]react[/\\]/.test(url)) return 'React (render, RSC payload)'
  if (/next[/\\]dist/.test(url)) return 'Next.js'
  if (/@aws-sdk|@smithy/.test(url)) return 'AWS SDK'
  if (/dynamodb-toolbox/.test(url)) return 'dynamodb-toolbox'
  if (/better-auth|@better-auth|jose|@noble/.test(url)) return 'better-auth (session)'
  if (/zod/.test(url)) return 'zod'
  if (/\.next[/\\]server/.test(url)) return 'app (bundled: our code and what it inlines)'
  if (/node_modules/.test(url)) return `other package (${/node_modules[/\\](@[^/\\]+[/\\][^/\\]+|[^/\\]+)/.exec(url)?.[1]})`
  return 'other'
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/.*node_modules[/\\]/, '').replace(/.*\.next[/\\]/, '.next/')
}

/** `window`: the load's start and end on the monotonic clock in µs, as V8 stamps samples; start-up and shutdown fall outside. */
/** The start of a minified function's source, to tell which one it is (bundles rename them to one letter). */
function codeAt(frame: CallFrame): string {
  if (!frame.url.includes('.next') && !frame.url.includes('compiled')) return ''
  try {
    const line = readFileSync(frame.url.replace(/^file:\/\//, ''), 'utf8').split('\n')[frame.lineNumber] ?? ''
    return `: \`${line.slice(frame.columnNumber, frame.columnNumber + 90).replace(/[|`]/g, ' ')}\``
  } catch {
    return ''
  }
}

function summarize(profile: CpuProfile, requests: number, top: number, window: { from: number; to: number }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    at += delta
    if (at >= window.from && at <= window.to) self.set(id, (self.get(id) ?? 0) + delta / 1000)
  })
  const frames = new Map<string, { ms: number; frame: CallFrame }>()
  const parts = new Map<string, number>()
  let busy = 0
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)') continue
    busy += ms
    const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    frames.set(key, { ms: (frames.get(key)?.ms ?? 0) + ms, frame })
    parts.set(partOf(frame), (parts.get(partOf(frame)) ?? 0) + ms)
  }
  const lines = [`busy ${busy.toFixed(0)} ms over ${requests} requests: ${(busy / Math.max(1, requests)).toFixed(1)} ms of CPU per request (sampled)`, '', '| part of the stack | self ms | share |', '|---|---|---|']
  for (const [part, ms] of [...parts].sort((a, b) => b[1] - a[1])) lines.push(`| ${part} | ${ms.toFixed(0)} | ${((ms / busy) * 100).toFixed(1)}% |`)
  lines.push('', '| top frame (self time) | part | self ms | share |', '|---|---|---|---|')
  for (const [key, { ms, frame }] of [...frames].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
    lines.push(`| \`${key}\`${codeAt(frame)} | ${partOf(frame)} | ${ms.toFixed(0)} | ${((ms / busy) * 100).toFixed(1)}% |`)
  }
  return lines.join('\n')
}

await buildIfStale(log)
const dataDir = path.resolve(`.data/bench-${values.dataset}`)
const engine = await startEngineProcess(dataDir)
process.env.DYNAMODB_ENDPOINT = engine.endpoint
process.env.DYNAMODB_TABLE = 'roster'
process.env.ROSTER_DEMO = '1'
await ensureDemoUsers()
const largest = await largestClient()
const screens = values.screens?.split(',') ?? ['/about', '/api/health', '/', '/planner', '/api/planner', '/capacity', '/api/capacity', `/clients/${largest.id}`, `/api/clients/${largest.id}`]
const outDir = path.resolve('.data/profiles')
const report: string[] = [`# CPU profiles, ${values.dataset}, ${values.connections} connections × ${values.duration} s per screen (${new Date().toISOString()})`]
for (const screen of screens) {
  const dir = path.join(outDir, screen.replace(/[^a-z0-9]+/gi, '_') || 'root')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const server = await startProductionServer({ port: Number(values.port), endpoint: engine.endpoint, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] })
  const cookie = await sessionCookie(server.base)
  // Warm the route first, so compile-once work is not charged to it.
  for (let i = 0; i < 5; i++) await (await fetch(`${server.base}${screen}`, { headers: { cookie } })).arrayBuffer()
  const from = Number(process.hrtime.bigint() / 1000n)
  const result = await autocannon({ url: `${server.base}${screen}`, connections: Number(values.connections), duration: Number(values.duration), headers: { cookie } })
  const to = Number(process.hrtime.bigint() / 1000n)
  await server.stop()
  // One profile per node process; the server is the largest.
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(dir, name))
  const profile = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile).sort((a, b) => b.samples.length - a.samples.length)[0]
  const served = result.requests.total
  log(`${screen}: ${served} requests, p50 ${result.latency.p50} ms`)
  report.push('', `## \`${screen}\``, '', `${served} requests served, p50 ${result.latency.p50} ms, ${result.non2xx} not 2xx.`, '', profile ? summarize(profile, served, Number(values.top), { from, to }) : 'no profile written')
}
await engine.close()
console.log(report.join('\n'))
process.exit(0)
