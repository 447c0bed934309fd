import { createHash } from 'node:crypto'
import type { ApiError, Audience, Operation } from '@gjj/shared/api/contract'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type * as z from 'zod/mini'
import {
  AppError,
  BadRequest,
  type FieldIssue,
  Forbidden,
  NotFound,
  ServiceUnavailable,
  Unauthorized,
  ValidationFailed,
} from './errors'
import { log } from './log'
import type { Authenticator, DepositorSession, SessionData, StaffSession } from './session'

/**
 * The one error boundary and request/response mapping of every handler. A handler is
 * `endpoint(operation, run)`: the input is parsed with the operation's zod schema (path parameters
 * + query string, or path parameters + JSON body), `run` does the work, the output is checked
 * against the contract. AppErrors become their status and Chinese message; anything else is logged
 * and becomes a 500 with no detail. An answer that fails its contract is logged with the operation
 * and the failing fields' paths (never their values: no personal data in logs).
 *
 * This module depends on nothing above lib: the way a token becomes a caller is handed in
 * (`createEndpoint({ authenticate })`), and functions/src/endpoint.ts wires it to the session
 * service once for every handler.
 */
export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>

export interface RequestContext<C = undefined> {
  event: APIGatewayProxyEventV2
  /** the client address, for rate limits and audit */
  sourceIp: string
  requestId: string
  /** who is calling, from the session, never from the request body */
  caller: C
  /** the bearer token of the request, if any */
  token: string | undefined
}

export type CallerOf<A extends Audience> = A extends 'depositor'
  ? DepositorSession
  : A extends 'staff'
    ? StaffSession
    : undefined

function bearer(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return { statusCode, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) }
}

/**
 * A cacheable answer (an operation with `cache`, GET only, 200 only): `Cache-Control` with the
 * operation's max-age (public for public operations, private otherwise) and a strong `ETag` over
 * the exact body; a request whose `If-None-Match` names that tag (or `*`) gets 304 with no body.
 * Errors stay `no-store`: a 404 or 503 is never cached.
 */
