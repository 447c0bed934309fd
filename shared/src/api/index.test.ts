import { describe, expect, test } from 'vitest'
import type * as z from 'zod/mini'
import { checkPhone } from '../validation'
import { operations } from './index'
import { pathParams } from './paths'
import { planned, plannedEntries } from './planned'

/** the built operations and the drafts waiting for their handlers: both must be well formed */
const all = [...Object.entries(operations), ...plannedEntries]

/** the object shapes an input can take (a plain object or each option of a discriminated union) */
function shapes(schema: z.ZodMiniType): Record<string, z.ZodMiniType>[] {
  const def = (
    schema as unknown as {
      def: { type: string; shape?: Record<string, z.ZodMiniType>; options?: z.ZodMiniType[]; in?: z.ZodMiniType }
    }
  ).def
  if (def.type === 'object' && def.shape) return [def.shape]
  if (def.type === 'union' && def.options) return def.options.flatMap(shapes)
  if (def.type === 'pipe' && def.in) return shapes(def.in)
  return []
}

/** every field named *Fen anywhere in a schema, with its path (a recursive schema, e.g. rich-text nodes, is walked once) */
function fenFields(
  schema: z.ZodMiniType,
  path: string,
  out: [string, z.ZodMiniType][] = [],
  seen = new Set<z.ZodMiniType>(),
): [string, z.ZodMiniType][] {
  if (seen.has(schema)) return out
  seen.add(schema)
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodMiniType>)) {
        if (key.endsWith('Fen')) out.push([`${path}.${key}`, field])
        fenFields(field, `${path}.${key}`, out, seen)
      }
      break
    case 'array':
      fenFields(def.element as z.ZodMiniType, `${path}[]`, out, seen)
      break
    case 'union':
      for (const option of def.options as z.ZodMiniType[]) fenFields(option, path, out, seen)
      break
    case 'optional':
    case 'nullable':
    case 'default':
      fenFields(def.innerType as z.ZodMiniType, path, out, seen)
      break
  }
  return out
}

