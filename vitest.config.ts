import { configDefaults, defineConfig } from 'vitest/config'

// Two projects: pure logic (no I/O; in functions/ such tests are named `*.unit.test.ts`) and
// integration (handlers against DynamoDB Local + s3rver, started once by globalSetup on free
// ports). Browser tests have their own config.
// Both projects take the suite's clock from GJJ_TEST_NOW when it is set (shared/src/testing/clock.ts).
const SUITE_CLOCK = 'shared/src/testing/suite-clock.ts'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'miniapp/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            // pure logic beside the functions' code (no DynamoDB, no configuration)
            'functions/src/**/*.unit.test.ts',
          ],
          setupFiles: [SUITE_CLOCK],
        },
      },
      {
        test: {
          name: 'integration',
          // site/: the static site's upload, against s3rver
          include: ['functions/src/**/*.test.ts', 'site/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'functions/src/**/*.unit.test.ts'],
          globalSetup: ['functions/test/global-setup.ts'],
          setupFiles: ['functions/test/setup-env.ts', SUITE_CLOCK],
          // one DynamoDB Local for the run: files run one after another so that seeding and the
          // concurrency tests do not interleave
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
