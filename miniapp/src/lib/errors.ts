import { ApiRequestError } from '../api/client'

/** the Chinese message of anything a call may throw */
export function errorText(e: unknown, fallback = '操作失败，请重试'): string {
  return e instanceof ApiRequestError || e instanceof Error ? e.message || fallback : fallback
}

/** a failure worth retrying with the same request (no answer, or the server could not finish) */
export function isRetryable(e: unknown): boolean {
  return e instanceof ApiRequestError && (e.status === 0 || e.status >= 500)
}

export type FieldErrors = Partial<Record<string, string>>

/**
 * A failed save as errors under the fields: each 422 issue goes to the field whose path it names
 * ('amountFen', 'loan.contractNo', ...); whatever no shown field takes goes to `form`.
 */
export function fieldErrors<F extends string>(e: unknown, fields: readonly F[]): Partial<Record<F | 'form', string>> {
  const out: Partial<Record<F | 'form', string>> = {}
  const issues = e instanceof ApiRequestError ? (e.body.issues ?? []) : []
  for (const issue of issues) {
    const path = issue.path.join('.')
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`))
    if (field && !out[field]) out[field] = issue.message
  }
  if (Object.keys(out).length === 0) out.form = errorText(e)
  return out
}

/** the path of the first 422 issue, e.g. ['archive', 'idCard'] */
export function firstIssuePath(e: unknown): (string | number)[] | undefined {
  return e instanceof ApiRequestError ? e.body.issues?.[0]?.path : undefined
}
