import { existsSync } from 'node:fs'
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

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: {
    // The production build on the embedded engine with a fresh table (--reset wipes its own data dir).
    command: 'node --import tsx scripts/start.ts --reset',
    url: `http://localhost:${port}/clients`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(port), ROSTER_DATA_DIR: '.data/e2e', DYNAMODB_ENDPOINT: '', NEXT_TELEMETRY_DISABLED: '1' },
  },
})
