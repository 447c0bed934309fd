import { getAccount, listDepositHistory } from '@gjj/shared/api/account'
import { getLoan, listOverdue, listRepaymentPlan, listRepayments } from '@gjj/shared/api/loan'
import { getProfile } from '@gjj/shared/api/profile'
import { beforeAll, describe, expect, test } from 'vitest'
import { ayi, chen, idNumberOf, loginAs, ma, wang } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { countCalls } from '../../test/publishing'
import { seedDemoData } from '../seed/index'
import { handler as getAccountHandler } from './get-account'
import { handler as getLoanHandler } from './get-loan'
import { handler as getProfileHandler } from './get-profile'
import { handler as historyHandler } from './list-deposit-history'
import { handler as overdueHandler } from './list-overdue'
import { handler as planHandler } from './list-repayment-plan'
import { handler as repaymentsHandler } from './list-repayments'

let wangToken: string
let ayiToken: string
/** 陈志强: the demo loan with an overdue period */
let chenToken: string

beforeAll(async () => {
  await seedDemoData()
  ;[wangToken, ayiToken, chenToken] = await Promise.all([loginAs(wang), loginAs(ayi), loginAs(chen)])
})

type Page<T> = { items: T[]; nextCursor: string | null }

describe('公积金账户查询', () => {
  test('the screen costs two DynamoDB round trips: the session and one Query for account and history', async () => {
    const { result: res, calls } = await countCalls(() =>
      getAccountHandler(eventFor(getAccount, { limit: 20 }, { token: wangToken })),
    )
    expect(res.statusCode).toBe(200)
    expect(calls).toEqual(['UpdateCommand', 'QueryCommand'])
  })

  test('the first page’s cursor continues exactly where listDepositHistory’s own first page would', async () => {
    type Entry = { id: string; date: string }
    const first = bodyOf<{ history: Page<Entry> }>(
      await getAccountHandler(eventFor(getAccount, { limit: 4 }, { token: wangToken })),
    ).history
    expect(first.nextCursor).not.toBeNull()
    const next = bodyOf<Page<Entry>>(
      await historyHandler(
        eventFor(listDepositHistory, { limit: 4, cursor: first.nextCursor as string }, { token: wangToken }),
      ),
    )
    const whole = bodyOf<Page<Entry>>(
      await historyHandler(eventFor(listDepositHistory, { limit: 8 }, { token: wangToken })),
    )
    expect([...first.items, ...next.items].map((e) => e.id)).toEqual(whole.items.map((e) => e.id))
  })

  test('shows the caller’s own account and the newest deposits first', async () => {
    const res = await getAccountHandler(eventFor(getAccount, { limit: 5 }, { token: wangToken }))
    expect(res.statusCode).toBe(200)
    const { account, history } = bodyOf<{
      account: { accountNo: string; status: { label: string }; balanceFen: number }
      history: Page<{ date: string; balanceFen: number }>
    }>(res)
    expect(account.accountNo).toBe(wang.accountNo)
    expect(account.status.label).toBe('正常')
    expect(history.items).toHaveLength(5)
    expect(history.items[0]?.balanceFen).toBe(account.balanceFen)
    const dates = history.items.map((e) => e.date)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(res.body).not.toContain(idNumberOf(wang))
  })

  test('pages through the whole history without repeats', async () => {
    const seen = new Set<string>()
    let cursor: string | null = null
    do {
      const res = await historyHandler(
        eventFor(listDepositHistory, { limit: 50, ...(cursor ? { cursor } : {}) }, { token: ayiToken }),
      )
      const page = bodyOf<Page<{ id: string }>>(res)
      for (const e of page.items) {
        expect(seen.has(e.id)).toBe(false)
        seen.add(e.id)
      }
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.size).toBeGreaterThan(90) // more than 8 years of monthly deposits
  })

  test('another depositor’s account number is not found, and a cursor from their account is refused', async () => {
    const res = await getAccountHandler(eventFor(getAccount, { accountNo: ayi.accountNo }, { token: wangToken }))
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain(ayi.name)
    const theirs = bodyOf<{ nextCursor: string }>(
      await historyHandler(eventFor(listDepositHistory, { limit: 1 }, { token: ayiToken })),
    )
    const forged = await historyHandler(
      eventFor(listDepositHistory, { cursor: theirs.nextCursor }, { token: wangToken }),
    )
    expect(forged.statusCode).toBe(422)
  })
})

