import { randomUUID } from 'node:crypto'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { approveApplication, getReviewDetail, listReviewQueue, returnApplication } from '@gjj/shared/api/admin'
import { createApplication, endApplication, getApplication, listMyApplications } from '@gjj/shared/api/application'
import { getLoan, listRepaymentPlan, listRepayments } from '@gjj/shared/api/loan'
import { getPrepayQuote, getSettleQuote, listLoanBusinesses } from '@gjj/shared/api/loan-business'
import { chinaToday } from '@gjj/shared/clock'
import { addMonths } from '@gjj/shared/date'
import { prepayQuote, settlementDue } from '@gjj/shared/loan/prepay'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Detail, submit, uploadRequired } from '../../test/applications'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer, setBalance, type TestPerson, testLoan } from '../../test/factory'
import * as accounts from '../repository/accounts'
import { db, table } from '../repository/client'
import * as loans from '../repository/loans'
import { positionOf } from '../services/loan'
import { handler as approveHandler } from './approve-application'
import { handler as createHandler } from './create-application'
import { handler as endHandler } from './end-application'
import { handler as getHandler } from './get-application'
import { handler as getLoanHandler } from './get-loan'
import { handler as prepayQuoteHandler } from './get-prepay-quote'
import { handler as reviewDetailHandler } from './get-review-detail'
import { handler as settleQuoteHandler } from './get-settle-quote'
import { handler as listHandler } from './list-loan-businesses'
import { handler as mineHandler } from './list-my-applications'
import { handler as planHandler } from './list-repayment-plan'
import { handler as repaymentsHandler } from './list-repayments'
import { handler as queueHandler } from './list-review-queue'
import { handler as returnHandler } from './return-application'

/*
 * The test loans fall due on the 20th (factory testLoan). The file runs its clock from a fixed
 * instant that is not a due date — 2026-12-03 10:00 China time — so that no run meets the day an
 * installment falls due (when 提前还本 and 提前结清 wait for it: tested below on the 20th itself).
 */
const START = '2026-12-03T02:00:00Z'
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(START), shouldAdvanceTime: true, advanceTimeDelta: 1 })
})
afterAll(() => {
  vi.useRealTimers()
})
afterEach(() => {
  vi.restoreAllMocks()
})

type Kinds = {
  loan: null | { remainingPrincipalFen: number; paymentFen: number; overdue: boolean; monthlyDeductionSigned: boolean }
  monthlyDeductionSigned: boolean
  kinds: { kind: string; eligible: boolean; ineligibleReason: string | null; inProgressApplicationId: string | null }[]
}
type Failure = { code: string; message: string; issues?: { path: string[]; message: string }[] }

const as = (p: TestPerson) => ({ token: p.token })
const borrower = (opts: Parameters<typeof makeDepositor>[0] = {}) => makeDepositor({ loan: testLoan(), ...opts })

async function kindsOf(p: TestPerson) {
  const res = await listHandler(eventFor(listLoanBusinesses, {}, as(p)))
  expect(res.statusCode).toBe(200)
  const body = bodyOf<Kinds>(res)
  return { ...body, kind: (k: string) => body.kinds.find((x) => x.kind === k) }
}

async function createLoanApp(p: TestPerson, data: Record<string, unknown>) {
  const res = await createHandler(eventFor(createApplication, data, as(p)))
  return { res, body: bodyOf<Detail & Failure & { loanFigures: LoanFiguresBody }>(res) }
}

type LoanFiguresBody = {
  date: string
  fundFen: number
  ownFen: number
  problem: string | null
  prepay: null | {
    amountFen: number
    interestFen: number
    principalFen: number
    newPrincipalFen: number
    plan: { months: number; paymentFen: number; endDate: string; interestSavedFen: number }
  }
  settle: null | { principalFen: number; interestFen: number; overdueFen: number; totalFen: number }
}

/** a draft through to 待审批: created, the required archive uploaded, submitted */
async function submitted(p: TestPerson, data: Record<string, unknown>) {
  const { res, body } = await createLoanApp(p, data)
  expect(res.statusCode, body.message).toBe(200)
  await uploadRequired(p, body)
  const sent = await submit(p, body.id)
  expect(sent.statusCode, sent.body).toBe(200)
  return body
}

