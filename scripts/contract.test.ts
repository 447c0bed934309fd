import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { operations } from '@gjj/shared/api/index'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { root } from './lib/resources'

/** One operation, one name: contract key = handler file (kebab-case) = serverless function, same route. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

const serverless = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')) as {
  functions: Record<string, { handler: string; events: { httpApi: { method: string; path: string } }[] }>
}
const handlerFiles = readdirSync(join(root, 'functions', 'src', 'handlers')).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
)

describe('the contract, the handlers and serverless.yml agree', () => {
  test.each(Object.entries(serverless.functions))(
    'serverless function %s is a contract operation with its route and handler',
    (name, fn) => {
      const op = (operations as Record<string, { method: string; path: string }>)[name]
      expect(op, `no contract operation ${name}`).toBeDefined()
      expect(fn.handler).toBe(`functions/src/handlers/${kebab(name)}.handler`)
      expect(existsSync(join(root, 'functions', 'src', 'handlers', `${kebab(name)}.ts`))).toBe(true)
      expect(fn.events).toEqual([{ httpApi: { method: op?.method, path: op?.path } }])
    },
  )

  test('every handler file is deployed as a function', () => {
    const deployed = new Set(Object.keys(serverless.functions).map(kebab))
    expect(handlerFiles.map((f) => f.replace(/\.ts$/, '')).filter((f) => !deployed.has(f))).toEqual([])
  })
})
