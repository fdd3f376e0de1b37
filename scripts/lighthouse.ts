// npm run lighthouse -- <base URL>: Lighthouse's accessibility and performance scores for every screen,
// at the desktop and mobile form factors, against a production server that is already running
// (`PORT=3262 npm start`); it starts none itself. Signs in as the demo's manager, admin and employee
// through the sign-in endpoint (as e2e/auth.setup.ts does) and sends the session cookie with each
// page. A benchmark, not a test: it is not part of `npm test`. Exits 1 when a screen misses the bar.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import lighthouse, { desktopConfig } from 'lighthouse'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'

const bar = { accessibility: 0.95, performance: 0.9 }
const formFactors = ['desktop', 'mobile'] as const
type FormFactor = (typeof formFactors)[number]
type Account = 'manager' | 'admin' | 'employee'
const emails: Record<Account, string> = { manager: 'manager@roster.example', admin: 'admin@roster.example', employee: 'tim.fischer@roster.example' }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    screen: { type: 'string', multiple: true },
    'form-factor': { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
})
const usage = 'Usage: npm run lighthouse -- <base URL of a running production server, e.g. http://localhost:3262> [--screen=/planner ...] [--form-factor=desktop|mobile]'
const base = positionals[0]?.replace(/\/$/, '')
if (!base || !/^https?:\/\//.test(base)) {
  console.error(usage)
  process.exit(2)
}
const chosenFactors: readonly FormFactor[] = values['form-factor'] ? formFactors.filter((factor) => factor === values['form-factor']) : formFactors
if (!chosenFactors.length) {
  console.error(usage)
  process.exit(2)
}

async function signIn(account: Account): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base! },
    body: JSON.stringify({ email: emails[account], password: DEMO_PASSWORD }),
  })
  if (!response.ok) throw new Error(`signing in as ${emails[account]} failed (${response.status}): is ${base} a Roster demo server?`)
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

/** The first link on a page whose path matches `pattern` (the demo's ids differ between seeds). */
async function firstLink(page: string, cookie: string, pattern: RegExp): Promise<string> {
  const response = await fetch(`${base}${page}`, { headers: { cookie } })
  const html = await response.text()
  for (const match of html.matchAll(/href="([^"?#]+)"/g)) if (pattern.test(match[1])) return match[1]
  throw new Error(`no link matching ${pattern} on ${page} (${response.status})`)
}

/** Debian's Chromium with a DevTools port for Lighthouse, in a profile of its own. */
async function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'roster-lighthouse-'))
  const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank']
  const child: ChildProcess = spawn(values.chromium!, flags, { stdio: ['ignore', 'ignore', 'pipe'] })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Chromium (${values.chromium}) did not open a DevTools port in 30 s`)), 30_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening a DevTools port`)))
  })
  return {
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
    },
  }
}

interface Screen {
  name: string
  path: string
  account: Account
}

const cookies: Record<Account, string> = { manager: await signIn('manager'), admin: await signIn('admin'), employee: await signIn('employee') }
const employeePage = await firstLink('/employees', cookies.manager, /^\/employees\/(?!new$)[^/]+$/)
const clientPage = await firstLink('/clients', cookies.manager, /^\/clients\/(?!new$)[^/]+$/)
const projectPage = await firstLink(clientPage, cookies.manager, /^\/clients\/[^/]+\/projects\/(?!new$)[^/]+$/)

const every: Screen[] = [
  { name: 'Home', path: '/', account: 'manager' },
  { name: 'Planner', path: '/planner', account: 'manager' },
  { name: 'Capacity', path: '/capacity', account: 'manager' },
  { name: 'Utilization', path: '/utilization', account: 'manager' },
  { name: 'Finance', path: '/finance', account: 'manager' },
  { name: 'Employees', path: '/employees', account: 'manager' },
  { name: 'A person', path: employeePage, account: 'manager' },
  { name: 'A client', path: clientPage, account: 'manager' },
  { name: 'A project', path: projectPage, account: 'manager' },
  { name: 'Technologies', path: '/technologies', account: 'manager' },
  { name: 'Users (admin)', path: '/admin/users', account: 'admin' },
  { name: 'Me (employee)', path: '/me', account: 'employee' },
]
const screens = every.filter((screen) => !values.screen?.length || values.screen.includes(screen.path) || values.screen.includes(screen.name))

const chromium = await launchChromium()
interface Row {
  screen: Screen
  factor: FormFactor
  accessibility: number | null
  performance: number | null
  /** What the performance score is made of, and the accessibility audits that failed. */
  detail: string
  error?: string
}
const rows: Row[] = []
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
] as const
try {
  for (const screen of screens) {
    for (const factor of chosenFactors) {
      process.stderr.write(`${screen.name} (${screen.path}), ${factor}…\n`)
      try {
        const result = await lighthouse(
          `${base}${screen.path}`,
          { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility', 'performance'], extraHeaders: { cookie: cookies[screen.account] } },
          factor === 'desktop' ? desktopConfig : undefined,
        )
        const categories = result?.lhr.categories
        const finalUrl = result?.lhr.finalDisplayedUrl ?? ''
        // A session that did not take lands on the sign-in page, whose scores say nothing about the screen.
        const error = result?.lhr.runtimeError?.message ?? (new URL(finalUrl || base!).pathname === '/sign-in' ? 'redirected to sign-in' : undefined)
        const audits = result?.lhr.audits ?? {}
        const failedAccessibility = (categories?.accessibility?.auditRefs ?? []).filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0).map((ref) => ref.id)
        const detail = [
          metrics.map(([id, label]) => `${label} ${audits[id]?.displayValue ?? '–'}`).join(', '),
          failedAccessibility.length ? `failed: ${failedAccessibility.join(', ')}` : '',
        ].filter(Boolean).join('; ')
        rows.push({ screen, factor, accessibility: categories?.accessibility?.score ?? null, performance: categories?.performance?.score ?? null, detail, error })
      } catch (error) {
        rows.push({ screen, factor, accessibility: null, performance: null, detail: '', error: (error as Error).message })
      }
    }
  }
} finally {
  await chromium.stop()
}

const score = (value: number | null) => (value === null ? '–' : value.toFixed(2))
const passes = (row: Row) => !row.error && (row.accessibility ?? 0) >= bar.accessibility && (row.performance ?? 0) >= bar.performance
console.log(`Lighthouse against ${base}; bar: accessibility ≥ ${bar.accessibility}, performance ≥ ${bar.performance}`)
console.log('')
console.log('| Screen | Path | Form factor | Accessibility | Performance | Verdict | Metrics |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) {
  const verdict = row.error ? `error: ${row.error}` : passes(row) ? 'pass' : [
    (row.accessibility ?? 0) < bar.accessibility ? 'accessibility below bar' : null,
    (row.performance ?? 0) < bar.performance ? 'performance below bar' : null,
  ].filter(Boolean).join(', ')
  console.log(`| ${row.screen.name} | ${row.screen.path} | ${row.factor} | ${score(row.accessibility)} | ${score(row.performance)} | ${verdict} | ${row.detail} |`)
}
const failed = rows.filter((row) => !passes(row)).length
console.log('')
console.log(failed ? `${failed} of ${rows.length} runs miss the bar.` : `All ${rows.length} runs meet the bar.`)
process.exit(failed ? 1 : 0)
