import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const nextBin = path.resolve('node_modules/.bin/next')

/** Next.js telemetry is off for every Next command Roster runs. */
export const nextEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({ ...env, NEXT_TELEMETRY_DISABLED: '1' })

/** Runs `next build` when there is no build or the sources changed since the last one. */
export async function buildIfStale(log: (message: string) => void): Promise<void> {
  const fingerprintFile = path.resolve('.next/roster-fingerprint')
  const fingerprint = sourceFingerprint()
  const current = existsSync('.next/BUILD_ID') && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint
  if (current) return
  log('Building the app (first start, or the sources changed). It takes a few minutes on a small machine (progress below); later starts skip it.')
  const started = Date.now()
  const status = await runWithProgress(log, started)
  if (status !== 0) throw new Error(status === null ? 'next build stopped' : `next build failed (exit ${status})`)
  writeFileSync(fingerprintFile, fingerprint)
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s`)
}

// Next's own lines that start a long step, and how the progress line names it. Compiling is most of
// a first build and prints nothing until it is done.
const phases: [RegExp, string][] = [
  [/Creating an optimized production build/i, 'compiling pages and components'],
  [/Compiled successfully|Compiled with warnings/i, 'compiled; checking'],
  [/Running TypeScript|Linting and checking|Checking validity of types/i, 'checking types'],
  [/Collecting page data/i, 'collecting page data'],
  [/Generating static pages/i, 'generating static pages'],
  [/Finalizing page optimization|Collecting build traces/i, 'finalizing'],
]

/** `next build`, its output passed through, with a line saying what it is doing and for how long whenever it has been quiet for 10 s. */
function runWithProgress(log: (message: string) => void, started: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(nextBin, ['build'], { stdio: ['ignore', 'pipe', 'pipe'], env: nextEnv() })
    let phase = 'starting Next.js'
    let lastLine = Date.now()
    const show = (stream: NodeJS.ReadableStream, write: (line: string) => void) => {
      let pending = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split(/\r?\n|\r/)
        pending = lines.pop() ?? ''
        for (const line of lines) {
          if (!line.trim()) continue
          write(line)
          lastLine = Date.now()
          phase = phases.find(([pattern]) => pattern.test(line))?.[1] ?? phase
        }
      })
      stream.on('end', () => pending.trim() && write(pending))
    }
    show(child.stdout!, (line) => process.stdout.write(`${line}\n`))
    show(child.stderr!, (line) => process.stderr.write(`${line}\n`))
    const ticker = setInterval(() => {
      if (Date.now() - lastLine < 9_500) return
      log(`Building: ${phase} (${Math.round((Date.now() - started) / 1000)} s so far)`)
      lastLine = Date.now()
    }, 5_000)
    // Ctrl-C during the build stops it, and start-up with it (the caller closes the engine).
    const stop = () => child.kill('SIGTERM')
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    child.on('close', (code) => {
      clearInterval(ticker)
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(code)
    })
  })
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
  for (const entry of ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json']) visit(entry)
  return hash.digest('hex')
}