const approve = (id: string, token: string) => approveHandler(eventFor(approveApplication, { id }, { token }))

async function loanOf(p: TestPerson) {
  return (await loans.getLoan(p.person.loan?.loanNo as string)) as loans.LoanItem
}

async function recordsOf(p: TestPerson) {
  return (await loans.listRepayments(p.person.loan?.loanNo as string, { limit: 500 })).items
}

async function ledgerOf(p: TestPerson) {
  return (await accounts.listLedger(p.person.accountNo, { limit: 1000 })).items
}

async function balanceOf(p: TestPerson) {
  return (await accounts.getAccount(p.person.accountNo))?.balanceFen as number
}

/** everything an approval could write, to compare before and after a refused one */
async function snapshot(p: TestPerson, appId: string) {
  const [loan, records, ledger, balance, app] = await Promise.all([
    loanOf(p),
    recordsOf(p),
    ledgerOf(p),
    balanceOf(p),
    getHandler(eventFor(getApplication, { id: appId }, as(p))),
  ])
  return { loan, records: records.length, ledger: ledger.length, balance, status: bodyOf<Detail>(app).status }
}

describe('贷款业务 list: the loan and what may be done, in one request', () => {
  test('a depositor without a loan sees the three businesses greyed with the reason', async () => {
    const p = await makeDepositor()
    const list = await kindsOf(p)
    expect(list.loan).toBeNull()
    expect(list.kinds.map((k) => [k.kind, k.eligible, k.ineligibleReason])).toEqual([
      ['prepayPart', false, '您暂无公积金贷款'],
      ['monthlyDeduction', false, '您暂无公积金贷款'],
      ['settle', false, '您暂无公积金贷款'],
    ])
    const { res } = await createLoanApp(p, { kind: 'settle', fundAmountFen: 0 })
    expect(res.statusCode).toBe(422)
  })

  test('a borrower sees the loan facts and all three open; an overdue loan greys 提前还本 only', async () => {
    const p = await borrower()
    const list = await kindsOf(p)
    expect(list.loan).toMatchObject({ overdue: false, monthlyDeductionSigned: false })
    expect(list.kinds.every((k) => k.eligible)).toBe(true)

    const late = await makeDepositor({ loan: { ...testLoan(), lastPeriodOverdue: true } })
    const lateList = await kindsOf(late)
    expect(lateList.loan?.overdue).toBe(true)
    expect(lateList.kind('prepayPart')).toMatchObject({
      eligible: false,
      ineligibleReason: '您的贷款有逾期未还的月供，请先归还逾期款项再办理提前还本',
    })
    expect(lateList.kind('settle')?.eligible).toBe(true)
    const { res, body } = await createLoanApp(late, { kind: 'prepayPart', amountFen: 500_000, fundAmountFen: 0 })
    expect([res.statusCode, body.message]).toEqual([422, '您的贷款有逾期未还的月供，请先归还逾期款项再办理提前还本'])
  })

  test('on the day an installment falls due, 提前还本 and 提前结清 wait for it', async () => {
    vi.setSystemTime(new Date('2026-12-20T10:00:00+08:00'))
    try {
      const p = await borrower()
      expect(addMonths((await loanOf(p)).lastDueDate, 1)).toBe('2026-12-20')
      const list = await kindsOf(p)
      expect(list.kind('prepayPart')?.ineligibleReason).toBe('本期月供已到期，请先归还本期月供再办理')
      expect(list.kind('settle')?.ineligibleReason).toBe('本期月供已到期，请先归还本期月供再办理')
    } finally {
      vi.setSystemTime(new Date(START))
    }
  })
})