describe('the operations', () => {
  test.each(all)('%s is keyed by its own name', (key, op) => {
    expect(op.name).toBe(key)
  })

  test('planned ones are not offered yet', () => {
    expect(Object.keys(planned).filter((name) => name in operations)).toEqual([])
  })

  test('have unique (method, path) pairs', () => {
    const routes = all.map(([, op]) => `${op.method} ${op.path}`)
    expect(new Set(routes).size).toBe(routes.length)
  })

  test.each(all)('%s lives under /api, staff operations under /api/admin', (_, op) => {
    expect(op.path).toMatch(/^\/api\/[a-z0-9{}/-]+$/i)
    if (op.audience === 'staff') expect(op.path).toMatch(/^\/api\/admin\//)
    if (op.path.startsWith('/api/admin/')) expect(['staff', 'public']).toContain(op.audience)
  })

  test.each(all)('%s declares every path parameter in its input', (_, op) => {
    for (const param of pathParams(op.path)) {
      for (const shape of shapes(op.input)) expect(Object.keys(shape)).toContain(param)
    }
    expect(shapes(op.input).length).toBeGreaterThan(0)
  })

  test.each(all)('%s answers a JSON object (the mini-program client refuses anything else, decision 86)', (_, op) => {
    // a plain object, or a union whose every option is one
    expect(shapes(op.output).length, 'an answer that is not an object').toBeGreaterThan(0)
    const def = (op.output as unknown as { def: { type: string; options?: z.ZodMiniType[] } }).def
    if (def.type === 'union') expect(def.options?.every((o) => shapes(o).length > 0)).toBe(true)
  })

  test.each(all)('%s has money fields in whole fen only', (name, op) => {
    for (const [path, field] of [...fenFields(op.input, `${name}.input`), ...fenFields(op.output, `${name}.output`)]) {
      expect(field.safeParse(1.5).success, path).toBe(false)
      expect(field.safeParse(100).success, path).toBe(true)
    }
  })
})

describe('the contract reuses the validators', () => {
  test('a bad phone gives the same Chinese message at login, SMS and phone change', () => {
    const check = checkPhone('12800138000')
    const message = !check.ok && check.message

    const login = operations.login.input.safeParse({
      account: '12800138000',
      password: 'x',
      centerCode: 'C65010',
      channel: 'weapp',
      deviceId: 'device-0001',
    })
    const sms = operations.sendSmsCode.input.safeParse({ purpose: 'changePhone', phone: '12800138000' })
    const change = operations.changePhone.input.safeParse({ newPhone: '12800138000', smsCode: '123456' })

    expect(message).toBe('请输入正确的11位手机号码')
    for (const result of [login, sms, change]) expect(result.error?.issues[0]?.message).toBe(message)
  })

  test('login accepts an ID number and says which kind of account it is', () => {
    const input = operations.login.input.parse({
      account: '371524199011063028',
      password: 'x',
      centerCode: 'C65010',
      channel: 'alipay',
      deviceId: 'device-0001',
    })

    expect(input.account).toEqual({ type: 'idNumber', value: '371524199011063028' })
  })

  test('a new APP password must meet the policy', () => {
    const result = operations.changePassword.input.safeParse({
      oldPassword: 'Old-pass1',
      newPassword: 'abcdefgh',
      confirmPassword: 'abcdefgh',
    })

    expect(result.error?.issues[0]).toMatchObject({
      path: ['newPassword'],
      message: '密码须包含大写字母、小写字母、数字、符号中的至少三种',
    })
  })
})

describe('applications', () => {
  test('are created with the fields of their kind', () => {
    const rent = operations.createApplication.input.parse({
      kind: 'rent',
      rentAddress: '乌鲁木齐市天山区人民路1号',
      monthlyRentFen: 150_000,
      months: 12,
      amountFen: 1_800_000,
      bankCardId: 'card-1',
    })
    const prepay = operations.createApplication.input.parse({
      kind: 'prepayPart',
      amountFen: 10_000_000,
      fundAmountFen: 2_000_000,
    })

    expect(rent.kind).toBe('rent')
    expect(prepay).toEqual({ kind: 'prepayPart', amountFen: 10_000_000, fundAmountFen: 2_000_000, choice: 'keepTerm' })
  })

  test('refuse fields of another kind and unknown kinds', () => {
    expect(
      operations.createApplication.input.safeParse({ kind: 'retirement', bankCardId: 'card-1', amountFen: 1 }).success,
    ).toBe(false)
    expect(operations.createApplication.input.safeParse({ kind: 'lottery' }).success).toBe(false)
  })

  test('need a commercial lender and contract number when repaying a commercial loan', () => {
    const result = operations.createApplication.input.safeParse({
      kind: 'loanRepayment',
      loan: { source: 'commercial' },
      amountFen: 100,
      bankCardId: 'c',
    })

    expect(result.error?.issues.map((i) => i.message)).toEqual(['请输入贷款银行', '请输入借款合同编号'])
  })

  test('are updated by id with the same fields', () => {
    expect(operations.updateApplication.input.safeParse({ kind: 'settle', fundAmountFen: 0 }).success).toBe(false)
    expect(operations.updateApplication.input.parse({ id: 'app-000001', kind: 'settle', fundAmountFen: 0 })).toEqual({
      id: 'app-000001',
      kind: 'settle',
      fundAmountFen: 0,
    })
  })

  test('are submitted only after the notice was read', () => {
    const result = operations.submitApplication.input.safeParse({
      id: 'app-000001',
      idempotencyKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
      noticeAcknowledged: false,
    })

    expect(result.error?.issues[0]?.message).toBe('请先阅读业务须知')
  })

  test('are returned only with a reason', () => {
    expect(
      operations.returnApplication.input.safeParse({ id: 'app-000001', reason: '  ' }).error?.issues[0]?.message,
    ).toBe('请填写退回原因')
  })

  test('refuse archive files of the wrong type or size', () => {
    const file = { id: 'app-000001', category: 'idCard', fileName: 'id.jpg', contentType: 'image/jpeg', size: 1024 }

    expect(operations.requestUploadUrl.input.safeParse(file).success).toBe(true)
    expect(
      operations.requestUploadUrl.input.safeParse({ ...file, contentType: 'image/gif' }).error?.issues[0]?.message,
    ).toBe('只能上传 JPG、PNG 图片或 PDF 文件')
    expect(
      operations.requestUploadUrl.input.safeParse({ ...file, size: 11 * 1024 * 1024 }).error?.issues[0]?.message,
    ).toBe('文件不能超过10MB')
  })
})

describe('query strings', () => {
  test('carry numbers as digit strings', () => {
    expect(operations.listDepositHistory.input.parse({ limit: '20', year: '2025' })).toEqual({ limit: 20, year: 2025 })
    expect(operations.getPrepayQuote.input.parse({ amountFen: '10000000' })).toEqual({ amountFen: 10_000_000 })
    expect(
      operations.listOutlets.input.parse({ centerCode: 'C65010', latitude: '43.8256', longitude: '87.6168' }),
    ).toEqual({
      centerCode: 'C65010',
      latitude: 43.8256,
      longitude: 87.6168,
    })
  })

  test('refuse a page size out of range and unknown parameters', () => {
    expect(operations.listDepositHistory.input.safeParse({ limit: '0' }).success).toBe(false)
    expect(operations.listDepositHistory.input.safeParse({ limit: 'ten' }).success).toBe(false)
    expect(operations.listDepositHistory.input.safeParse({ page: '2' }).success).toBe(false)
  })
})