describe('我的贷款', () => {
  test('shows the loan with its next due date, payment and overdue amount', async () => {
    const res = await getLoanHandler(eventFor(getLoan, {}, { token: chenToken }))
    expect(res.statusCode).toBe(200)
    const { loan } = bodyOf<{
      loan: {
        loanNo: string
        status: string
        overduePeriods: number
        overdueFen: number
        nextPaymentFen: number
        bankCardMasked: string
        monthlyDeductionSigned: boolean
      }
    }>(res)
    expect(loan.loanNo).toBe(chen.loan?.loanNo)
    expect(loan.status).toBe('overdue')
    expect(loan.overduePeriods).toBe(1)
    expect(loan.overdueFen).toBeGreaterThan(0)
    expect(loan.nextPaymentFen).toBeGreaterThan(0)
    expect(loan.bankCardMasked).toMatch(/^\d{4} \*{4} \*{4} \d{4}$/)
    expect(loan.monthlyDeductionSigned).toBe(false)
  })

  test('a depositor without a loan gets null, and their loan pages say 您暂无公积金贷款', async () => {
    const res = await getLoanHandler(eventFor(getLoan, {}, { token: ayiToken }))
    expect(bodyOf(res)).toEqual({ loan: null })
    const pages = await repaymentsHandler(eventFor(listRepayments, {}, { token: ayiToken }))
    expect(pages.statusCode).toBe(404)
    expect(bodyOf<{ message: string }>(pages).message).toBe('您暂无公积金贷款')
  })

  test('repayments list the late payment with its 罚息 and the source of the money', async () => {
    const res = await repaymentsHandler(eventFor(listRepayments, { limit: 100 }, { token: wangToken }))
    const page = bodyOf<Page<{ type: { code: string }; penaltyFen: number; source: string; period: number }>>(res)
    const late = page.items.find((r) => r.type.code === '04')
    expect(late?.period).toBe(30)
    expect(late?.penaltyFen).toBeGreaterThan(0)
    expect(page.items.every((r) => r.source === 'bank')).toBe(true)
  })

  test('the plan pages by period and marks paid, overdue and due periods', async () => {
    const first = bodyOf<Page<{ period: number; status: string }>>(
      await planHandler(eventFor(listRepaymentPlan, { limit: 12 }, { token: chenToken })),
    )
    expect(first.items.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(first.items.every((p) => p.status === 'paid')).toBe(true)
    expect(first.nextCursor).toBe('13')
    const later = bodyOf<Page<{ period: number; status: string }>>(
      await planHandler(eventFor(listRepaymentPlan, { limit: 12, cursor: '37' }, { token: chenToken })),
    )
    expect(later.items.map((p) => p.status)).toContain('overdue')
    expect(later.items.map((p) => p.status)).toContain('due')
  })

  test('逾期还款明细 lists the unpaid period with days and penalty', async () => {
    const res = await overdueHandler(eventFor(listOverdue, {}, { token: chenToken }))
    const body = bodyOf<{ items: { overdueDays: number; penaltyFen: number; totalFen: number }[]; totalFen: number }>(
      res,
    )
    expect(body.items).toHaveLength(1)
    expect(body.items[0]?.overdueDays).toBeGreaterThan(0)
    expect(body.totalFen).toBe(body.items[0]?.totalFen)
  })

  test('another depositor’s loan number in any loan query is not found', async () => {
    for (const [handler, op] of [
      [getLoanHandler, getLoan],
      [repaymentsHandler, listRepayments],
      [planHandler, listRepaymentPlan],
      [overdueHandler, listOverdue],
    ] as const) {
      const res = await handler(eventFor(op, { loanNo: ma.loan?.loanNo }, { token: wangToken }))
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain(ma.name)
    }
  })
})

describe('个人中心', () => {
  test('shows the basic information masked', async () => {
    const res = await getProfileHandler(eventFor(getProfile, {}, { token: wangToken }))
    expect(res.statusCode).toBe(200)
    const body = bodyOf<{ idNumberMasked: string; phoneMasked: string; centerName: string }>(res)
    expect(body.idNumberMasked).toMatch(/^6543\*{10}\d{3}[\dX]$/)
    expect(body.phoneMasked).toBe('138****0001')
    expect(body.centerName).toBe('阿勒泰地区住房公积金管理中心')
    expect(res.body).not.toContain(idNumberOf(wang))
  })
})