describe('提前还本 from application to approval', () => {
  test('the quote is shared’s maths; approval debits the fund part, lowers the principal, records 03 and installs the chosen plan', async () => {
    const p = await borrower()
    const reviewer = await makeReviewer('C65430')
    const before = await loanOf(p)
    const balanceBefore = await balanceOf(p)
    const amountFen = 3_000_000
    const fundAmountFen = 1_000_000

    // the quote answers what shared computes for the loan's position today
    const quoteRes = await prepayQuoteHandler(eventFor(getPrepayQuote, { amountFen }, as(p)))
    expect(quoteRes.statusCode).toBe(200)
    const q = bodyOf<{
      quote: {
        interestFen: number
        principalFen: number
        keepPayment: { months: number; paymentFen: number }
        keepTerm: { paymentFen: number }
      }
    }>(quoteRes)
    const expected = prepayQuote(positionOf(before), amountFen, chinaToday())
    if (!expected.ok) throw new Error(expected.message)
    expect(q.quote.interestFen).toBe(expected.value.split.interestFen)
    expect(q.quote.principalFen).toBe(expected.value.split.principalFen)
    expect(q.quote.keepPayment).toMatchObject({
      months: expected.value.keepPayment.months,
      paymentFen: expected.value.keepPayment.paymentFen,
    })
    expect(q.quote.keepTerm.paymentFen).toBe(expected.value.keepTerm.paymentFen)

    const app = await submitted(p, { kind: 'prepayPart', amountFen, fundAmountFen, choice: 'keepPayment' })
    // the reviewer sees the figures recomputed for the approval date
    const review = bodyOf<{ loanFigures: LoanFiguresBody }>(
      await reviewDetailHandler(eventFor(getReviewDetail, { id: app.id }, { token: reviewer.token })),
    )
    expect(review.loanFigures).toMatchObject({
      date: chinaToday(),
      fundFen: fundAmountFen,
      ownFen: amountFen - fundAmountFen,
      problem: null,
      prepay: { principalFen: expected.value.split.principalFen, plan: { months: expected.value.keepPayment.months } },
    })

    const res = await approve(app.id, reviewer.token)
    expect(res.statusCode, res.body).toBe(200)

    const after = await loanOf(p)
    expect(after.remainingPrincipalFen).toBe(before.remainingPrincipalFen - expected.value.split.principalFen)
    expect(after.version).toBe(before.version + 1)
    expect(after.schedules).toHaveLength(1)
    expect(after.endDate).toBe(expected.value.keepPayment.endDate)
    expect(await balanceOf(p)).toBe(balanceBefore - fundAmountFen)
    const ledger = (await ledgerOf(p)).filter((e) => e.type === '11')
    expect(ledger).toHaveLength(1)
    expect(ledger[0]).toMatchObject({ amountFen: -fundAmountFen, balanceFen: balanceBefore - fundAmountFen })
    expect(ledger[0]?.summary).toContain('用途：还贷')
    const prepaid = (await recordsOf(p)).filter((r) => r.type === '03')
    expect(prepaid).toEqual([
      expect.objectContaining({
        principalFen: expected.value.split.principalFen,
        interestFen: expected.value.split.interestFen,
        remainingPrincipalFen: after.remainingPrincipalFen,
        period: null,
      }),
    ])

    // 还款计划 shows the new schedule version: the same payment over fewer months
    const paid = before.paidMonths
    const plan = bodyOf<{
      items: { period: number; paymentFen: number; dueDate: string }[]
      nextCursor: string | null
    }>(await planHandler(eventFor(listRepaymentPlan, { cursor: String(paid + 1), limit: 100 }, as(p))))
    const chosen = expected.value.keepPayment
    expect(plan.items[1]?.paymentFen).toBe(chosen.schedule.periods[1]?.paymentFen)
    const last = bodyOf<{ items: { period: number; dueDate: string }[] }>(
      await planHandler(eventFor(listRepaymentPlan, { cursor: String(paid + chosen.months), limit: 100 }, as(p))),
    )
    expect(last.items).toEqual([expect.objectContaining({ period: paid + chosen.months, dueDate: chosen.endDate })])
    // 我的贷款 shows the new principal and term; 贷款还款明细 the 03 record
    const overview = bodyOf<{ loan: { remainingPrincipalFen: number; remainingMonths: number; endDate: string } }>(
      await getLoanHandler(eventFor(getLoan, {}, as(p))),
    )
    expect(overview.loan).toMatchObject({
      remainingPrincipalFen: after.remainingPrincipalFen,
      remainingMonths: chosen.months,
      endDate: chosen.endDate,
    })
    const records = bodyOf<{ items: { type: { code: string; label: string } }[] }>(
      await repaymentsHandler(eventFor(listRepayments, {}, as(p))),
    )
    expect(records.items.some((r) => r.type.code === '03')).toBe(true)

    // at most once a month: the entry is greyed with the reason and the server refuses
    expect((await kindsOf(p)).kind('prepayPart')).toMatchObject({
      eligible: false,
      ineligibleReason: '提前还本每月最多办理1次，本月已办理，请下月再办理',
    })
    const again = await createLoanApp(p, { kind: 'prepayPart', amountFen, fundAmountFen: 0 })
    expect([again.res.statusCode, again.body.message]).toEqual([
      422,
      '提前还本每月最多办理1次，本月已办理，请下月再办理',
    ])
  })

  test('缩短期限 or 减少月供: the keep-term choice keeps the months and lowers the payment', async () => {
    const p = await borrower()
    const reviewer = await makeReviewer('C65430')
    const before = await loanOf(p)
    const app = await submitted(p, { kind: 'prepayPart', amountFen: 2_000_000, fundAmountFen: 0, choice: 'keepTerm' })
    expect((await approve(app.id, reviewer.token)).statusCode).toBe(200)
    const after = await loanOf(p)
    expect(after.endDate).toBe(before.endDate)
    const next = bodyOf<{ items: { paymentFen: number }[] }>(
      await planHandler(eventFor(listRepaymentPlan, { cursor: String(before.paidMonths + 2), limit: 1 }, as(p))),
    )
    expect(next.items[0]?.paymentFen).toBeLessThan(positionOf(before).remainingPrincipalFen)
    // no fund part: nothing left the fund account
    expect((await ledgerOf(p)).filter((e) => e.type === '11')).toHaveLength(0)
    expect((await recordsOf(p)).find((r) => r.type === '03')?.source).toBe('bank')
  })
})

