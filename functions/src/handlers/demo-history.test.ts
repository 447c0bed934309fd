import { getAccount, listDepositHistory } from '@gjj/shared/api/account'
import type { Operation } from '@gjj/shared/api/contract'
import { getLoan, listRepaymentPlan, listRepayments } from '@gjj/shared/api/loan'
import { beforeAll, describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { today } from '../lib/clock'
import type { LambdaHandler } from '../lib/http'
import { type DemoPerson, demoPeople } from '../seed/demo'
import { seedDemoData } from '../seed/index'
import { openSession } from '../services/sessions'
import { handler as getAccountHandler } from './get-account'
import { handler as getLoanHandler } from './get-loan'
import { handler as historyHandler } from './list-deposit-history'
import { handler as planHandler } from './list-repayment-plan'
import { handler as repaymentsHandler } from './list-repayments'

/**
 * Every demo person's whole 缴存明细, 还款明细 and 还款计划, paged through the handlers at the
 * smallest and the largest page size the contract allows (and the history year by year): every
 * page answers 200, the items come in order, and the pages join without gaps or repeats.
 */
const SMALLEST = 1
const LARGEST = 100

type Page<T> = { items: T[]; nextCursor: string | null }
type Entry = { id: string; date: string; type: { code: string }; amountFen: number; balanceFen: number }
type Repayment = {
  id: string
  date: string
  period: number | null
  principalFen: number
  remainingPrincipalFen: number
}
type PlanPeriod = {
  period: number
  dueDate: string
  principalFen: number
  remainingPrincipalFen: number
  status: string
}

const tokens = new Map<string, string>()
const tokenOf = (p: DemoPerson) => tokens.get(p.depositorId) as string

beforeAll(async () => {
  await seedDemoData()
  for (const p of demoPeople) {
    const { token } = await openSession({
      kind: 'depositor',
      depositorId: p.depositorId,
      centerCode: p.centerCode,
      accountNo: p.accountNo,
      loanNo: p.loan?.loanNo ?? null,
      channel: 'h5',
    })
    tokens.set(p.depositorId, token)
  }
})

/** follows nextCursor to the end; every page must answer 200 and hold at most `limit` items */
async function pageAll<T>(
  handler: LambdaHandler,
  op: Operation,
  token: string,
  input: Record<string, unknown>,
  limit: number,
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  for (let pages = 0; ; pages++) {
    expect(pages, 'too many pages').toBeLessThan(2000)
    const res = await handler(eventFor(op, { ...input, limit, ...(cursor ? { cursor } : {}) }, { token }))
    expect(res.statusCode, `${op.name} ${JSON.stringify(input)} limit ${limit}: ${res.body}`).toBe(200)
    const page = bodyOf<Page<T>>(res)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    items.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) return items
  }
}

const keyOf = (e: { date: string; id: string }) => `${e.date}#${e.id}`

/** newest first, each key once */
function expectNewestFirstWithoutRepeats(items: { date: string; id: string }[]) {
  const keys = items.map(keyOf)
  expect(new Set(keys).size).toBe(keys.length)
  expect(keys).toEqual([...keys].sort().reverse())
}

const nowYear = () => Number(today().slice(0, 4))

test('李娜’s 2019 (GET /api/account/history?year=2019) answers 200 with her 购房提取 within the balance of its day', async () => {
  const li = demoPeople.find((p) => p.name === '李娜') as DemoPerson
  const res = await historyHandler(eventFor(listDepositHistory, { year: 2019, limit: LARGEST }, { token: tokenOf(li) }))
  expect(res.statusCode, res.body).toBe(200)
  const { items } = bodyOf<Page<Entry>>(res)
  const withdrawal = items.find((e) => e.type.code === '11')
  expect(withdrawal).toMatchObject({ date: '2019-09-10', amountFen: -12_000_000 })
  expect(items.every((e) => e.balanceFen >= 0)).toBe(true)
})

test('the page sizes are the smallest and the largest the contract allows', async () => {
  const token = tokenOf(demoPeople[0] as DemoPerson)
  for (const [limit, status] of [
    [SMALLEST - 1, 422],
    [SMALLEST, 200],
    [LARGEST, 200],
    [LARGEST + 1, 422],
  ] as const) {
    const res = await historyHandler(eventFor(listDepositHistory, { limit }, { token }))
    expect(res.statusCode, `limit ${limit}`).toBe(status)
  }
})