export function cachedJson(
  event: APIGatewayProxyEventV2,
  body: unknown,
  cache: { maxAgeSeconds: number },
  audience: Audience,
): APIGatewayProxyStructuredResultV2 {
  const text = JSON.stringify(body)
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
  const headers = {
    'cache-control': `${audience === 'public' ? 'public' : 'private'}, max-age=${cache.maxAgeSeconds}`,
    etag,
  }
  const ifNoneMatch = event.headers?.['if-none-match'] ?? event.headers?.['If-None-Match']
  if (ifNoneMatch && matchesEtag(ifNoneMatch, etag)) {
    const { 'content-type': _type, ...base } = baseHeaders
    return { statusCode: 304, headers: { ...base, ...headers }, body: '' }
  }
  return { statusCode: 200, headers: { ...baseHeaders, ...headers }, body: text }
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`; `*` matches anything */
function matchesEtag(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

function readInput(op: Pick<Operation, 'method'>, event: APIGatewayProxyEventV2): Record<string, unknown> {
  const fromPath = event.pathParameters ?? {}
  if (op.method === 'GET' || op.method === 'DELETE') {
    return { ...(event.queryStringParameters ?? {}), ...fromPath }
  }
  if (!event.body) return { ...fromPath }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new BadRequest('请求内容不是有效的 JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest()
  return { ...(body as Record<string, unknown>), ...fromPath }
}

/**
 * zod's issues as the API shows them, each (path, message) once: a number past both the safe
 * integers and the field's maximum is one mistake, said once.
 */
function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const seen = new Set<string>()
  const out: FieldIssue[] = []
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const key = JSON.stringify([path, issue.message])
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ path, message: issue.message })
  }
  return out
}

function isThrottleOrCancel(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? ''
  return [
    'TransactionCanceledException',
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TransactionConflictException',
    'InternalServerError',
    'ServiceUnavailable',
    'SlowDown',
    // S3's own "please try again"
    'InternalError',
  ].includes(name)
}

export function errorResponse(error: unknown, ctx?: { requestId?: string; operation?: string }) {
  let appError: AppError | undefined = error instanceof AppError ? error : undefined
  if (!appError && isThrottleOrCancel(error)) {
    log.warn('retryable AWS error', { ...ctx, error: (error as Error).name })
    appError = new ServiceUnavailable()
  }
  if (appError) {
    const body: ApiError = { code: appError.code, message: appError.message, ...appError.extra }
    const headers: Record<string, string> = appError.extra.retryAfterSeconds
      ? { 'retry-after': String(appError.extra.retryAfterSeconds) }
      : {}
    return json(appError.status, body, headers)
  }
  log.error('unexpected error', { ...ctx, error: error as Error })
  return internalError()
}

const internalError = () => json(500, { code: 'INTERNAL', message: '系统异常，请稍后重试' } satisfies ApiError)

/** at most this many failing fields are named in one log line (a list of 100 items can fail 100 times) */
const MAX_FIELDS_LOGGED = 5

/**
 * Where an answer fails its contract: each failing field's path and zod's issue code, e.g.
 * `items.0.balanceFen (too_small)` — never the value, nor zod's message (a custom one may quote it).
 */
function failingFields(error: z.core.$ZodError): { fields: string[]; more: number } {
  const fields = error.issues
    .slice(0, MAX_FIELDS_LOGGED)
    .map((issue) => `${issue.path.map((p) => String(p)).join('.') || '(answer)'} (${issue.code})`)
  return { fields, more: Math.max(0, error.issues.length - MAX_FIELDS_LOGGED) }
}

export interface EndpointDeps {
  /** finds the session behind a bearer token (services/sessions.ts) */
  authenticate: Authenticator
}

/** the session's kind must be the operation's audience: a depositor's token opens no staff operation */
export function checkAudience<A extends Audience>(audience: A, session: SessionData): CallerOf<A> {
  if (session.kind !== (audience === 'staff' ? 'staff' : 'depositor')) {
    throw new Forbidden(audience === 'staff' ? '仅限公积金中心工作人员使用' : '请使用缴存人账号登录')
  }
  return session as CallerOf<A>
}

/** what a handler gets when its service checks the session itself (decision 85): the token, no caller yet */
export type SessionReadingContext = RequestContext<undefined> & { token: string }

export function createEndpoint({ authenticate }: EndpointDeps) {
  async function callerFor(audience: Audience, token: string | undefined) {
    if (audience === 'public') return undefined
    if (!token) throw new Unauthorized('请先登录')
    const session = await authenticate(token)
    if (!session) throw new Unauthorized()
    return checkAudience(audience, session)
  }

  /**
   * one request through the boundary: `prepare` gives the caller and the parsed input (`input()` reads
   * and validates the request, in the order each kind of endpoint needs), `run` does the work
   */
  function serve<I extends z.ZodMiniType, O extends z.ZodMiniType, A extends Audience, C>(
    op: Operation<I, O, A>,
    prepare: (token: string | undefined, input: () => z.output<I>) => Promise<{ caller: C; input: z.output<I> }>,
    run: (input: z.output<I>, ctx: RequestContext<C>) => Promise<z.input<O>>,
  ): LambdaHandler {
    return async (event) => {
      const requestId = event.requestContext?.requestId ?? ''
      try {
        const token = bearer(event)
        const { caller, input } = await prepare(token, () => {
          const parsed = op.input.safeParse(readInput(op, event))
          if (!parsed.success) throw new ValidationFailed(fieldIssues(parsed.error.issues))
          return parsed.data
        })
        const ctx: RequestContext<C> = {
          event,
          requestId,
          sourceIp: event.requestContext?.http?.sourceIp ?? '',
          caller,
          token,
        }
        const answer = op.output.safeParse(await run(input, ctx))
        if (!answer.success) {
          // our own bug, not the caller's: a 500 with no detail, and a log line a developer can act on
          const { fields, more } = failingFields(answer.error)
          log.error(
            `${op.name}: the answer fails the contract at ${fields.join(', ')}${more ? ` and ${more} more` : ''}`,
            { requestId, operation: op.name, fields, issueCount: answer.error.issues.length },
          )
          return internalError()
        }
        if (op.cache && op.method === 'GET') return cachedJson(event, answer.data, op.cache, op.audience)
        return json(200, answer.data)
      } catch (error) {
        return errorResponse(error, { requestId, operation: op.name })
      }
    }
  }

  function endpoint<I extends z.ZodMiniType, O extends z.ZodMiniType, A extends Audience>(
    op: Operation<I, O, A>,
    run: (input: z.output<I>, ctx: RequestContext<CallerOf<A>>) => Promise<z.input<O>>,
  ): LambdaHandler {
    return serve(
      op,
      async (token, input) => {
        // who is calling comes first: a stranger learns nothing from input validation
        const caller = (await callerFor(op.audience, token)) as CallerOf<A>
        return { caller, input: input() }
      },
      run,
    )
  }

  /**
   * For an operation whose service checks the session itself, in the round trip of its own first
   * read, and refreshes it in its own transaction (decision 85): `run` gets the token and no caller.
   * A request without a token is refused here; an input that fails validation is answered only after
   * the usual session check, so a stranger still learns nothing from validation.
   */
  function endpointReadingSession<I extends z.ZodMiniType, O extends z.ZodMiniType, A extends 'depositor' | 'staff'>(
    op: Operation<I, O, A>,
    run: (input: z.output<I>, ctx: SessionReadingContext) => Promise<z.input<O>>,
  ): LambdaHandler {
    return serve(
      op,
      async (token, input) => {
        if (!token) throw new Unauthorized('请先登录')
        try {
          return { caller: undefined, input: input() }
        } catch (error) {
          await callerFor(op.audience, token)
          throw error
        }
      },
      (input, ctx) => run(input, { ...ctx, token: ctx.token as string }),
    )
  }

  return Object.assign(endpoint, { readingSession: endpointReadingSession })
}

/**
 * What a request no operation matches gets (the HTTP API's $default route, handler not-found.ts):
 * the API's own JSON 404 instead of the gateway's default answer.
 */
export const unknownRoute: LambdaHandler = async (event) => {
  log.info('unknown route', { method: event.requestContext?.http?.method, path: event.rawPath })
  return errorResponse(new NotFound('请求的功能不存在，请升级到最新版本后重试'))
}
