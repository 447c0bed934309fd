import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createBucket, createTable } from './lib/resources'
import { freePort, startDynamo, startS3 } from './lib/services'
import { localEnv } from './lib/stack'
import { benchSecurity } from './security.bench'

/**
 * `npm run bench`: p50/p95 of the hot handlers over DynamoDB Local and s3rver on this machine,
 * next to one raw GetItem, with the number of DynamoDB calls each request makes.
 * Numbers are for comparing changes on one machine, not a prediction of AWS latency.
 */
const N = Number(process.env.BENCH_N ?? 200)

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
      const before = calls
      const t = performance.now()
      await run(i)
      times.push(performance.now() - t)
      counted += calls - before
    }
    times.sort((a, b) => a - b)
    const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(2)
    console.log(
      `${name.padEnd(34)} n=${String(n).padStart(4)}  p50 ${p(0.5).padStart(7)} ms  p95 ${p(0.95).padStart(7)} ms  DynamoDB calls/request ${(counted / n).toFixed(1)}`,
    )
  }

  if (process.env.BENCH_ONLY === 'security') {
    const person = await makeDepositor()
    await measure('raw GetItem (account)', N, () =>
      db.send(new GetCommand({ TableName: table, Key: accountKey(person.person.accountNo) })),
    )
    await benchSecurity(measure, Math.max(20, Math.floor(N / 5)))
  } else await hotHandlers()

  async function hotHandlers() {
    const person = await makeDepositor()
    await measure('raw GetItem (account)', N, () =>
      db.send(new GetCommand({ TableName: table, Key: accountKey(person.person.accountNo) })),
    )
    await measure('getAccount handler (20 history rows)', N, async () => {
      const res = await getAccountHandler(eventFor(getAccount, { limit: 20 }, { token: person.token }))
      if (res.statusCode !== 200) throw new Error(res.body)
    })

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
  }
} finally {
  await s3.stop()
  await dynamo.stop()
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