describe('bad amounts are refused with the reason and change nothing', () => {
  test.each([
    ['0', { amountFen: 0, fundAmountFen: 0 }, 'amountFen', '请输入大于0的金额'],
    ['negative', { amountFen: -100, fundAmountFen: 0 }, 'amountFen', '请输入大于0的金额'],
    [
      'over 2 decimals (a fraction of a fen)',
      { amountFen: 300_000.5, fundAmountFen: 0 },
      'amountFen',
      '金额格式不正确，最多精确到分',
    ],
    ['below one payment', { amountFen: 1_000, fundAmountFen: 0 }, 'amountFen', /^提前还款金额不能少于一期月供 /],
    [
      '≥ the remaining principal',
      { amountFen: 99_000_000, fundAmountFen: 0 },
      'amountFen',
      '提前还款金额已足以还清剩余本金，请办理提前结清',
    ],
    [
      'a fund part over the amount',
      { amountFen: 500_000, fundAmountFen: 600_000 },
      'fundAmountFen',
      '支取金额不能超过提前还款金额 5,000.00 元',
    ],
    [
      'a fund part over the balance',
      { amountFen: 9_000_000, fundAmountFen: 8_900_000 },
      'fundAmountFen',
      /^支取金额不能超过公积金账户余额 /,
    ],
  ])('提前还本 with %s → 422', async (_name, amounts, field, message) => {
    const p = await borrower()
    const { res, body } = await createLoanApp(p, { kind: 'prepayPart', ...amounts })
    expect(res.statusCode).toBe(422)
    const issue = body.issues?.find((i) => i.path.join('.') === field)
    expect(issue?.message).toMatch(message)
    const mine = bodyOf<{ items: unknown[] }>(await mineHandler(eventFor(listMyApplications, {}, as(p))))
    expect(mine.items).toHaveLength(0)
  })

  test('提前结清 with a fund part over the balance or over the amount due → 422', async () => {
    const p = await borrower()
    const quote = bodyOf<{ totalFen: number; balanceFen: number; maxFundAmountFen: number }>(
      await settleQuoteHandler(eventFor(getSettleQuote, {}, as(p))),
    )
    expect(quote.maxFundAmountFen).toBe(Math.min(quote.totalFen, quote.balanceFen))
    const over = await createLoanApp(p, { kind: 'settle', fundAmountFen: quote.balanceFen + 1 })
    expect([over.res.statusCode, over.body.issues?.[0]?.message]).toEqual([
      422,
      expect.stringMatching(/^支取金额不能超过公积金账户余额 /),
    ])
    await setBalance(p.person.accountNo, quote.totalFen + 500_000)
    const overDue = await createLoanApp(p, { kind: 'settle', fundAmountFen: quote.totalFen + 1 })
    expect([overDue.res.statusCode, overDue.body.issues?.[0]?.message]).toEqual([
      422,
      expect.stringMatching(/^支取金额不能超过应还总额 /),
    ])
    const negative = await createLoanApp(p, { kind: 'settle', fundAmountFen: -1 })
    expect(negative.res.statusCode).toBe(422)
  })

  test('the quote refuses a bad amount with the same words', async () => {
    const p = await borrower()
    const res = await prepayQuoteHandler(eventFor(getPrepayQuote, { amountFen: 1_000 }, as(p)))
    expect(res.statusCode).toBe(422)
    expect(bodyOf<Failure>(res).message).toMatch(/^提前还款金额不能少于一期月供 /)
  })
})

