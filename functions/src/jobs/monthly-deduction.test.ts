import { randomInt } from 'node:crypto'
import { BatchGetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { getAccount } from '@gjj/shared/api/account'
import { getLoan, listRepayments } from '@gjj/shared/api/loan'
import { addDays, addMonths } from '@gjj/shared/date'
import { aroundChinaMidnight, atInstant } from '@gjj/shared/testing/clock'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, setBalance, type TestPerson, testLoan } from '../../test/factory'
import { auditsOf, countCalls } from '../../test/publishing'
import { handler as getAccountHandler } from '../handlers/get-account'
import { handler as getLoanHandler } from '../handlers/get-loan'
import { handler as repaymentsHandler } from '../handlers/list-repayments'
import { nowIso } from '../lib/clock'
import { accountKey, getAccount as readAccount } from '../repository/accounts'
import { db, table } from '../repository/client'
import { deductionShard, type LoanItem, loanKey, getLoan as readLoan, setMonthlyDeduction } from '../repository/loans'
import { transact } from '../repository/transaction'
import { demoPeople } from '../seed/demo'
import { seedDemoData } from '../seed/index'
import { currentPlan } from '../services/loan'
import { AUDIT_ACTION, allShards, deductDate, deductShard } from '../services/monthly-deduction'
import { createHandler, type WorkEvent } from './monthly-deduction'

/**
 * The daily 按月委托提取 against DynamoDB Local. Each test puts its loans into a shard of the
 * deduction index of its own (never the demo's signed loan's) and runs that shard, so the tests
 * (and the other files sharing the database) do not book each other's loans.
 */
const demoSigned = demoPeople.find((p) => p.loan?.monthlyDeductionSigned)?.loan?.loanNo as string
const freeShards = allShards().filter((s) => s !== deductionShard(demoSigned))
let nextShard = 0
const takeShard = () => freeShards[nextShard++ % freeShards.length] as number

function loanNoIn(shard: number): string {
  for (;;) {
    const no = `DKT${randomInt(0, 1_000_000_000)}`
    if (deductionShard(no) === shard) return no
  }
}

interface Signed extends TestPerson {
  loan: LoanItem
}

/** a depositor with a 200,000 元 loan signed for 按月委托提取, in `shard`, due on the next 20th */
async function signedLoan(shard: number, opts: { signed?: boolean; overdue?: boolean } = {}): Promise<Signed> {
  const p = await makeDepositor({
    centerCode: 'C65010',
    loan: {
      ...testLoan(),
      loanNo: loanNoIn(shard),
      monthlyDeductionSigned: opts.signed ?? true,
      ...(opts.overdue ? { lastPeriodOverdue: true } : {}),
    },
  })
  return { ...p, loan: (await readLoan(p.person.loan?.loanNo as string)) as LoanItem }
}

const signedLoans = (n: number, shard: number) => Promise.all(Array.from({ length: n }, () => signedLoan(shard)))

/** the loan's period due on its deduction date, from the one plan */
function periodDue(loan: LoanItem) {
  const p = currentPlan(loan).find((x) => x.dueDate === loan.deductionDueDate)
  if (!p) throw new Error(`no period due on ${loan.deductionDueDate}`)
  return p
}

async function recordsOf(loanNo: string) {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':pk': loanKey(loanNo).pk, ':r': 'REPAY#' },
    }),
  )
  return (out.Items ?? []).filter((r) => typeof r.id === 'string' && r.id.includes('-'))
}

async function deductionLedger(accountNo: string) {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      FilterExpression: 'begins_with(id, :d)',
      ExpressionAttributeValues: { ':pk': accountKey(accountNo).pk, ':t': 'TXN#', ':d': 'D' },
    }),
  )
  return out.Items ?? []
}

const balanceOf = async (accountNo: string) => (await readAccount(accountNo))?.balanceFen as number

