// npm start / npm run dev: the database (embedded unless told otherwise), the table, demo data,
// a production build when the current one is missing or stale, then Next.js. Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readDbConfig } from '../lib/db/config'
import { ensureTable } from '../lib/db/table'
import { resumePendingJobs } from '../lib/maintenance'
import { seedSizes } from '../lib/seed/demo-data'
import { loadDemoData, tableHasNoClients } from '../lib/seed/load'
import { openDatabase } from './database'

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false }, reset: { type: 'boolean', default: false } } })
const port = process.env.PORT ?? '3000'
const log = (message: string) => console.log(`[roster] ${message}`)

if (values.reset && !process.env.DYNAMODB_ENDPOINT) {
  // A fresh table for end-to-end tests: only the embedded engine's data directory is ever wiped.
  rmSync(path.resolve(process.env.ROSTER_DATA_DIR ?? '.data/dynalite'), { recursive: true, force: true })
}

const { engine, describe } = await openDatabase(log)
const config = readDbConfig()
const created = await ensureTable()
log(`Table ${config.tableName} ${created === 'created' ? 'created' : 'ready'} on ${describe}`)
const resumed = await resumePendingJobs(log)
if (resumed) log(`Finished ${resumed} interrupted operation(s)`)
if (await tableHasNoClients()) {
  log('Empty table: loading demo data')
  const counts = await loadDemoData(seedSizes.demo, { onProgress: (written, total) => written === total && log(`  ${written} items written`) })
  log(`Demo data: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}`)
}

const nextBin = path.resolve('node_modules/.bin/next')
if (!values.dev) buildIfStale()

const child = spawn(nextBin, [values.dev ? 'dev' : 'start', '--port', port], {
  stdio: 'inherit',
  env: { ...process.env, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? '', DYNAMODB_TABLE: config.tableName },
})
log(`Roster on http://localhost:${port}`)

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
  process.exit(code ?? 0)
})

/** Builds when there is no build or the sources changed since the last one. */
function buildIfStale() {
  const fingerprintFile = path.resolve('.next/roster-fingerprint')
  const fingerprint = sourceFingerprint()
  const current = existsSync('.next/BUILD_ID') && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint
  if (current) return
  log('Building the production bundle (first start or sources changed)…')
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: process.env })
  if (build.status !== 0) {
    log('Build failed')
    void engine?.close().then(() => process.exit(build.status ?? 1))
    throw new Error('next build failed')
  }
  writeFileSync(fingerprintFile, fingerprint)
}

function sourceFingerprint(): string {
  const hash = createHash('sha256')
  const visit = (entry: string) => {
    if (!existsSync(entry)) return
    const stat = statSync(entry)
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry).sort()) visit(path.join(entry, name))
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  for (const entry of ['app', 'components', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json']) visit(entry)
  return hash.digest('hex')
}