describe('one business of the loan at a time', () => {
  test('提前还本 in review greys the others with the reason; the server refuses them too; ending it frees them', async () => {
    const p = await borrower()
    const app = await submitted(p, { kind: 'prepayPart', amountFen: 500_000, fundAmountFen: 0 })
    const list = await kindsOf(p)
    expect(list.kind('prepayPart')).toMatchObject({ eligible: false, inProgressApplicationId: app.id })
    expect(list.kind('settle')).toMatchObject({
      eligible: false,
      ineligibleReason: '您的贷款有正在办理的提前还本业务，办结或结束流程后才能办理提前结清',
    })
    const settle = await createLoanApp(p, { kind: 'settle', fundAmountFen: 0 })
    expect(settle.res.statusCode).toBe(422)
    const sign = await createLoanApp(p, { kind: 'monthlyDeduction', action: 'sign' })
    expect(sign.res.statusCode).toBe(422)

    // returned, it shows in 我的业务 with the reason; 结束流程 frees the loan
    const reviewer = await makeReviewer('C65430')
    const returned = await returnHandler(
      eventFor(returnApplication, { id: app.id, reason: '请补充资金来源证明' }, { token: reviewer.token }),
    )
    expect(returned.statusCode).toBe(200)
    const detail = bodyOf<Detail & { returnReason: string }>(
      await getHandler(eventFor(getApplication, { id: app.id }, as(p))),
    )
    expect(detail.returnReason).toBe('请补充资金来源证明')
    expect((await endHandler(eventFor(endApplication, { id: app.id }, as(p)))).statusCode).toBe(200)
    expect((await kindsOf(p)).kinds.every((k) => k.eligible)).toBe(true)
  })
})

describe('people reach only their own', () => {
  test('another depositor’s application → 404; another center’s reviewer → 404; a depositor token on admin → 403', async () => {
    const p = await borrower()
    const other = await borrower()
    const app = await submitted(p, { kind: 'settle', fundAmountFen: 0 })
    expect((await getHandler(eventFor(getApplication, { id: app.id }, as(other)))).statusCode).toBe(404)
    const urumqi = await makeReviewer('C65010')
    expect(
      (await reviewDetailHandler(eventFor(getReviewDetail, { id: app.id }, { token: urumqi.token }))).statusCode,
    ).toBe(404)
    expect((await approve(app.id, urumqi.token)).statusCode).toBe(404)
    expect((await approve(app.id, p.token)).statusCode).toBe(403)
    expect((await queueHandler(eventFor(listReviewQueue, {}, as(p)))).statusCode).toBe(403)
    expect((await loanOf(p)).status).not.toBe('settled')
  })
})

