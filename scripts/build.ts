import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const nextBin = path.resolve('node_modules/.bin/next')

/** Runs `next build` when there is no build or the sources changed since the last one. */
export function buildIfStale(log: (message: string) => void): void {
  const fingerprintFile = path.resolve('.next/roster-fingerprint')
  const fingerprint = sourceFingerprint()
  const current = existsSync('.next/BUILD_ID') && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint
  if (current) return
  log('Building the app (first start, or the sources changed). This takes about a minute or two; later starts skip it.')
  const started = Date.now()
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: process.env })
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`)
  writeFileSync(fingerprintFile, fingerprint)
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s`)
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
