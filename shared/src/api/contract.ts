import * as z from 'zod/mini'
import '../zod-locale'

/**
 * The API contract: every operation the system offers, as one plain object that the client, the
 * handler, serverless.yml and the tests all read. `input` is the merged path parameters, query
 * string (GET/DELETE) or JSON body (POST/PUT); `output` is the JSON body of a 2xx response.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** who may call: nobody in particular, a logged-in depositor (缴存人), or center staff (reviewer) */
export type Audience = 'public' | 'depositor' | 'staff'

export interface Operation<
  I extends z.ZodMiniType = z.ZodMiniType,
  O extends z.ZodMiniType = z.ZodMiniType,
  A extends Audience = Audience,
> {
  /** one name everywhere: contract key = handler file (kebab-case) = serverless function = api client method */
  readonly name: string
  readonly method: HttpMethod
  /** API Gateway style path, e.g. `/api/applications/{id}` */
  readonly path: string
  readonly audience: A
  readonly summary: string
  readonly input: I
  readonly output: O
  /**
   * A GET whose answer may be cached (public lists): the boundary answers with
   * `Cache-Control: <public|private>, max-age=<maxAgeSeconds>` and an `ETag`, and with 304 to a
   * matching `If-None-Match`. Without it every answer is `no-store`.
   */
  readonly cache?: { readonly maxAgeSeconds: number }
}

/** where and how an operation is called, without its schemas (the client's route tables, routes.ts) */
export type Route = Pick<Operation, 'method' | 'path' | 'audience'>

export function defineOperation<
  const N extends string,
  I extends z.ZodMiniType,
  O extends z.ZodMiniType,
  const A extends Audience,
>(op: Operation<I, O, A> & { name: N }): Operation<I, O, A> & { name: N } {
  return op
}

export type InputOf<T> = T extends Operation<infer I, z.ZodMiniType> ? z.input<I> : never
export type ParsedInputOf<T> = T extends Operation<infer I, z.ZodMiniType> ? z.output<I> : never
export type OutputOf<T> = T extends Operation<z.ZodMiniType, infer O> ? z.output<O> : never

/** The one error body every non-2xx response carries. `message` is Chinese and says what to do. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))),
  /** seconds until a retry makes sense (429 / lockout / 503) */
  retryAfterSeconds: z.optional(z.number().check(z.int())),
})
export type ApiError = z.infer<typeof apiErrorSchema>

export const emptyInput = z.strictObject({})

/**
 * The message of a discriminated union that is missing or whose discriminator matches no option
 * ("请选择业务类型"); issues inside the matched option keep their own messages.
 */
export function unmatched(message: string) {
  return (issue: { code?: string }) =>
    issue.code === 'invalid_union' || issue.code === 'invalid_type' ? message : undefined
}