describe('approval is one transaction, once', () => {
  test('approving after the loan changed (a repayment came in) → 409 with the reason, nothing written', async () => {
    const p = await borrower()
    const reviewer = await makeReviewer('C65430')
    const app = await submitted(p, { kind: 'prepayPart', amountFen: 600_000, fundAmountFen: 300_000 })
    // a repayment booked meanwhile: principal down, the loan's version moves
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: loans.loanKey(p.person.loan?.loanNo as string),
        UpdateExpression: 'SET remainingPrincipalFen = remainingPrincipalFen - :p, version = version + :one',
        ExpressionAttributeValues: { ':p': 150_000, ':one': 1 },
      }),
    )
    const before = await snapshot(p, app.id)
    const review = bodyOf<{ loanFigures: LoanFiguresBody }>(
      await reviewDetailHandler(eventFor(getReviewDetail, { id: app.id }, { token: reviewer.token })),
    )
    expect(review.loanFigures.problem).toBe(
      '提交后贷款已发生变化（有新的还款或其他业务已办结），请退回申请人核对后重新提交',
    )
    const res = await approve(app.id, reviewer.token)
    expect(res.statusCode).toBe(409)
    expect(bodyOf<Failure>(res)).toMatchObject({
      code: 'LOAN_CHANGED',
      message: '提交后贷款已发生变化（有新的还款或其他业务已办结），请退回申请人核对后重新提交',
    })
    expect(await snapshot(p, app.id)).toEqual(before)
  })

  test('10 concurrent approvals by two reviewers: one change of the loan, one 03 record, one debit', async () => {
    const p = await borrower()
    const [r1, r2] = await Promise.all([makeReviewer('C65430'), makeReviewer('C65430')])
    const before = await loanOf(p)
    const balance = await balanceOf(p)
    const app = await submitted(p, { kind: 'prepayPart', amountFen: 800_000, fundAmountFen: 400_000 })
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => approve(app.id, (i % 2 ? r1 : r2).token)))
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(results.map((r) => r.statusCode).filter((s) => s !== 200 && s !== 409 && s !== 503)).toEqual([])
    const after = await loanOf(p)
    expect(after.version).toBe(before.version + 1)
    expect(after.schedules).toHaveLength(1)
    expect((await recordsOf(p)).filter((r) => r.type === '03')).toHaveLength(1)
    expect((await ledgerOf(p)).filter((e) => e.type === '11')).toHaveLength(1)
    expect(await balanceOf(p)).toBe(balance - 400_000)
  })

  test('a fault inside the approval transaction leaves nothing partial; the approval then goes through once', async () => {
    const p = await borrower()
    const reviewer = await makeReviewer('C65430')
    const app = await submitted(p, { kind: 'settle', fundAmountFen: 200_000 })
    const before = await snapshot(p, app.id)
    // the transaction gets one more item that fails on the real table: DynamoDB cancels all of it
    const send = db.send.bind(db)
    vi.spyOn(db, 'send').mockImplementation(((command: {
      constructor: { name: string }
      input: { TransactItems?: unknown[] }
    }) => {
      if (command.constructor.name === 'TransactWriteCommand' && command.input.TransactItems) {
        command.input.TransactItems.push({
          ConditionCheck: {
            TableName: table,
            Key: { pk: `FAULT#${randomUUID()}`, sk: 'X' },
            ConditionExpression: 'attribute_exists(pk)',
          },
        })
      }
      return send(command as never)
    }) as never)
    const res = await approve(app.id, reviewer.token)
    vi.restoreAllMocks()
    // a cancellation the repository cannot explain is thrown: the boundary's retryable 503
    expect(res.statusCode).toBe(503)
    expect(await snapshot(p, app.id)).toEqual(before)

    const again = await approve(app.id, reviewer.token)
    expect(again.statusCode, again.body).toBe(200)
    expect((await loanOf(p)).status).toBe('settled')
    expect((await recordsOf(p)).filter((r) => r.type === '06')).toHaveLength(1)
  })
})

