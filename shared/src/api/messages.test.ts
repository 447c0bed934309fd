import { describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { operations } from './index'
import { plannedEntries } from './planned'

/**
 * Every message a person can see is Chinese (DESIGN §8), validation issues included. This walks
 * every operation's input schema and feeds it malformed input built from the schema itself: not an
 * object, every field missing, an unknown field, and for each field (inside discriminated unions
 * too, with the discriminator set) wrong types, out-of-range and fractional numbers, empty and
 * over-long strings, wrong enum values, bad array elements. Every issue message must hold a CJK
 * character.
 */
const CJK = /[\u3400-\u9fff]/

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def

const LONG = 'x'.repeat(5000)
const NUMBERS: unknown[] = [
  'abc',
  '',
  1.5,
  -1,
  0,
  -1e21,
  1e21,
  Number.MAX_SAFE_INTEGER + 2,
  '99999999999999999999',
  '-99999999999999999999',
  '1.5',
  true,
  null,
  {},
]
const STRINGS: unknown[] = [123, true, null, {}, [], '', ' ', LONG, '１２３']

/** literal fields of an object shape set to their value: reaches the option a discriminator picks */
function literals(shape: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(shape)) {
    const def = defOf(field)
    if (def.type === 'literal') out[key] = (def.values as unknown[])[0]
  }
  return out
}

/** malformed values for a schema, nested at most `depth` objects deep */
function malformed(schema: unknown, depth = 0): unknown[] {
  if (depth > 4) return []
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      const base = literals(shape)
      const out: unknown[] = ['text', 42, null, [], base, { ...base, notAField: 1, alsoNot: 'x' }]
      for (const [key, field] of Object.entries(shape)) {
        for (const value of malformed(field, depth + 1)) out.push({ ...base, [key]: value })
      }
      return out
    }
    case 'union':
      return (def.options as unknown[]).flatMap((option) => malformed(option, depth))
    case 'string':
    case 'template_literal':
      return STRINGS
    case 'number':
    case 'int':
    case 'bigint':
      return NUMBERS
    case 'boolean':
      return ['true', 1, null]
    case 'enum':
    case 'literal':
      return ['no-such-value', 7, null, '']
    case 'array':
      return [
        'text',
        {},
        [null, 1, 'x'],
        Array.from({ length: 2000 }, () => 1),
        ...malformed(def.element, depth + 1).map((v) => [v]),
      ]
    case 'record':
      return ['text', [], { key: null }]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return malformed(def.innerType, depth)
    case 'pipe':
      return [...malformed(def.in, depth), ...malformed(def.out, depth)]
    case 'lazy':
      return malformed((def.getter as () => unknown)(), depth)
    default:
      return []
  }
}

/** every issue message that has no Chinese in it, with the input that raised it */
function nonChinese(schema: z.ZodMiniType): string[] {
  const found = new Set<string>()
  for (const value of malformed(schema)) {
    const result = schema.safeParse(value)
    for (const issue of result.error?.issues ?? []) {
      if (!CJK.test(issue.message)) {
        found.add(
          `${JSON.stringify(issue.path)} ${JSON.stringify(issue.message)} ← ${JSON.stringify(value)?.slice(0, 80)}`,
        )
      }
    }
  }
  return [...found]
}

const all = [...Object.entries(operations), ...plannedEntries]

describe('validation messages are Chinese', () => {
  test.each(all)('%s: every issue from malformed input is in Chinese', (_, op) => {
    expect(malformed(op.input).length).toBeGreaterThan(5)
    expect(nonChinese(op.input)).toEqual([])
  })

  test('the three requests from issue 9 are answered in Chinese, naming the field', () => {
    const login = operations.login.input.safeParse({ account: '13700000001', password: 'x' })
    const centers = operations.listCenters.input.safeParse({ isAdmin: 'true' })
    const history = operations.listDepositHistory.input.safeParse({ limit: '99999999999999999999' })

    expect(login.error?.issues.map((i) => i.message)).toEqual([
      '请选择公积金中心',
      '登录渠道不正确',
      '设备标识不正确，请重新打开后再登录',
    ])
    expect(centers.error?.issues.map((i) => i.message)).toEqual(['有不接受的字段：isAdmin'])
    expect(new Set(history.error?.issues.map((i) => i.message))).toEqual(new Set(['每页条数应为1到100之间的整数']))
  })

  test('an unknown field inside a nested object is named with its place', () => {
    const result = operations.createApplication.input.safeParse({
      kind: 'loanRepayment',
      loan: { source: 'ownCenter', extra: 1 },
      amountFen: 100,
      bankCardId: 'c',
    })

    expect(result.error?.issues.map((i) => i.message)).toContain('字段 loan 中有不接受的字段：extra')
  })

  test('zod speaks Chinese with or without the mini-program jitless switch', () => {
    const before = z.config()
    z.config({ jitless: true })
    try {
      expect(z.config()).toMatchObject({ jitless: true, localeError: before.localeError })
      expect(z.strictObject({ a: z.string() }).safeParse({ a: 1 }).error?.issues[0]?.message).toBe('字段 a 格式不正确')
    } finally {
      z.config({ jitless: before.jitless })
    }
  })
})
