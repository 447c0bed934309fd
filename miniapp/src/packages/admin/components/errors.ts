import { ApiRequestError } from '../../../api'

/** the Chinese message of anything a call may throw */
export function errorText(e: unknown, fallback = '操作失败，请重试'): string {
  return e instanceof ApiRequestError || e instanceof Error ? e.message || fallback : fallback
}

/**
 * A failed call as errors under the fields: each 422 issue goes to the field its path names;
 * anything no shown field takes becomes the `form` error.
 */
export function fieldErrors<F extends string>(e: unknown, fields: readonly F[]): Partial<Record<F | 'form', string>> {
  const out: Partial<Record<F | 'form', string>> = {}
  const issues = e instanceof ApiRequestError ? (e.body.issues ?? []) : []
  for (const issue of issues) {
    const field = fields.find((f) => issue.path[0] === f)
    if (field && !out[field]) out[field] = issue.message
  }
  if (Object.keys(out).length === 0) out.form = errorText(e)
  return out
}