describe('按月抵扣签约 and 取消', () => {
  test('signing is approved: 是否按月委托提取 becomes 是; cancelling turns it back', async () => {
    const p = await borrower()
    const reviewer = await makeReviewer('C65430')
    const sign = await submitted(p, { kind: 'monthlyDeduction', action: 'sign' })
    expect((await approve(sign.id, reviewer.token)).statusCode).toBe(200)
    expect((await loanOf(p)).monthlyDeductionSigned).toBe(true)
    const list = await kindsOf(p)
    expect(list.monthlyDeductionSigned).toBe(true)
    expect(list.kind('monthlyDeduction')?.eligible).toBe(true)
    const twice = await createLoanApp(p, { kind: 'monthlyDeduction', action: 'sign' })
    expect([twice.res.statusCode, twice.body.message]).toEqual([422, '您已签约按月抵扣，可办理取消签约'])

    const cancel = await submitted(p, { kind: 'monthlyDeduction', action: 'cancel' })
    expect((await approve(cancel.id, reviewer.token)).statusCode).toBe(200)
    expect((await loanOf(p)).monthlyDeductionSigned).toBe(false)
  })

  test('signing needs a balance of 6 monthly payments: greyed with the figures, refused by the server', async () => {
    const p = await borrower()
    await setBalance(p.person.accountNo, 100_000)
    const entry = (await kindsOf(p)).kind('monthlyDeduction')
    expect(entry?.eligible).toBe(false)
    expect(entry?.ineligibleReason).toMatch(/^签约需账户余额不少于6期月供（.+元），当前余额1,000.00元$/)
    const { res } = await createLoanApp(p, { kind: 'monthlyDeduction', action: 'sign' })
    expect(res.statusCode).toBe(422)
  })
})

describe('提前结清', () => {
  test('an overdue loan settles with its overdue interest and 罚息: 结清, a 06 record, the plan closed', async () => {
    const p = await makeDepositor({ loan: { ...testLoan(), lastPeriodOverdue: true } })
    const reviewer = await makeReviewer('C65430')
    const loan = await loanOf(p)
    const quote = bodyOf<{
      principalFen: number
      interestFen: number
      overdueFen: number
      totalFen: number
      balanceFen: number
    }>(await settleQuoteHandler(eventFor(getSettleQuote, {}, as(p))))
    const due = settlementDue(positionOf(loan), chinaToday())
    if (!due.ok) throw new Error(due.message)
    expect(quote.overdueFen).toBeGreaterThan(0)
    expect(quote.totalFen).toBe(due.value.totalFen + quote.overdueFen)
    const fund = Math.min(quote.balanceFen, quote.totalFen)
    const balance = await balanceOf(p)
    const app = await submitted(p, { kind: 'settle', fundAmountFen: fund })
    expect((await approve(app.id, reviewer.token)).statusCode).toBe(200)

    const overview = bodyOf<{
      loan: { status: string; remainingPrincipalFen: number; overduePeriods: number; nextDueDate: string | null }
    }>(await getLoanHandler(eventFor(getLoan, {}, as(p))))
    expect(overview.loan).toMatchObject({
      status: 'settled',
      remainingPrincipalFen: 0,
      overduePeriods: 0,
      nextDueDate: null,
      endDate: chinaToday(),
    })
    const settled = (await recordsOf(p)).filter((r) => r.type === '06')
    expect(settled).toHaveLength(1)
    expect(settled[0]).toMatchObject({ principalFen: loan.remainingPrincipalFen, remainingPrincipalFen: 0 })
    expect((settled[0]?.principalFen ?? 0) + (settled[0]?.interestFen ?? 0) + (settled[0]?.penaltyFen ?? 0)).toBe(
      quote.totalFen,
    )
    expect(await balanceOf(p)).toBe(balance - fund)
    const plan = bodyOf<{ items: { status: string; dueDate: string }[]; nextCursor: string | null }>(
      await planHandler(eventFor(listRepaymentPlan, { limit: 100 }, as(p))),
    )
    expect(plan.items.every((i) => i.status === 'paid' && i.dueDate <= chinaToday())).toBe(true)
    expect(plan.nextCursor).toBeNull()
    expect(
      (await kindsOf(p)).kinds.every((k) => !k.eligible && k.ineligibleReason === '您的贷款已结清，无需办理'),
    ).toBe(true)
  })
})
