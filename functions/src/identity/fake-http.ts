import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Test support only (imported by the *.test.ts beside it, never by a handler): a vendor's HTTP API
 * faked on 127.0.0.1, on a free port. The handler answers like the vendor; one that never answers
 * simulates a vendor that hangs.
 */
export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export type FakeHandler = (req: FakeRequest, res: ServerResponse) => void | Promise<void>

export interface FakeServer {
  url: string
  requests: FakeRequest[]
  close(): Promise<void>
}

export async function startFake(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeRequest[] = []
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
      const req: FakeRequest = {
        method: incoming.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(req)
      Promise.resolve(handler(req, res)).catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function reply(res: ServerResponse, body: string, status = 200, contentType = 'application/json;charset=utf-8') {
  res.writeHead(status, { 'content-type': contentType })
  res.end(body)
}
