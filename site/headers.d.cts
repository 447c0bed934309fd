export type Origin = string | Record<string, unknown>
export interface SiteOrigins {
  api: Origin[]
  archive: Origin[]
  publicImages?: Origin[]
}
export declare const HSTS_SECONDS: number
export declare function cspParts(origins: SiteOrigins): Origin[]
export declare function contentSecurityPolicy(origins: {
  api: string[]
  archive: string[]
  publicImages?: string[]
}): string
export declare function securityHeaders(origins: {
  api: string[]
  archive: string[]
  publicImages?: string[]
}): Record<string, string>
export declare function cacheControlOf(key: string): string
export declare function cloudFront(ctx: { resolveVariable: (v: string) => unknown }): Promise<Record<string, unknown>>
