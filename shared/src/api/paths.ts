/**
 * Paths of the API, without any schema: what the mini-program's client needs to place a call
 * (routes.ts), kept apart from the contract so that no page bundles zod to build a URL.
 */

/** `/api/applications/{id}` -> ['id'] */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
}

/** fills `{id}` from the input; throws if a parameter is missing */
export function buildPath(path: string, input: Record<string, unknown>): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = input[key]
    if (value === undefined || value === null || value === '') throw new Error(`缺少路径参数 ${key}`)
    return encodeURIComponent(String(value))
  })
}
