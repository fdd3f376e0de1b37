// npm start / npm run dev: the database (embedded unless told otherwise), the table, demo data,
// a production build when the current one is missing or stale, then Next.js. Ctrl-C stops it all.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { readDbConfig } from '../lib/db/config'
import { ensureTable } from '../lib/db/table'
import { needsRepair, repairDerivedData } from '../lib/upkeep/repair'
import { keepOverviewCurrent, sweepJobs } from '../job-registry'
import { seedSizes } from '../lib/seed/demo-data'
import { loadDemoData, tableHasNoClients } from '../lib/seed/load'
import { buildIfStale, nextBin, nextEnv } from './build'
import { openDatabase } from './database'
import { ensureDemoUsers } from '../lib/auth/demo-users'
import { demoAccounts } from '../lib/auth/demo-accounts'
import { untilAvailable as retryWhileUnavailable } from './until-available'

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false }, reset: { type: 'boolean', default: false } } })
const port = process.env.PORT ?? '3000'
const log = (message: string) => console.log(`[roster] ${message}`)

if (values.reset && !process.env.DYNAMODB_ENDPOINT) {
  // A fresh table for end-to-end tests: only the embedded engine's data directory is ever wiped.
  rmSync(path.resolve(process.env.ROSTER_DATA_DIR ?? '.data/dynalite'), { recursive: true, force: true })
}

const { engine, describe } = await openDatabase(log)
// The embedded engine is the demo: its sign-in page lists the demo accounts. Anything else is a real
// installation and needs its own session secret.
if (engine) process.env.ROSTER_DEMO ??= '1'
process.env.BETTER_AUTH_URL ??= `http://localhost:${port}`
// The demo's sessions are signed with a random secret of its own, kept beside its data so that they
// survive a restart; a secret in the source would let anyone who read it forge a session.
if (process.env.ROSTER_DEMO === '1' && !process.env.BETTER_AUTH_SECRET) process.env.BETTER_AUTH_SECRET = demoSecret()

function demoSecret(): string {
  const file = path.resolve('.data/auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
if (process.env.ROSTER_DEMO !== '1' && !process.env.BETTER_AUTH_SECRET) {
  log('BETTER_AUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`) before starting Roster on a shared database.')
  process.exit(1)
}
const untilAvailable = <T>(step: string, run: () => Promise<T>) => retryWhileUnavailable(step, run, log)

/** A long start-up step says it is still going every 10 s, so a first start is never silent for long. */
async function saying<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const ticker = setInterval(() => log(`${what} (${Math.round((Date.now() - started) / 1000)} s so far)`), 10_000)
  try {
    return await run()
  } finally {
    clearInterval(ticker)
  }
}

const config = readDbConfig()
const created = await untilAvailable('Opening the table', () => ensureTable())
log(`Table ${config.tableName} ${created === 'created' ? 'created' : 'ready'} on ${describe}`)
if (await untilAvailable('Checking for older data', () => needsRepair())) {
  // Data from an older Roster: its derived values are rebuilt once, before anything serves it.
  log('The table was written by an older Roster: rebuilding its derived values')
  await saying('Rebuilding derived values', () => untilAvailable('Rebuilding derived values', () => repairDerivedData(log)))
}
// Work a crash left halfway is finished here and, while the app runs, by its periodic job sweep.
// A job that fails is logged and retried later; it never stops the app from starting.
const swept = await saying('Finishing work left halfway', () => sweepJobs({ log }))
if (swept.resumed || swept.failed) log(`Jobs: ${swept.resumed} finished, ${swept.failed} left for a retry`)
if (await untilAvailable('Looking for data', () => tableHasNoClients())) {
  log('Empty table: loading demo data')
  // Loading again after a failure writes the same items again (same keys, same values).
  const counts = await saying('Loading demo data', () => untilAvailable('Loading demo data', () => loadDemoData(seedSizes.demo, { onProgress: (written, total) => written === total && log(`  ${written} items written`) })))
  log(`Demo data: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}`)
}
// The overview's digests: filled after a seed or an upgrade, rolled over to a new week or day.
await saying('Bringing the overview up to date', () => keepOverviewCurrent({ log }))

if (process.env.ROSTER_DEMO === '1') {
  const created = await untilAvailable('Creating the demo accounts', () => ensureDemoUsers())
  if (created) log(`Demo accounts: ${demoAccounts.map((account) => `${account.email} (${account.role})`).join(', ')}; password on the sign-in page`)
}

if (!values.dev) {
  try {
    await buildIfStale(log)
  } catch (error) {
    log((error as Error).message)
    await engine?.close()
    process.exit(1)
  }
}

const child = spawn(nextBin, [values.dev ? 'dev' : 'start', '--port', port], {
  stdio: 'inherit',
  env: {
    ...nextEnv(),
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? '',
    DYNAMODB_TABLE: config.tableName,
    // The socket's peer address for the sign-in rate limits (lib/auth/client-address.ts).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import="${pathToFileURL(path.resolve('scripts/peer-address.mjs')).href}"`].filter(Boolean).join(' '),
  },
})
log(
  process.env.ROSTER_DEMO === '1'
    ? `Open Roster at ${process.env.BETTER_AUTH_URL} (the demo also signs in at http://127.0.0.1:${port}, http://[::1]:${port} and the Network address above)`
    : `Open Roster at ${process.env.BETTER_AUTH_URL}: sign-in works at that address only (BETTER_AUTH_URL)`,
)

let stopping = false
async function stop(signal: NodeJS.Signals) {
  if (stopping) return
  stopping = true
  child.kill(signal)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
child.on('exit', async (code) => {
  // LevelDB flushes on close: nothing written before Ctrl-C is lost.
  await engine?.close()
  if (stopping) log(engine ? `Stopped. Everything is saved in ${path.relative(process.cwd(), process.env.ROSTER_DATA_DIR ?? '.data/dynalite') || '.'}; npm start picks up from there.` : 'Stopped.')
  process.exit(code ?? 0)
})
