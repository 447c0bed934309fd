import { defineConfig } from 'vitest/config'

// Browser tests: the H5 build in Debian Chromium (playwright-core) against the whole local stack,
// started once by globalSetup on free ports with an in-memory DynamoDB Local.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['miniapp/e2e/**/*.e2e.ts'],
    globalSetup: ['miniapp/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