describe.each(demoPeople.map((p) => [p.name, p] as const))('%s', (_name, person) => {
  test('缴存明细 pages back to the first entry at every page size, each balance following from the amounts', async () => {
    const token = tokenOf(person)
    const account = bodyOf<{ account: { balanceFen: number; openedOn: string } }>(
      await getAccountHandler(eventFor(getAccount, { limit: 1 }, { token })),
    ).account
    const [small, large] = [
      await pageAll<Entry>(historyHandler, listDepositHistory, token, {}, SMALLEST),
      await pageAll<Entry>(historyHandler, listDepositHistory, token, {}, LARGEST),
    ]
    expect(small).toEqual(large)
    expectNewestFirstWithoutRepeats(large)
    // oldest first, the running balance starts from zero and follows the amounts to today's balance
    let balance = 0
    for (const e of [...large].reverse()) {
      balance += e.amountFen
      expect(e.balanceFen, `${e.date} ${e.id}`).toBe(balance)
      expect(e.balanceFen).toBeGreaterThanOrEqual(0)
      expect(e.date >= account.openedOn, `${e.date} before opening`).toBe(true)
    }
    expect(balance).toBe(account.balanceFen)
    expect(large.at(-1)?.date.slice(0, 4)).toBe(account.openedOn.slice(0, 4))
  })

  test('缴存明细 year by year, at every page size, joins into the whole history', async () => {
    const token = tokenOf(person)
    const whole = await pageAll<Entry>(historyHandler, listDepositHistory, token, {}, LARGEST)
    const firstYear = Number(person.openedOn.slice(0, 4))
    for (const limit of [SMALLEST, LARGEST]) {
      const joined: Entry[] = []
      for (let year = nowYear(); year >= firstYear - 1; year--) {
        const items = await pageAll<Entry>(historyHandler, listDepositHistory, token, { year }, limit)
        expect(items.every((e) => e.date.startsWith(`${year}-`))).toBe(true)
        joined.push(...items)
      }
      expect(joined).toEqual(whole)
    }
  })
})

describe.each(demoPeople.filter((p) => p.loan).map((p) => [p.name, p] as const))('%s’s loan', (_name, person) => {
  test('还款明细 pages at every page size; the principal repaid adds up', async () => {
    const token = tokenOf(person)
    const loan = bodyOf<{ loan: { principalFen: number; remainingPrincipalFen: number; paidMonths: number } }>(
      await getLoanHandler(eventFor(getLoan, {}, { token })),
    ).loan
    const [small, large] = [
      await pageAll<Repayment>(repaymentsHandler, listRepayments, token, {}, SMALLEST),
      await pageAll<Repayment>(repaymentsHandler, listRepayments, token, {}, LARGEST),
    ]
    expect(small).toEqual(large)
    expectNewestFirstWithoutRepeats(large)
    let remaining = loan.principalFen
    for (const r of [...large].reverse()) {
      remaining -= r.principalFen
      expect(r.remainingPrincipalFen, `${r.date} ${r.id}`).toBe(remaining)
    }
    expect(remaining).toBe(loan.remainingPrincipalFen)
    expect(large.filter((r) => r.period !== null)).toHaveLength(loan.paidMonths)
  })

  test('还款计划 pages period by period at every page size', async () => {
    const token = tokenOf(person)
    const months = person.loan?.months as number
    const [small, large] = [
      await pageAll<PlanPeriod>(planHandler, listRepaymentPlan, token, {}, SMALLEST),
      await pageAll<PlanPeriod>(planHandler, listRepaymentPlan, token, {}, LARGEST),
    ]
    expect(small).toEqual(large)
    expect(large.map((p) => p.period)).toEqual(Array.from({ length: months }, (_, i) => i + 1))
    expect(large.reduce((sum, p) => sum + p.principalFen, 0)).toBe(person.loan?.principalFen)
    expect(large.at(-1)?.remainingPrincipalFen).toBe(0)
    const repaid = await pageAll<Repayment>(repaymentsHandler, listRepayments, token, {}, LARGEST)
    const paidPeriods = new Set(repaid.map((r) => r.period))
    for (const p of large) {
      if (p.status === 'paid') expect(paidPeriods.has(p.period), `period ${p.period}`).toBe(true)
      if (p.status === 'due') expect(p.dueDate >= today()).toBe(true)
    }
  })
})
