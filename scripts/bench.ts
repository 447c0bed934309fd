import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { benchColdStart } from './cold-start.bench'
import { benchFirstScreen } from './first-screen.bench'
import { createBucket, createTable } from './lib/resources'
import { freePort, startDynamo, startS3 } from './lib/services'
import { localEnv } from './lib/stack'
import { benchSecurity } from './security.bench'

/**
 * `npm run bench`: every row of issue 14's table, on this machine —
 * - the hot functions' bundles beside their SDK floor, and their cold import beside the floor's
 *   (cold-start.bench.ts);
 * - p50/p95 of the hot handlers over DynamoDB Local and s3rver with the DynamoDB calls each
 *   request makes, and getAccount's p50 beside the p50 of the same DynamoDB requests sent raw;
 * - how cost grows: getAccount with 20 years of monthly history, listReviewQueue with 10,000
 *   waiting applications, each beside its small case;
 * - the H5 login page's LCP at 4× CPU throttling and the mini-program package sizes
 *   (first-screen.bench.ts).
 * Numbers are for comparing changes on one machine, not a prediction of AWS latency.
 * BENCH_ONLY=security|cold|hot|screen runs one part (hot: the handlers and the growth cases); BENCH_N
 * sets the iterations.
 */
const N = Number(process.env.BENCH_N ?? 200)
const only = process.env.BENCH_ONLY

if (!only || only === 'cold') await benchColdStart()
if (only === 'cold') process.exit(0)

