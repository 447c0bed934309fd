import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { operations } from '@gjj/shared/api/index'
import { planned } from '@gjj/shared/api/planned'
import { describe, expect, test, vi } from 'vitest'
import { parse } from 'yaml'
import { root } from './lib/resources'
import { ROUTE_FILES, type RouteTable, routesSource } from './lib/routes'

/**
 * One operation, one name (DESIGN §1), checked both ways: every contract operation has its handler
 * file (kebab-case, wrapping that very operation), its serverless.yml function with the same route,
 * and its `api.<name>` client method; and every handler file, serverless function and client method
 * is a contract operation. A call the contract offers therefore never meets the gateway's 404.
 */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

type HttpApiEvent = { httpApi: { method: string; path: string } | string }
type ScheduleEvent = { schedule: { rate: string } }
const serverless = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')) as {
  functions: Record<string, { handler: string; events: (HttpApiEvent | ScheduleEvent)[] }>
}
const handlersDir = join(root, 'functions', 'src', 'handlers')
const handlerFiles = readdirSync(handlersDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))

/**
 * Functions that are deliberately not contract operations, each with its reason. Nothing calls
 * them by name, so they have no contract entry and no client method.
 */
const notOperations: Record<string, string> = {
  notFound:
    "the HTTP API's $default route: every request no operation matches gets the API's own JSON 404 " +
    '(code NOT_FOUND, Chinese message) instead of the gateway default; no client calls it',
}

/**
 * Scheduled jobs: functions that EventBridge runs, never HTTP. Their handlers live in
 * functions/src/jobs/ (not handlers/, which holds operations only), and they have no route.
 */
const jobs: Record<string, string> = {
  monthlyDeduction: '按月委托提取: the daily deduction of the signed loans due that China date (decision 59)',
}
const jobsDir = join(root, 'functions', 'src', 'jobs')

const ops = operations as Record<string, { method: string; path: string }>
const contractNames = Object.keys(operations)
const functionNames = Object.keys(serverless.functions).filter((name) => !(name in jobs))

/**
 * The client methods as the apps build them, with Taro and the build constant stubbed: the
 * mini-program's `api` and the review console's `staffApi` (H5 only), which together must offer
 * every operation exactly once.
 */
async function clientMethods(): Promise<Record<string, unknown>> {
  vi.doMock('@tarojs/taro', () => ({ default: {} }))
  vi.stubGlobal('__API_URL__', 'http://127.0.0.1')
  // paths in variables: the miniapp sources are type-checked by the miniapp's own tsconfig
  const depositor = join(root, 'miniapp', 'src', 'api', 'index.ts')
  const staff = join(root, 'miniapp', 'src', 'packages', 'admin', 'components', 'staff-api.ts')
  const { api } = (await import(depositor)) as { api: Record<string, unknown> }
  const { staffApi } = (await import(staff)) as { staffApi: Record<string, unknown> }
  const both = Object.keys(api).filter((name) => name in staffApi)
  expect(both, 'operations offered by both clients').toEqual([])
  return { ...api, ...staffApi }
}

describe('every contract operation exists end to end', () => {
  test.each(contractNames)('%s has a handler file wrapping it', (name) => {
    const file = join(handlersDir, `${kebab(name)}.ts`)
    expect(existsSync(file), `no functions/src/handlers/${kebab(name)}.ts`).toBe(true)
    // endpoint(op, …), or endpoint.readingSession(op, …) where the service reads the session itself
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`\\bendpoint(\\.readingSession)?\\(${name}\\b`))
  })

  test.each(contractNames)('%s is a serverless function on its route', (name) => {
    const fn = serverless.functions[name]
    expect(fn, `no serverless.yml function ${name}`).toBeDefined()
    expect(fn?.handler).toBe(`functions/src/handlers/${kebab(name)}.handler`)
    expect(fn?.events).toEqual([{ httpApi: { method: ops[name]?.method, path: ops[name]?.path } }])
  })

  test('every operation is a client method, and every client method an operation', async () => {
    const api = await clientMethods()

    expect(Object.keys(api).sort()).toEqual([...contractNames].sort())
    for (const name of contractNames) expect(typeof api[name], `api.${name}`).toBe('function')
  })

  test.each(Object.keys(ROUTE_FILES) as RouteTable[])(
    'the %s route table the client calls by is generated from the contract (npm run routes)',
    (table) => {
      const file = readFileSync(join(root, ROUTE_FILES[table]), 'utf8')
      expect(file, `${ROUTE_FILES[table]} differs from the contract: run npm run routes`).toBe(routesSource(table))
    },
  )
})

describe('everything deployed is in the contract', () => {
  test.each(functionNames)('serverless function %s is a contract operation or a named exception', (name) => {
    expect(name in operations || name in notOperations, `${name} is not in operations`).toBe(true)
    expect(serverless.functions[name]?.handler).toBe(`functions/src/handlers/${kebab(name)}.handler`)
  })

  test('every handler file is deployed as a function', () => {
    const deployed = new Set(functionNames.map(kebab))
    expect(handlerFiles.filter((f) => !deployed.has(f))).toEqual([])
  })

  test('no route outside the contract except the named exceptions', () => {
    const extra = functionNames.filter((name) => !(name in operations))
    expect(extra.sort()).toEqual(Object.keys(notOperations).sort())
  })

  test('the unknown-route function takes every request no operation matches', () => {
    expect(serverless.functions.notFound?.events).toEqual([{ httpApi: '*' }])
  })
})

describe('scheduled jobs are no operations and have no route', () => {
  test.each(Object.keys(jobs))('%s runs on a schedule from its jobs/ file', (name) => {
    const fn = serverless.functions[name]
    expect(fn, `no serverless.yml function ${name}`).toBeDefined()
    expect(name in operations).toBe(false)
    expect(fn?.handler).toBe(`functions/src/jobs/${kebab(name)}.handler`)
    expect(existsSync(join(jobsDir, `${kebab(name)}.ts`))).toBe(true)
    expect(fn?.events.length).toBeGreaterThan(0)
    for (const event of fn?.events ?? []) expect(Object.keys(event)).toEqual(['schedule'])
  })

  test('every scheduled function is a named job', () => {
    const scheduled = Object.entries(serverless.functions)
      .filter(([, fn]) => fn.events.some((e) => 'schedule' in e))
      .map(([name]) => name)
    expect(scheduled.sort()).toEqual(Object.keys(jobs).sort())
  })
})

test('planned operations are not offered: no operation, handler or function yet', () => {
  // one test over all drafts, so it also holds (and runs) while there are none
  const offered = Object.keys(planned).filter(
    (name) => name in operations || handlerFiles.includes(kebab(name)) || functionNames.includes(name),
  )
  expect(offered).toEqual([])
})
