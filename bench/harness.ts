// What the benchmark and the profiler share: the engine in its own process, the production server,
// a signed-in manager's cookie, and the server's CPU time read from /proc.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync, realpathSync } from 'node:fs'
import { nextBin } from '../scripts/build'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { listClients } from '../lib/clients/queries'
import type { Actor } from '../lib/authorization'

/** The benchmarks act as a manager (lib/authorization.ts). */
export const benchActor: Actor = { via: 'session', userId: 'bench', name: 'Benchmark', email: 'bench@roster.example', role: 'manager' }

/** Every client, by name, page after page of the client list. */
export async function allClients() {
  const clients = []
  let cursor: string | undefined
  do {
    const page = await listClients(benchActor, { limit: 100, cursor })
    clients.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return clients
}

/** The client with the most projects: the dashboard the benchmarks weigh. */
export async function largestClient() {
  return (await allClients()).reduce((a, b) => (b.projectCount > a.projectCount ? b : a))
}

export interface Served {
  base: string
  process: ChildProcess
  stop: () => Promise<void>
}

/** The engine in a child process, as `npm start` runs it beside Next.js rather than inside it. */
export async function startEngineProcess(dataDir: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', './scripts/register.mjs', 'scripts/engine-serve.ts', '--path', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  // A benchmark that fails must not leave its engine holding the data directory's lock.
  process.once('exit', () => child.kill('SIGTERM'))
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the engine exited (${code})`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /endpoint (\S+)/.exec(chunk.toString())
      if (match) resolve(match[1])
    })
  })
  return {
    endpoint,
    close: () => new Promise<void>((resolve) => {
      child.removeAllListeners('exit')
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

/** `next start` on loopback against the engine at `endpoint`; `nodeArgs` go to its node (a profiler's flags, which NODE_OPTIONS refuses). */
export async function startProductionServer(options: { port: number; endpoint: string; nodeArgs?: string[] }): Promise<Served> {
  const base = `http://127.0.0.1:${options.port}`
  const nextArgs = ['start', '--port', String(options.port), '--hostname', '127.0.0.1']
  const child = spawn(options.nodeArgs ? process.execPath : nextBin, options.nodeArgs ? [...options.nodeArgs, realpathSync(nextBin), ...nextArgs] : nextArgs, {
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: options.endpoint,
      DYNAMODB_TABLE: 'roster',
      NODE_ENV: 'production',
      ROSTER_DEMO: '1',
      BETTER_AUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  })
  process.once('exit', () => child.kill('SIGTERM'))
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {
      // not up yet
    }
    if (attempt >= 120) throw new Error('the app did not start')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    base,
    process: child,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

/**
 * A fresh session for the demo manager. Taken before each measurement, it keeps better-auth's signed
 * session copy (60 s) valid throughout, so no measured request reads the session from the table, as in
 * a browser that stores the refreshed cookie.
 */
export async function sessionCookie(base: string, email = 'manager@roster.example'): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (!response.ok) throw new Error(`signing in for the benchmark failed (${response.status})`)
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** CPU milliseconds (user + system) spent so far by a process and every process under it. */
export function cpuMsOfTree(pid: number): number {
  const statOf = (id: number) => {
    try {
      // The command name may hold spaces; the fields after its closing parenthesis are fixed.
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ')
      return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
    } catch {
      return null
    }
  }
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
  const parents = new Map(all.map((id) => [id, statOf(id)?.parent]))
  const inTree = (id: number): boolean => id === pid || (parents.get(id) !== undefined && parents.get(id) !== 0 && parents.get(id) !== id && inTree(parents.get(id)!))
  return all.filter(inTree).reduce((sum, id) => sum + (statOf(id)?.ticks ?? 0), 0) * (1000 / TICKS_PER_SECOND)
}