const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-'))
const dynamo = await startDynamo(await freePort())
const s3 = await startS3(await freePort(), join(dir, 's3'))
try {
  const tableName = await createTable(dynamo.url)
  const bucketName = await createBucket(s3.url)
  Object.assign(process.env, localEnv(dynamo.url, s3.url, tableName, bucketName, join(dir, 'sms-outbox.jsonl')), {
    LOG_LEVEL: 'WARN',
  })

  const { db, dynamo: raw, table } = await import('../functions/src/repository/client')
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb')
  const { accountKey } = await import('../functions/src/repository/accounts')
  let calls = 0
  const counter = (next: (a: unknown) => Promise<unknown>) => async (args: unknown) => {
    calls++
    return next(args)
  }
  raw.middlewareStack.add(counter as never, { step: 'initialize', name: 'benchCounter' })
  /** while set, the commands a request sends through the DocumentClient, to send them again raw */
  let recording: Parameters<typeof db.send>[0][] | undefined
  const send = db.send.bind(db) as (command: Parameters<typeof db.send>[0]) => Promise<unknown>
  db.send = ((command: Parameters<typeof db.send>[0], ...rest: unknown[]) => {
    recording?.push(command)
    return (send as (...a: unknown[]) => Promise<unknown>)(command, ...rest)
  }) as typeof db.send

  const { seedDemoData } = await import('../functions/src/seed/index')
  await seedDemoData()
  const { makeDepositor, makeReviewer } = await import('../functions/test/factory')
  const { eventFor } = await import('../functions/test/events')
  const { getAccount } = await import('../shared/src/api/account')
  const { createApplication, requestUploadUrl, submitApplication } = await import('../shared/src/api/application')
  const { approveApplication } = await import('../shared/src/api/admin')
  const { handler: getAccountHandler } = await import('../functions/src/handlers/get-account')
  const { handler: createHandler } = await import('../functions/src/handlers/create-application')
  const { handler: uploadHandler } = await import('../functions/src/handlers/request-upload-url')
  const { handler: submitHandler } = await import('../functions/src/handlers/submit-application')
  const { handler: approveHandler } = await import('../functions/src/handlers/approve-application')

  function summarise(name: string, times: number[], counted: number) {
    const n = times.length
    const sorted = [...times].sort((a, b) => a - b)
    const p = (q: number) => (sorted[Math.min(n - 1, Math.floor(q * n))] as number).toFixed(2)
    console.log(
      `${name.padEnd(34)} n=${String(n).padStart(4)}  p50 ${p(0.5).padStart(7)} ms  p95 ${p(0.95).padStart(7)} ms  DynamoDB calls/request ${(counted / n).toFixed(1)}`,
    )
    return sorted[Math.floor(0.5 * n)] as number
  }

  /** one timed run of `run`, with the DynamoDB calls it made */
  async function timed(run: () => Promise<unknown>): Promise<[ms: number, calls: number]> {
    const before = calls
    const t = performance.now()
    await run()
    return [performance.now() - t, calls - before]
  }

  async function measure(
    name: string,
    n: number,
    run: (i: number) => Promise<unknown>,
    prepare?: (i: number) => Promise<void>,
  ) {
    const times: number[] = []
    let counted = 0
    for (let i = 0; i < n; i++) {
      await prepare?.(i)
      const [ms, c] = await timed(() => run(i))
      times.push(ms)
      counted += c
    }
    return summarise(name, times, counted)
  }

  /**
   * Two ways to the same result, warmed up and then timed in alternation, so that DynamoDB Local's
   * and V8's warming up and the machine's other load fall on both alike: their p50s.
   */
  async function measureAlternating(
    n: number,
    a: [string, () => Promise<unknown>],
    b: [string, () => Promise<unknown>],
  ) {
    for (let i = 0; i < 20; i++) {
      await a[1]()
      await b[1]()
    }
    const times: [number[], number[]] = [[], []]
    const counted = [0, 0]
    for (let i = 0; i < n; i++) {
      for (const [k, [, run]] of [a, b].entries()) {
        const [ms, c] = await timed(run)
        times[k]?.push(ms)
        counted[k] = (counted[k] as number) + c
      }
    }
    return [summarise(a[0], times[0], counted[0] as number), summarise(b[0], times[1], counted[1] as number)] as const
  }

  if (only === 'security') {
    const person = await makeDepositor()
    await measure('raw GetItem (account)', N, () =>
      db.send(new GetCommand({ TableName: table, Key: accountKey(person.person.accountNo) })),
    )
    await benchSecurity(measure, Math.max(20, Math.floor(N / 5)))
  } else if (only !== 'screen') await hotHandlers()

  async function hotHandlers() {
    const person = await makeDepositor()
    await measure('raw GetItem (account)', N, () =>
      db.send(new GetCommand({ TableName: table, Key: accountKey(person.person.accountNo) })),
    )
    const accountOf = (token: string) => async () => {
      const res = await getAccountHandler(eventFor(getAccount, { limit: 20 }, { token }))
      if (res.statusCode !== 200) throw new Error(res.body)
    }
    // the same DynamoDB requests, sent raw in the same order: the first (the session) alone, the
    // rest together, as the handler sends them
    recording = []
    await accountOf(person.token)()
    const sent = recording as Parameters<typeof db.send>[0][]
    recording = undefined
    const raw = async () => {
      const [first, ...rest] = sent
      if (first) await send(first)
      await Promise.all(rest.map((c) => send(c)))
    }
    const [handlerP50, rawP50] = await measureAlternating(
      N,
      ['getAccount handler (20 history rows)', accountOf(person.token)],
      [`same ${sent.length} requests raw`, raw],
    )
    console.log(
      `${'getAccount handler / raw p50'.padEnd(34)} ${(handlerP50 / rawP50).toFixed(2)}×  (${sent.map((c) => c.constructor.name.replace('Command', '')).join(', ')})`,
    )

    // submit and approve: one termination withdrawal per iteration, files uploaded beforehand
    const M = Math.max(20, Math.floor(N / 5))
    const ready: { token: string; id: string }[] = []
    for (let i = 0; i < M; i++) {
      const p = await makeDepositor({ sealedMonthsAgo: 8 })
      const created = await createHandler(
        eventFor(createApplication, { kind: 'termination', bankCardId: p.cardId }, { token: p.token }),
      )
      const app = JSON.parse(created.body as string) as { id: string; archive: { key: string; required: boolean }[] }
      for (const c of app.archive.filter((a) => a.required)) {
        const bytes = new TextEncoder().encode(`%PDF ${c.key}`)
        const up = await uploadHandler(
          eventFor(
            requestUploadUrl,
            { id: app.id, category: c.key, fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length },
            { token: p.token },
          ),
        )
        const { url, fields } = JSON.parse(up.body as string) as { url: string; fields: Record<string, string> }
        const form = new FormData()
        for (const [k, v] of Object.entries(fields)) form.append(k, v)
        form.append('file', new Blob([bytes], { type: 'application/pdf' }))
        await fetch(url, { method: 'POST', body: form })
      }
      ready.push({ token: p.token, id: app.id })
    }
    await measure('submitApplication (3 files checked)', M, async (i) => {
      const r = ready[i] as { token: string; id: string }
      const res = await submitHandler(
        eventFor(
          submitApplication,
          { id: r.id, idempotencyKey: crypto.randomUUID(), noticeAcknowledged: true },
          { token: r.token },
        ),
      )
      if (res.statusCode !== 200) throw new Error(res.body)
    })
    const reviewer = await makeReviewer('C65430')
    await measure('approveApplication (closing)', M, async (i) => {
      const r = ready[i] as { token: string; id: string }
      const res = await approveHandler(eventFor(approveApplication, { id: r.id }, { token: reviewer.token }))
      if (res.statusCode !== 200) throw new Error(res.body)
    })
    await benchSecurity(measure, M)
    await growth()
  }

  /** how cost grows with a person's history and a center's queue (issue 14: within 1.2× of small) */
  async function growth() {
    console.log('\n— growth —')
    const small = await makeDepositor()
    const long = await makeDepositor({ openedOn: '2006-11-10' }) // 20 years of monthly deposits
    const account = (token: string) => async () => {
      const res = await getAccountHandler(eventFor(getAccount, { limit: 20 }, { token }))
      if (res.statusCode !== 200) throw new Error(res.body)
    }
    const [a, b] = await measureAlternating(
      N,
      ['getAccount, 3 years of history', account(small.token)],
      ['getAccount, 20 years of history', account(long.token)],
    )
    console.log(`${'getAccount 20 years / 3 years p50'.padEnd(34)} ${(b / a).toFixed(2)}×`)

    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb')
    const { queueKey } = await import('../functions/src/repository/queue')
    const { listReviewQueue } = await import('../shared/src/api/admin')
    const { handler: queueHandler } = await import('../functions/src/handlers/list-review-queue')
    const fill = async (centerCode: string, n: number) => {
      const items = Array.from({ length: n }, (_, i) => {
        const id = `BENCH${centerCode}${String(i).padStart(6, '0')}`
        const submittedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
        return {
          ...queueKey(centerCode, 'submitted', submittedAt, id),
          entity: 'QueueEntry',
          id,
          kind: 'termination',
          status: 'submitted',
          amountFen: 100_000,
          depositorName: '测试',
          idNumberMasked: '6501**********0012',
          accountNo: '900000000001',
          submittedAt,
        }
      })
      for (let i = 0; i < items.length; i += 25) {
        await db.send(
          new BatchWriteCommand({
            RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
          }),
        )
      }
    }
    await fill('C65020', 20)
    await fill('C65040', 10_000)
    const queueOf = (token: string) => async () => {
      const res = await queueHandler(eventFor(listReviewQueue, {}, { token }))
      if (res.statusCode !== 200) throw new Error(res.body)
    }
    const smallCenter = await makeReviewer('C65020')
    const bigCenter = await makeReviewer('C65040')
    const [q1, q2] = await measureAlternating(
      N,
      ['listReviewQueue, 20 waiting', queueOf(smallCenter.token)],
      ['listReviewQueue, 10,000 waiting', queueOf(bigCenter.token)],
    )
    console.log(`${'listReviewQueue 10,000 / 20 p50'.padEnd(34)} ${(q2 / q1).toFixed(2)}×`)
  }
} finally {
  await s3.stop()
  await dynamo.stop()
  rmSync(dir, { recursive: true, force: true })
}
if (!only || only === 'screen') await benchFirstScreen()
process.exit(0)
