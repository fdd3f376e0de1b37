import { defineConfig } from 'vitest/config'

// Only better-auth's adapter suite runs under vitest (it is written for vitest); everything else
// runs on node's test runner (npm run test:unit).
export default defineConfig({
  test: {
    include: ['test/adapter/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
