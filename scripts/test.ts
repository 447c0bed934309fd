import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './lib/resources'

/**
 * `npm test`: lint, typecheck, unit + integration tests, the weapp and alipay production builds
 * with the size check, then the browser tests of the H5 build against the local API. Stops at the
 * first failing step and ends with one summary line of all tests run.
 */
const reports = join(root, 'test-results')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: '0' }
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

const steps: [name: string, command: string, args: string[], env?: Record<string, string>][] = [
  ['lint', bin('biome'), ['check', '.']],
  ['typecheck shared', bin('tsc'), ['-p', 'shared']],
  ['typecheck functions', bin('tsc'), ['-p', 'functions']],
  ['typecheck miniapp', bin('tsc'), ['-p', 'miniapp']],
  ['typecheck scripts', bin('tsc'), ['-p', 'scripts']],
  ['typecheck browser tests', bin('tsc'), ['-p', 'miniapp/e2e']],
  [
    'unit + integration tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`],
  ],
  [
    // the same suites at 00:30 in China (still Dec 2 in UTC and Los Angeles), in a zone 16 hours
    // behind China: no test may pass or fail by the hour or the zone CI runs in
    'unit + integration tests at 00:30 China time, TZ=America/Los_Angeles',
    bin('vitest'),
    ['run', '--reporter=dot', '--reporter=json', `--outputFile.json=${join(reports, 'vitest-china-midnight.json')}`],
    { TZ: 'America/Los_Angeles', GJJ_TEST_NOW: '2026-12-02T16:30:00Z' }, // shared/src/testing/clock.ts
  ],
  ['build weapp', 'npm', ['run', 'build:weapp', '--silent']],
  ['build alipay', 'npm', ['run', 'build:alipay', '--silent']],
  ['size check', bin('tsx'), ['scripts/size-check.ts']],
  [
    'browser tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'vitest.browser.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'browser.json')}`,
    ],
  ],
]

function summary(): { passed: number; failed: number } {
  let passed = 0
  let failed = 0
  for (const file of ['vitest.json', 'vitest-china-midnight.json', 'browser.json']) {
    const p = join(reports, file)
    if (!existsSync(p)) continue
    const r = JSON.parse(readFileSync(p, 'utf8')) as { numPassedTests: number; numFailedTests: number }
    passed += r.numPassedTests
    failed += r.numFailedTests
  }
  return { passed, failed }
}

const started = Date.now()
let failedStep: string | undefined
for (const [name, command, args, extra] of steps) {
  const t = Date.now()
  console.log(`\n▶ ${name}`)
  const res = spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, stdio: 'inherit' })
  console.log(`◀ ${name}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
  if (res.status !== 0) {
    failedStep = name
    break
  }
}
const { passed, failed } = summary()
console.log(
  `\nnpm test ${failedStep ? `failed at: ${failedStep}` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
