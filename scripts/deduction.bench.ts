import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createTable } from './lib/resources'
import { freePort, startDynamo } from './lib/services'
import { localEnv } from './lib/stack'

/**
 * `npx tsx scripts/deduction.bench.ts`: loans per second of the daily 按月委托提取 in ONE invocation's
 * share of a shard (deductShard) over DynamoDB Local (in memory) on this machine, at several
 * transaction concurrencies, with the DynamoDB calls per loan — the figures of decision 59's maths.
 * BENCH_LOANS loans (default 1000) signed, due on one day, all in one shard, each with its own
 * account; pages of 100. DynamoDB Local is a single Java process sharing this machine's cores: its
 * figures are a floor, not AWS's.
 */
const N = Number(process.env.BENCH_LOANS ?? 1000)
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,4,8,16,32').split(',').map(Number)

const dynamo = await startDynamo(await freePort())
try {
  const tableName = await createTable(dynamo.url)
  Object.assign(process.env, localEnv(dynamo.url, 'http://127.0.0.1:1', tableName, 'bench'), { LOG_LEVEL: 'WARN' })
  const { db, dynamo: raw, table } = await import('../functions/src/repository/client')
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb')
  const { accountKey } = await import('../functions/src/repository/accounts')
  const { loanKey, deductionIndex, deductionShard } = await import('../functions/src/repository/loans')
  const { demoLoan } = await import('../functions/src/seed/demo')
  const { testLoan } = await import('../functions/test/factory')
  const { deductShard } = await import('../functions/src/services/monthly-deduction')

  let calls = 0
  raw.middlewareStack.add(
    ((next: (a: unknown) => Promise<unknown>) => async (args: unknown) => {
      calls++
      return next(args)
    }) as never,
    { step: 'initialize', name: 'benchCounter' },
  )

  const shard = 3
  const loanNoIn = () => {
    for (;;) {
      const no = `DKB${randomInt(0, 1_000_000_000)}`
      if (deductionShard(no) === shard) return no
    }
  }
  const today = '2026-12-03'

  /** N signed loans due on the same date in `shard`, each with an account holding plenty */
  async function seed(): Promise<string> {
    const items: Record<string, unknown>[] = []
    let due = ''
    for (let i = 0; i < N; i++) {
      const accountNo = `8${String(randomInt(0, 1e11)).padStart(11, '0')}`
      const person = { depositorId: `B${i}`, accountNo, centerCode: 'C65010' } as never
      const { loan } = demoLoan(person, { ...testLoan(), loanNo: loanNoIn(), monthlyDeductionSigned: true }, today)
      due = loan.deductionDueDate as string
      items.push(
        { ...loanKey(loan.loanNo), entity: 'Loan', ...loan, ...deductionIndex(loan.loanNo, due) },
        {
          ...accountKey(accountNo),
          entity: 'Account',
          accountNo,
          depositorId: `B${i}`,
          centerCode: 'C65010',
          status: '01',
          balanceFen: 10_000_000,
          version: 1,
        },
      )
    }
    for (let i = 0; i < items.length; i += 25) {
      await db.send(
        new BatchWriteCommand({
          RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      )
    }
    return due
  }

  console.log(`按月委托提取 bench: ${N} loans due on one day in one shard, pages of 100, DynamoDB Local in memory`)
  console.log('concurrency  loans/s  ms/loan  calls/loan  booked')
  for (const concurrency of CONCURRENCIES) {
    const date = await seed()
    calls = 0
    const t = performance.now()
    const result = await deductShard({ date, shard }, { concurrency })
    const seconds = (performance.now() - t) / 1000
    const booked = result.counts.full
    console.log(
      `${String(concurrency).padStart(11)}  ${(booked / seconds).toFixed(0).padStart(7)}  ${((seconds * 1000) / booked).toFixed(2).padStart(7)}  ${(calls / booked).toFixed(3).padStart(10)}  ${booked}`,
    )
    if (booked !== N || result.counts.failed) throw new Error(`expected ${N} booked: ${JSON.stringify(result.counts)}`)
  }
} finally {
  await dynamo.stop()
}
