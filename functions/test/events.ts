import type { Operation } from '@gjj/shared/api/contract'
import { buildPath } from '@gjj/shared/api/paths'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'

/** one helper builds the API Gateway (HTTP API v2) event a handler receives for an operation */
export function eventFor(
  op: Operation,
  input: Record<string, unknown> = {},
  opts: { token?: string; sourceIp?: string; headers?: Record<string, string>; rawBody?: string } = {},
): APIGatewayProxyEventV2 {
  const pathParameters: Record<string, string> = {}
  for (const m of op.path.matchAll(/\{(\w+)\}/g)) {
    const key = m[1] as string
    pathParameters[key] = String(input[key])
  }
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !(k in pathParameters)))
  const hasBody = op.method === 'POST' || op.method === 'PUT'
  const path = buildPath(op.path, input)
  return {
    version: '2.0',
    routeKey: `${op.method} ${op.path}`,
    rawPath: path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    queryStringParameters: hasBody
      ? undefined
      : (Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) as Record<string, string>),
    body: opts.rawBody ?? (hasBody ? JSON.stringify(rest) : undefined),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: `test-${Math.random().toString(36).slice(2)}`,
      routeKey: `${op.method} ${op.path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      http: {
        method: op.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: opts.sourceIp ?? '127.0.0.1',
        userAgent: 'vitest',
      },
    },
  }
}

export function bodyOf<T = Record<string, unknown>>(res: { body?: string }): T {
  return JSON.parse(res.body ?? 'null') as T
}
