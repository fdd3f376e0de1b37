import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, defineConfig, devices } from '@playwright/test'

// Prefer a Playwright-installed Chromium; otherwise Debian's (no browser can be downloaded here).
const bundled = (() => {
  try {
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
})()
const executablePath = bundled ? undefined : process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Specs read the table through lib/ (the audit); its modules import 'server-only', which the workers,
// plain node, resolve as the server does (scripts/outside-next.mjs). Workers inherit this.
const outsideNext = `--import ${fileURLToPath(new URL('./scripts/outside-next.mjs', import.meta.url))}`
if (!process.env.NODE_OPTIONS?.includes(outsideNext)) process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, outsideNext].filter(Boolean).join(' ')

const port = Number(process.env.E2E_PORT ?? 3100)
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3199)
const baseURL = `http://localhost:${port}`

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // Roster refuses mutations that do not say they come from its own origin (CSRF); the tests'
    // API calls are same-origin calls, as the browser's own fetches are.
    extraHTTPHeaders: { origin: baseURL },
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath,
      // attacker.test is the cross-site tests' other origin, on loopback (e2e/web-defences.spec.ts).
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP roster.test 127.0.0.1'],
    },
  },
  projects: [
    // Signs the demo accounts in once and keeps their cookies (e2e/.auth); tests run as the manager
    // unless they open a context as someone else.
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    { name: 'app', dependencies: ['sign-in'], use: { storageState: 'e2e/.auth/manager.json' } },
  ],
  webServer: [
    {
      // A real OpenID Connect provider on loopback (oidc-provider), for the company sign-in.
      command: 'node --import tsx scripts/oidc-test-provider.ts',
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { OIDC_PORT: String(oidcPort), ROSTER_URL: baseURL },
    },
    {
      // The production build on the embedded engine with a fresh table (--reset wipes its own data dir).
      command: 'node --import ./scripts/register.mjs scripts/start.ts --reset',
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        ROSTER_DATA_DIR: '.data/e2e',
        DYNAMODB_ENDPOINT: '',
        NEXT_TELEMETRY_DISABLED: '1',
        ROSTER_OIDC_ISSUER: `http://localhost:${oidcPort}`,
        ROSTER_OIDC_CLIENT_ID: 'roster-e2e',
        ROSTER_OIDC_CLIENT_SECRET: 'roster-e2e-secret',
        ROSTER_OIDC_NAME: 'Test IdP',
        // As behind one load balancer that appends to X-Forwarded-For: the tests say which address they
        // come from in its right-hand entry (failed sign-ins are throttled per account and address).
        ROSTER_CLIENT_IP_HEADER: 'x-forwarded-for',
        ROSTER_TRUSTED_HOPS: '1',
      },
    },
  ],
})