beforeAll(async () => {
  await seedDemoData()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('signing and cancelling (the seam of the 按月抵扣签约 approval)', () => {
  test.each(aroundChinaMidnight('2026-12-20'))(
    'signed at %s (China %s), the loan is due on the first due date after that China date',
    async (instant, chinaDate) => {
      const p = await signedLoan(takeShard(), { signed: false })
      expect(p.loan.deductionDueDate).toBeNull()
      // the loan's due dates are the 20th of each month: signed on the 20th itself, it starts next month
      const loan = { ...p.loan, firstDueDate: '2026-01-20', months: 120 }
      const write = setMonthlyDeduction(loan, true, instant)
      const update = write.item.Update as { ExpressionAttributeValues: Record<string, unknown> }
      expect(update.ExpressionAttributeValues[':due']).toBe(chinaDate === '2026-12-20' ? '2027-01-20' : '2026-12-20')
    },
  )

  test('signing puts the loan into the index at the version read; cancelling takes it out; a stale version is loanChanged', async () => {
    const p = await signedLoan(takeShard(), { signed: false })
    const at = nowIso()
    expect(await transact([setMonthlyDeduction(p.loan, true, at)])).toEqual({ ok: true })
    const signed = (await readLoan(p.loan.loanNo)) as LoanItem
    expect(signed).toMatchObject({ monthlyDeductionSigned: true, version: p.loan.version + 1 })
    expect(signed.deductionDueDate).toBe(periodDue(signed).dueDate)

    const stale = await transact([setMonthlyDeduction(p.loan, false, at)])
    expect(stale).toMatchObject({ ok: false, reason: 'loanChanged', loan: { version: signed.version } })

    expect(await transact([setMonthlyDeduction(signed, false, at)])).toEqual({ ok: true })
    const cancelled = (await readLoan(p.loan.loanNo)) as LoanItem
    expect(cancelled).toMatchObject({ monthlyDeductionSigned: false, deductionDueDate: null })
    const balance = await balanceOf(p.person.accountNo)
    const run = await deductShard({ date: signed.deductionDueDate as string, shard: deductionShard(p.loan.loanNo) })
    expect(run.counts).toMatchObject({ full: 0, left: 0, failed: 0 })
    expect(await balanceOf(p.person.accountNo)).toBe(balance)
    expect(await recordsOf(p.loan.loanNo)).toEqual([])
  })
})

describe('the daily deduction', () => {
  test('finds the due loans through the index only: one Query, one BatchGetItem, one transaction per loan', async () => {
    const shard = takeShard()
    const loans = await signedLoans(3, shard)
    const notSigned = await signedLoan(shard, { signed: false })
    const date = loans[0]?.loan.deductionDueDate as string

    const { result, calls } = await countCalls(() => deductShard({ date, shard }))

    expect(result.counts).toMatchObject({ full: 3, failed: 0 })
    expect(result.next).toBeNull()
    expect(calls.sort()).toEqual([
      'BatchGetCommand',
      'QueryCommand',
      'TransactWriteCommand',
      'TransactWriteCommand',
      'TransactWriteCommand',
    ])
    expect(calls).not.toContain('ScanCommand')
    expect(await readLoan(notSigned.loan.loanNo)).toEqual(notSigned.loan)
    expect(await recordsOf(notSigned.loan.loanNo)).toEqual([])
  })

  test('takes the whole payment from a balance that covers it; 公积金账户查询, 我的贷款 and 贷款还款明细 show it', async () => {
    const shard = takeShard()
    const p = await signedLoan(shard)
    const due = periodDue(p.loan)
    const before = await balanceOf(p.person.accountNo)
    expect(before).toBeGreaterThan(due.paymentFen)

    const run = await deductShard({ date: p.loan.deductionDueDate as string, shard })
    expect(run.counts.full).toBe(1)

    const after = (await readLoan(p.loan.loanNo)) as LoanItem
    expect(after).toMatchObject({
      remainingPrincipalFen: p.loan.remainingPrincipalFen - due.principalFen,
      paidMonths: p.loan.paidMonths + 1,
      lastDueDate: due.dueDate,
      deductionDueDate: addMonths(due.dueDate as string, 1),
      version: p.loan.version + 1,
      status: 'normal',
    })
    const account = bodyOf<{
      account: { balanceFen: number }
      history: { items: { type: { code: string }; amountFen: number; balanceFen: number; summary: string }[] }
    }>(await getAccountHandler(eventFor(getAccount, { limit: 1 }, { token: p.token })))
    expect(account.account.balanceFen).toBe(before - due.paymentFen)
    expect(account.history.items[0]).toMatchObject({
      type: { code: '11' },
      amountFen: -due.paymentFen,
      balanceFen: before - due.paymentFen,
    })
    expect(account.history.items[0]?.summary).toContain('按月委托提取')

    const repayments = bodyOf<{
      items: { type: { code: string; label: string }; source: string; totalFen: number; period: number }[]
    }>(await repaymentsHandler(eventFor(listRepayments, { limit: 1 }, { token: p.token })))
    expect(repayments.items[0]).toMatchObject({
      type: { code: '05', label: '公积金提取还款' },
      source: 'fund',
      totalFen: due.paymentFen,
      period: due.period,
    })
    const { loan } = bodyOf<{ loan: { remainingPrincipalFen: number; paidMonths: number } }>(
      await getLoanHandler(eventFor(getLoan, {}, { token: p.token })),
    )
    expect(loan).toMatchObject({ remainingPrincipalFen: after.remainingPrincipalFen, paidMonths: after.paidMonths })

    const audits = await auditsOf(`LOAN#${p.loan.loanNo}`, nowIso())
    expect(audits).toEqual([
      expect.objectContaining({
        action: AUDIT_ACTION,
        detail: expect.objectContaining({ outcome: 'full', fundFen: due.paymentFen, bankFen: 0, period: due.period }),
      }),
    ])
  })

  test('a balance short of the payment gives all but 0.01 元, interest first; the rest is left for the bank debit', async () => {
    const shard = takeShard()
    const p = await signedLoan(shard)
    const due = periodDue(p.loan)
    const balance = due.interestFen + 5_000 // covers the interest and 49.99 元 of principal
    await setBalance(p.person.accountNo, balance)

    const run = await deductShard({ date: p.loan.deductionDueDate as string, shard })
    expect(run.counts.partial).toBe(1)

    expect(await balanceOf(p.person.accountNo)).toBe(1)
    const records = await recordsOf(p.loan.loanNo)
    const fund = records.find((r) => r.source === 'fund')
    const bank = records.find((r) => r.source === 'bank')
    expect(fund).toMatchObject({ type: '05', interestFen: due.interestFen, principalFen: 4_999 })
    expect(bank).toMatchObject({ type: '02', interestFen: 0, principalFen: due.principalFen - 4_999 })
    expect((fund?.principalFen as number) + (bank?.principalFen as number)).toBe(due.principalFen)
    // oldest first (ids in booking order), the records run the remaining principal down
    expect(fund?.remainingPrincipalFen).toBe(p.loan.remainingPrincipalFen - 4_999)
    expect(bank?.remainingPrincipalFen).toBe(p.loan.remainingPrincipalFen - due.principalFen)
    expect(await readLoan(p.loan.loanNo)).toMatchObject({ paidMonths: p.loan.paidMonths + 1 })
    const ledger = await deductionLedger(p.person.accountNo)
    expect(ledger).toEqual([expect.objectContaining({ type: '11', amountFen: -(balance - 1), balanceFen: 1 })])
  })

  test.each([
    ['nothing but the 0.01 元 a partial withdrawal leaves', 1, '01', 'noBalance'],
    ['a zero balance', 0, '01', 'noBalance'],
    ['a 封存 account', 10_000_000, '02', 'accountNotNormal'],
    ['a 冻结 account', 10_000_000, '06', 'accountNotNormal'],
  ])(
    'with %s the fund pays nothing and the whole period is left for the bank debit',
    async (_what, balance, status, outcome) => {
      const shard = takeShard()
      const p = await signedLoan(shard)
      const due = periodDue(p.loan)
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: accountKey(p.person.accountNo),
          UpdateExpression: 'SET balanceFen = :b, #s = :s, version = version + :one',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':b': balance, ':s': status, ':one': 1 },
        }),
      )

      const run = await deductShard({ date: p.loan.deductionDueDate as string, shard })

      expect(run.counts).toMatchObject({ [outcome]: 1, failed: 0 })
      expect(await balanceOf(p.person.accountNo)).toBe(balance)
      expect(await deductionLedger(p.person.accountNo)).toEqual([])
      expect(await recordsOf(p.loan.loanNo)).toEqual([
        expect.objectContaining({
          type: '02',
          source: 'bank',
          principalFen: due.principalFen,
          interestFen: due.interestFen,
        }),
      ])
      expect(await readLoan(p.loan.loanNo)).toMatchObject({ paidMonths: p.loan.paidMonths + 1 })
      const [audit] = await auditsOf(`LOAN#${p.loan.loanNo}`, nowIso())
      expect(audit?.detail).toMatchObject({ outcome, fundFen: 0, bankFen: due.paymentFen, accountStatus: status })
    },
  )

  test('an overdue loan is deducted for the period due; its overdue period stays for 逾期还款', async () => {
    const shard = takeShard()
    const p = await signedLoan(shard, { overdue: true })
    expect(p.loan.status).toBe('overdue')
    const run = await deductShard({ date: p.loan.deductionDueDate as string, shard })
    expect(run.counts.full).toBe(1)
    expect(await readLoan(p.loan.loanNo)).toMatchObject({ status: 'overdue', paidMonths: p.loan.paidMonths + 1 })
  })

  test('a loan whose plan has no period on its index date moves to the next due date, moving no money', async () => {
    const shard = takeShard()
    const p = await signedLoan(shard)
    const due = p.loan.deductionDueDate as string
    const offDay = addDays(due, -3)
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: loanKey(p.loan.loanNo),
        UpdateExpression: 'SET gsi2sk = :sk, deductionDueDate = :d',
        ExpressionAttributeValues: { ':sk': `${offDay}#${p.loan.loanNo}`, ':d': offDay },
      }),
    )
    const before = await balanceOf(p.person.accountNo)

    const run = await deductShard({ date: offDay, shard })

    expect(run.counts.moved).toBe(1)
    expect(await readLoan(p.loan.loanNo)).toMatchObject({ deductionDueDate: due, paidMonths: p.loan.paidMonths })
    expect(await balanceOf(p.person.accountNo)).toBe(before)
    expect(await recordsOf(p.loan.loanNo)).toEqual([])
  })

  test('run twice one after the other for the same day: the money moves once', async () => {
    const shard = takeShard()
    const loans = await signedLoans(3, shard)
    const date = loans[0]?.loan.deductionDueDate as string
    const before = await Promise.all(loans.map((p) => balanceOf(p.person.accountNo)))

    const first = await deductShard({ date, shard })
    const second = await deductShard({ date, shard })

    expect(first.counts.full).toBe(3)
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true)
    for (const [i, p] of loans.entries()) {
      expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
      expect(await balanceOf(p.person.accountNo)).toBe((before[i] as number) - periodDue(p.loan).paymentFen)
      expect(await deductionLedger(p.person.accountNo)).toHaveLength(1)
    }
  })

  test('run twice at once for the same day: one record per loan, the money moves once', async () => {
    const shard = takeShard()
    const loans = await signedLoans(6, shard)
    const date = loans[0]?.loan.deductionDueDate as string
    const before = await Promise.all(loans.map((p) => balanceOf(p.person.accountNo)))

    const runs = await Promise.all([
      deductShard({ date, shard }, { concurrency: 3 }),
      deductShard({ date, shard }, { concurrency: 3 }),
    ])

    // a twin that lost a race finds the period booked (or the loan gone from the date's range); one
    // that met the other's transaction in flight (TransactionConflict) leaves the loan for the next run
    const again = await deductShard({ date, shard })
    const booked = [...runs, again].reduce((sum, r) => sum + r.counts.full, 0)
    expect(booked).toBe(6)
    expect(again.counts.failed).toBe(0)
    expect((await deductShard({ date, shard })).counts.full).toBe(0)
    for (const [i, p] of loans.entries()) {
      expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
      expect(await deductionLedger(p.person.accountNo)).toHaveLength(1)
      expect(await balanceOf(p.person.accountNo)).toBe((before[i] as number) - periodDue(p.loan).paymentFen)
      expect(await readLoan(p.loan.loanNo)).toMatchObject({ version: p.loan.version + 1 })
    }
  })
})

