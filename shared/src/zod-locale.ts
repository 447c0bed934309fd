import * as z from 'zod/mini'
// the one locale file, not `zod/locales` (all 40+ locales, in every bundle that validates)
import zhCN from 'zod/v4/locales/zh-CN.js'

/**
 * Every validation message a person can see is Chinese (DESIGN §8). Where a person types, the
 * contract and validation.ts write the field's own message ("请输入手机号码或身份证号码"). Everything
 * else — a missing or unknown field, a wrong type, a number out of range, an over-long string —
 * gets a plain sentence here that names the field; zod's zh-CN locale answers what remains.
 *
 * Importing this module configures zod for the whole program: shared/src/api/contract.ts and
 * every other shared module that builds a schema import it, so whatever validates — a function, a
 * script, a test, a mini-program page — gets it before its first schema. The mini-program's main
 * package validates nothing and holds no zod (decision 86).
 */
const zh = zhCN().localeError

type Issue = z.core.$ZodRawIssue

/** 'loan.contractNo', or '' for the input as a whole */
function fieldName(issue: Issue): string {
  return (issue.path ?? []).filter((p) => typeof p !== 'symbol').join('.')
}

/** "字段 amountFen " / "请求内容" — who the sentence is about */
function subject(issue: Issue): string {
  const name = fieldName(issue)
  return name ? `字段 ${name} ` : '请求内容'
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string | undefined {
  const max = String(issue.maximum)
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive ? `${subject(issue)}不能大于 ${max}` : `${subject(issue)}应小于 ${max}`
    case 'string':
      return `${subject(issue)}不能超过 ${max} 个字符`
    case 'array':
    case 'set':
      return `${subject(issue)}不能超过 ${max} 项`
    default:
      return undefined
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string | undefined {
  const min = Number(issue.minimum)
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive ? `${subject(issue)}不能小于 ${min}` : `${subject(issue)}应大于 ${min}`
    case 'string':
      return min <= 1 ? `${subject(issue)}不能为空` : `${subject(issue)}至少 ${min} 个字符`
    case 'array':
    case 'set':
      return min <= 1 ? `${subject(issue)}不能为空` : `${subject(issue)}至少 ${min} 项`
    default:
      return undefined
  }
}

/** the plain Chinese sentence for the issues people meet most, or undefined for zod's zh-CN one */
export function plainChinese(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input !== undefined) return `${subject(issue)}格式不正确`
      return fieldName(issue) ? `缺少必填字段 ${fieldName(issue)}` : '缺少请求内容'
    case 'unrecognized_keys':
      return `${fieldName(issue) ? `${subject(issue)}中` : ''}有不接受的字段：${issue.keys.join('、')}`
    case 'too_big':
      return tooBig(issue)
    case 'too_small':
      return tooSmall(issue)
    case 'invalid_value':
      return `${subject(issue)}的取值不正确`
    case 'invalid_format':
    case 'invalid_union':
      return `${subject(issue)}格式不正确`
    default:
      return undefined
  }
}

/**
 * A custom issue from inside a transform, and the value that says the transform failed. zod/mini's
 * transform is handed the parse's payload, which has no `addIssue`: the issue is added as zod adds
 * its own, unfinished (its message and path are completed with the rest when the parse ends).
 */
export function transformIssue(ctx: z.core.ParsePayload, message: string, path?: PropertyKey[]): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value, ...(path ? { path } : {}) })
  return z.NEVER
}

/** Node (the functions, scripts, tests) — not a mini-program or a browser, where Taro may shim `process` */
const inNode =
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string'

// mini-programs forbid `new Function`, and the site's CSP forbids eval: outside Node, zod must not
// compile validators at run time. In Node it may (its faster object parser).
z.config({ localeError: (issue) => plainChinese(issue) ?? zh(issue), jitless: !inNode })
