import type { ApiError, Operation } from '@gjj/shared/api/contract'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type { z } from 'zod'
import { AppError, BadRequest, ServiceUnavailable, ValidationFailed } from './errors'
import { log } from './log'

/**
 * The one error boundary and request/response mapping of every handler. A handler is
 * `endpoint(operation, run)`: the input is parsed with the operation's zod schema (path parameters
 * + query string, or path parameters + JSON body), `run` does the work, the output is checked
 * against the contract. AppErrors become their status and Chinese message; anything else is logged
 * and becomes a 500 with no detail.
 */
export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>

export interface RequestContext {
  event: APIGatewayProxyEventV2
  /** the client address, for rate limits and audit */
  sourceIp: string
  requestId: string
}

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return { statusCode, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) }
}

function readInput(op: Operation, event: APIGatewayProxyEventV2): Record<string, unknown> {
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
  return json(500, { code: 'INTERNAL', message: '系统异常，请稍后重试' } satisfies ApiError)
}

export function endpoint<I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O>,
  run: (input: z.output<I>, ctx: RequestContext) => Promise<z.input<O>>,
): LambdaHandler {
  return async (event) => {
    const requestId = event.requestContext?.requestId ?? ''
    try {
      const parsed = op.input.safeParse(readInput(op, event))
      if (!parsed.success) {
        throw new ValidationFailed(
          parsed.error.issues.map((issue) => ({
            path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
            message: issue.message,
          })),
        )
      }
      const ctx: RequestContext = { event, requestId, sourceIp: event.requestContext?.http?.sourceIp ?? '' }
      const output = op.output.parse(await run(parsed.data, ctx))
      return json(200, output)
    } catch (error) {
      return errorResponse(error, { requestId, operation: op.name })
    }
  }
}