describe('fan-out and continuation across invocations', () => {
  /** the job with its next invocations recorded instead of sent to Lambda */
  function recordingHandler(pageSize?: number) {
    const queued: WorkEvent[] = []
    const handler = createHandler(
      async (event) => {
        queued.push(event)
      },
      pageSize ? { pageSize } : {},
    )
    return { handler, queued }
  }
  const timeLeft = (ms: number) => ({ getRemainingTimeInMillis: () => ms })

  test('the schedule dispatches one worker per shard for the China date of the scheduled instant (22:00 UTC = 06:00 China)', async () => {
    const { handler, queued } = recordingHandler()
    const result = await handler(
      { 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2026-12-19T22:00:00Z' },
      timeLeft(900_000),
    )
    expect(result).toEqual({ dispatched: queued })
    expect(queued).toEqual(allShards().map((shard) => ({ date: '2026-12-20', shard })))
  })

  test.each(aroundChinaMidnight('2026-12-20'))(
    'scheduled at %s the run is for China date %s',
    async (instant, chinaDate) => {
      const { handler, queued } = recordingHandler()
      await handler({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: instant }, timeLeft(900_000))
      expect(new Set(queued.map((e) => e.date))).toEqual(new Set([chinaDate]))
    },
  )

  test('a loan due on a China date is booked by that date’s run, not by the evening before (around midnight)', async () => {
    const shard = takeShard()
    const p = await signedLoan(shard)
    const due = p.loan.deductionDueDate as string
    for (const [instant, chinaDate] of aroundChinaMidnight(due)) {
      await atInstant(instant, async () => {
        const { handler, queued } = recordingHandler()
        await handler({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: instant }, timeLeft(900_000))
        const mine = queued.find((e) => e.shard === shard) as WorkEvent
        const result = await handler(mine, timeLeft(900_000))
        const booked = 'counts' in result ? result.counts.full : -1
        expect(booked, `${instant} → ${chinaDate}`).toBe(chinaDate === due && instant.endsWith('16:00:00.000Z') ? 1 : 0)
      })
    }
    expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
  })

  test('a shard paged 2 loans at a time hands its cursor from invocation to invocation until done', async () => {
    const shard = takeShard()
    const loans = await signedLoans(7, shard)
    const date = loans[0]?.loan.deductionDueDate as string
    const { handler, queued } = recordingHandler(2)
    // every invocation is short of time after its first page: it books that page and hands on

    let event: WorkEvent | undefined = { date, shard }
    const results = []
    while (event) {
      const before = queued.length
      results.push(await handler(event, timeLeft(1_000)))
      event = queued.length > before ? queued.at(-1) : undefined
    }

    expect(results.map((r) => ('counts' in r ? r.counts.full : -1))).toEqual([2, 2, 2, 1])
    expect(queued.map((e) => e.hop)).toEqual([1, 2, 3])
    expect(new Set(queued.map((e) => e.cursor)).size).toBe(3)
    for (const p of loans) expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
  })

  test('in-process runs (npm run deduct) hand on the same way: 7 loans, pages of 3, one page per invocation', async () => {
    const shard = takeShard()
    const loans = await signedLoans(7, shard)
    const date = loans[0]?.loan.deductionDueDate as string
    const run = await deductDate(date, { shards: [shard], pageSize: 3, shouldStop: () => true })
    expect(run).toMatchObject({ invocations: 3, pages: 3, counts: { full: 7, failed: 0 } })
  })
})

describe('a fault inside the deduction transaction', () => {
  /** makes the transaction that books `loanNo` fail: before it reaches DynamoDB, or after (the answer lost) */
  function faultOn(loanNo: string, when: 'before' | 'after') {
    const send = db.send.bind(db)
    const key = loanKey(loanNo)
    return vi.spyOn(db, 'send').mockImplementation((async (command: unknown) => {
      const items = command instanceof TransactWriteCommand ? (command.input.TransactItems ?? []) : []
      const hit = items.some((i) => i.Update?.Key?.pk === key.pk && i.Update?.Key?.sk === key.sk)
      if (hit && when === 'before') throw Object.assign(new Error('injected fault'), { name: 'InternalServerError' })
      const out = await send(command as never)
      if (hit) throw Object.assign(new Error('injected: answer lost'), { name: 'TimeoutError' })
      return out
    }) as typeof db.send)
  }

  test('before it is written: nothing of that loan changes, the others are booked, and the next run books it', async () => {
    const shard = takeShard()
    const loans = await signedLoans(3, shard)
    const [, victim] = loans as [Signed, Signed, Signed]
    const date = victim.loan.deductionDueDate as string
    const balance = await balanceOf(victim.person.accountNo)
    const account = await readAccount(victim.person.accountNo)

    const spy = faultOn(victim.loan.loanNo, 'before')
    const first = await deductShard({ date, shard })
    spy.mockRestore()

    expect(first.counts).toMatchObject({ full: 2, failed: 1 })
    expect(await readLoan(victim.loan.loanNo)).toEqual(victim.loan)
    expect(await readAccount(victim.person.accountNo)).toEqual(account)
    expect(await recordsOf(victim.loan.loanNo)).toEqual([])
    expect(await deductionLedger(victim.person.accountNo)).toEqual([])
    expect(await auditsOf(`LOAN#${victim.loan.loanNo}`, nowIso())).toEqual([])

    const next = await deductShard({ date, shard })
    expect(next.counts).toMatchObject({ full: 1, failed: 0 })
    expect(await balanceOf(victim.person.accountNo)).toBe(balance - periodDue(victim.loan).paymentFen)
    for (const p of loans) expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
  })

  test('an invocation that dies after its first page (a read fails): its retry books the rest, nothing twice', async () => {
    const shard = takeShard()
    const loans = await signedLoans(5, shard)
    const date = loans[0]?.loan.deductionDueDate as string
    const before = await Promise.all(loans.map((p) => balanceOf(p.person.accountNo)))
    const send = db.send.bind(db)
    let batchGets = 0
    const spy = vi.spyOn(db, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof BatchGetCommand && ++batchGets === 2) throw new Error('injected: the invocation dies')
      return send(command as never)
    }) as typeof db.send)

    await expect(deductShard({ date, shard }, { pageSize: 2 })).rejects.toThrow('the invocation dies')
    spy.mockRestore()
    const booked = await Promise.all(loans.map(async (p) => (await recordsOf(p.loan.loanNo)).length))
    expect(booked.sort()).toEqual([0, 0, 0, 1, 1])

    // Lambda retries the same event: the index holds only what is left
    const retry = await deductShard({ date, shard }, { pageSize: 2 })
    expect(retry.counts).toMatchObject({ full: 3, failed: 0 })
    for (const [i, p] of loans.entries()) {
      expect(await recordsOf(p.loan.loanNo)).toHaveLength(1)
      expect(await balanceOf(p.person.accountNo)).toBe((before[i] as number) - periodDue(p.loan).paymentFen)
    }
  })

  test('written but the answer lost: the next run does not book it again', async () => {
    const shard = takeShard()
    const [p] = await signedLoans(1, shard)
    const victim = p as Signed
    const date = victim.loan.deductionDueDate as string
    const balance = await balanceOf(victim.person.accountNo)

    const spy = faultOn(victim.loan.loanNo, 'after')
    const first = await deductShard({ date, shard })
    spy.mockRestore()
    expect(first.counts.failed).toBe(1)

    const next = await deductShard({ date, shard })
    expect(Object.values(next.counts).every((n) => n === 0)).toBe(true)
    expect(await recordsOf(victim.loan.loanNo)).toHaveLength(1)
    expect(await balanceOf(victim.person.accountNo)).toBe(balance - periodDue(victim.loan).paymentFen)
  })
})
