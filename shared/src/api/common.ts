import * as z from 'zod/mini'
import '../zod-locale'
import { codesOf } from '../codes'
import { isIsoDate } from '../date'
import { MAX_RATE_PPM } from '../loan/rates'
import { MAX_FEN } from '../money'

/**
 * Building blocks of the contract. Money fields end in `Fen` and are integers; rates end in
 * `RatePpm` (millionths); dates are 'YYYY-MM-DD' (Asia/Shanghai), instants ISO 8601 with offset.
 * GET/DELETE inputs arrive as query strings, so their numbers accept digit strings too.
 */

const fenError = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? '请输入金额' : '金额必须是整数分'),
}
/** an amount of money in fen, ≥ 0 */
export const fen = z
  .int(fenError)
  .check(z.gte(0, { error: '金额不能为负数' }), z.lte(MAX_FEN, { error: '金额超出允许范围' }))
/** a signed amount in fen (a ledger movement: + in, − out) */
export const signedFen = z
  .int(fenError)
  .check(z.gte(-MAX_FEN, { error: '金额超出允许范围' }), z.lte(MAX_FEN, { error: '金额超出允许范围' }))

export const ratePpm = z.int().check(z.gte(0), z.lte(MAX_RATE_PPM))

export const isoDate = z
  .string({ error: '请选择日期' })
  .check(z.refine(isIsoDate, { error: '日期格式应为 YYYY-MM-DD' }))
/** 'YYYY-MM' */
export const yearMonth = z
  .string({ error: '年月格式应为 YYYY-MM' })
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '年月格式应为 YYYY-MM' }))
export const instant = z.iso.datetime({ offset: true })

/** an opaque identifier chosen by the server */
export const id = z.string({ error: '编号不正确' }).check(z.minLength(1), z.maxLength(64))

/**
 * An integer from a JSON number or a query-string digit string, from `min` to `max`. Every way it
 * can be wrong (not a number, a fraction, out of range, past the safe integers) says `message`.
 */
export function queryInt(min: number, max: number, message = `请输入${min}到${max}之间的整数`) {
  const error = { error: message }
  return z.pipe(
    z.union([z.int(error), z.pipe(z.string().check(z.regex(/^-?\d+$/)), z.transform(Number))], error),
    z.int(error).check(z.gte(min), z.lte(max)),
  )
}

/** a decimal number (coordinates) from JSON or a query string */
export const queryNumber = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))], {
    error: '请输入数字',
  }),
  z.number(),
)

/** paging input: an opaque cursor from the previous page and a page size (default 20) */
export const pageInput = {
  cursor: z.optional(z.string({ error: '翻页位置已失效，请刷新后重试' }).check(z.minLength(1), z.maxLength(1024))),
  limit: z.optional(queryInt(1, 100, '每页条数应为1到100之间的整数')),
}

/**
 * The input of a paged list: the paging fields, then the list's own. A call, not an object spread,
 * so that a function which does not use the list leaves it out of its bundle (decision 87).
 */
export function pagedInput<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject({ ...pageInput, ...shape })
}

/** a page of items; nextCursor is null on the last page */
export function page<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}

/** a code with its display label, e.g. { code: '01', label: '正常' } */
export function coded<T extends z.ZodMiniType>(code: T) {
  return z.object({ code, label: z.string() })
}

/** masked personal data (DESIGN §5): 6543**********1234, 138****1234, 6222 **** **** 1234, 王*冬 */
export const maskedIdNumber = z.string()
export const maskedPhone = z.string()
export const maskedBankCard = z.string()

export const okOutput = z.object({ ok: z.literal(true) })

export const channel = z.enum(['weapp', 'alipay', 'h5'], { error: '登录渠道不正确' })
export type Channel = z.infer<typeof channel>

/** a signed-in session; the token goes in `Authorization: Bearer <token>` */
export const session = z.object({
  token: z.string(),
  expiresAt: instant,
  /** the session ends after this many idle seconds (30 minutes) */
  idleTimeoutSeconds: z.int().check(z.positive()),
})

/** a staff member's roles (信息发布, publishing.ts, says what each allows) */
export const STAFF_ROLES = ['reviewer', 'publisher', 'regionAdmin', 'centerAdmin'] as const
export const staffRoleSchema = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof staffRoleSchema>

/** a zod enum of a code table's codes: `codeSchema(ACCOUNT_STATUS)` accepts '01' … '99' */
export function codeSchema<T extends Record<string, string>>(table: T) {
  return z.enum(codesOf(table) as [keyof T & string, ...(keyof T & string)[]])
}
