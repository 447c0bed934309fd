import { defineOperation } from '@gjj/shared/api/contract'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import * as z from 'zod/mini'
import { createEndpoint } from './http'

/**
 * The boundary's caching of operations marked `cache`: Cache-Control and a strong ETag on a 200,
 * 304 to a matching If-None-Match, errors and unmarked operations never cached.
 */
const endpoint = createEndpoint({ authenticate: async () => undefined })

const input = z.strictObject({ n: z.string({ error: '请输入 n' }).check(z.regex(/^\d+$/, { error: 'n 应为数字' })) })
const output = z.object({ n: z.string() })
const cached = defineOperation({
  name: 'cachedThing',
  method: 'GET',
  path: '/api/thing',
  audience: 'public',
  summary: '测试',
  cache: { maxAgeSeconds: 60 },
  input,
  output,
})
const uncached = defineOperation({ ...cached, name: 'uncachedThing', cache: undefined })

const handler = endpoint(cached, async ({ n }) => ({ n }))
const plain = endpoint(uncached, async ({ n }) => ({ n }))

function get(n: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /api/thing',
    rawPath: '/api/thing',
    rawQueryString: `n=${n}`,
    headers,
    queryStringParameters: { n },
    isBase64Encoded: false,
    requestContext: { requestId: 'r', http: { method: 'GET', sourceIp: '127.0.0.1' } },
  } as unknown as APIGatewayProxyEventV2
}

describe('a cacheable operation', () => {
  test('answers with Cache-Control public, max-age=60 and an ETag that follows the body', async () => {
    const one = await handler(get('1'))
    const again = await handler(get('1'))
    const two = await handler(get('2'))

    expect(one.statusCode).toBe(200)
    expect(one.headers?.['cache-control']).toBe('public, max-age=60')
    expect(one.headers?.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
    expect(again.headers?.etag).toBe(one.headers?.etag)
    expect(two.headers?.etag).not.toBe(one.headers?.etag)
  })

  test.each([
    ['the same tag', (tag: string) => tag],
    ['the tag among others', (tag: string) => `"other", ${tag}`],
    ['the weak form of the tag', (tag: string) => `W/${tag}`],
    ['*', () => '*'],
  ])('answers 304 with no body to If-None-Match naming %s', async (_, header) => {
    const first = await handler(get('1'))
    const tag = first.headers?.etag as string

    const res = await handler(get('1', { 'if-none-match': header(tag) }))

    expect(res.statusCode).toBe(304)
    expect(res.body).toBe('')
    expect(res.headers?.etag).toBe(tag)
    expect(res.headers?.['cache-control']).toBe('public, max-age=60')
  })

  test('answers 200 with the body when the tag is stale', async () => {
    const res = await handler(get('1', { 'if-none-match': '"stale"' }))

    expect(res.statusCode).toBe(200)
    expect(JSON.parse(res.body as string)).toEqual({ n: '1' })
  })

  test('never caches an error', async () => {
    const res = await handler(get('x'))

    expect(res.statusCode).toBe(422)
    expect(res.headers?.['cache-control']).toBe('no-store')
    expect(res.headers?.etag).toBeUndefined()
  })
})

describe('an operation without cache', () => {
  test('stays no-store with no ETag, and ignores If-None-Match', async () => {
    const res = await plain(get('1', { 'if-none-match': '*' }))

    expect(res.statusCode).toBe(200)
    expect(res.headers?.['cache-control']).toBe('no-store')
    expect(res.headers?.etag).toBeUndefined()
  })
})
