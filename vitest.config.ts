import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Only better-auth's adapter suite runs under vitest (it is written for vitest); everything else
// runs on node's test runner (npm run test:unit).
export default defineConfig({
  // The adapter's modules import 'server-only': resolved as on the server, to its empty module.
  resolve: { alias: { 'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)) } },
  test: {
    include: ['test/adapter/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
