import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { chinaToday } from '@gjj/shared/clock'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { demoLoan, demoPeople } from '../../functions/src/seed/demo'
import { root } from '../../scripts/lib/resources'
import { back, fenOf, launch, openFromTab, phone, settled, shot, skipAfterFailure, vis } from './browser'
import { apiGet, loginDepositor } from './people'

/**
 * Issue 12, item 6 as the center's day would have it: 周建华 (乌鲁木齐) has his loan signed for
 * 按月委托提取. The deployed path runs on the local stack: the `monthlyDeduction` function, invoked
 * through serverless-offline's Lambda API for his next due date, dispatches one asynchronous
 * invocation per shard, and his shard's worker books the period; then 公积金账户查询 shows the
 * balance less the month's payment with a 部分提取 entry (按月委托提取还贷), and 贷款还款明细 the
 * period as 公积金提取还款 from 公积金账户扣划. `npm run deduct` for the same date afterwards moves
 * nothing: the money moved once.
 */
const zhou = demoPeople.find((p) => p.loan?.monthlyDeductionSigned) as (typeof demoPeople)[number]
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
})

afterAll(async () => {
  await browser?.close()
})

type Account = { account: { balanceFen: number } }
type Loan = { loan: { paidMonths: number; remainingPrincipalFen: number } }
type Plan = { items: { period: number; dueDate: string; paymentFen: number; principalFen: number }[] }

describe('周建华’s monthly deduction', () => {
  skipAfterFailure('deduction', () => ({ zhou: page }))
  let token = ''
  let before: Account['account']
  let loanBefore: Loan['loan']
  // the seed put his loan into the deduction index at the first due date after the seed day
  const due = demoLoan(zhou, zhou.loan as NonNullable<typeof zhou.loan>, chinaToday()).loan.deductionDueDate as string

  test('logs in and sees his balance before the due date', async () => {
    token = await loginDepositor(page, zhou)
    before = (await apiGet<Account>(token, '/api/account?limit=1')).account
    loanBefore = (await apiGet<Loan>(token, '/api/loan')).loan
    await openFromTab(page, '账户查询', '公积金账户查询')
    await vis(page, '.fund__balance').waitFor()
    await settled(page)
    expect(fenOf(await vis(page, '.fund__balance').textContent())).toBe(before.balanceFen)
    await shot(page, 'deduction-01-fund-before')
    await back(page)
  })

  test('the monthlyDeduction function, invoked for his due date, fans out and takes the payment', async () => {
    const { lambdaUrl } = inject('e2e')
    const res = await fetch(`${lambdaUrl}/2015-03-31/functions/gjj-local-monthlyDeduction/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: JSON.stringify({ date: due }),
    })
    expect(res.status).toBe(200)
    const { dispatched } = (await res.json()) as { dispatched: { date: string; shard: number }[] }
    expect(dispatched).toHaveLength(16)
    expect(new Set(dispatched.map((d) => d.date))).toEqual(new Set([due]))
    // the workers run asynchronously (InvocationType Event)
    await expect
      .poll(async () => (await apiGet<Account>(token, '/api/account?limit=1')).account.balanceFen, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBeLessThan(before.balanceFen)
  })

  test('公积金账户查询 shows the balance less the payment and the 部分提取 entry', async () => {
    const plan = await apiGet<Plan>(token, '/api/loan/plan?limit=100')
    const period = plan.items.find((p) => p.dueDate === due) as Plan['items'][number]
    expect(period).toBeDefined()
    await openFromTab(page, '账户查询', '公积金账户查询')
    await vis(page, '.fund__balance').waitFor()
    await vis(page, '.expand').waitFor()
    await settled(page)
    expect(fenOf(await vis(page, '.fund__balance').textContent())).toBe(before.balanceFen - period.paymentFen)
    const first = vis(page, '.expand').first()
    await expect(first.textContent()).resolves.toContain('部分提取')
    await first.locator('.expand__head').tap()
    await page.getByText('按月委托提取还贷').first().waitFor()
    await settled(page)
    await shot(page, 'deduction-02-fund-after')
    await back(page)

    const loan = (await apiGet<Loan>(token, '/api/loan')).loan
    expect(loan.paidMonths).toBe(loanBefore.paidMonths + 1)
    expect(loan.remainingPrincipalFen).toBe(loanBefore.remainingPrincipalFen - period.principalFen)
  })

  test('npm run deduct for the same date afterwards moves nothing', async () => {
    const balance = (await apiGet<Account>(token, '/api/account?limit=1')).account.balanceFen
    const port = new URL(inject('e2e').dynamoUrl).port
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/deduct.ts', '--date', due], {
      cwd: root,
      env: { ...process.env, DYNAMODB_PORT: port },
    })
    expect(stdout).toContain(`按月委托提取 ${due}：16 次调用`)
    expect(stdout).toContain('失败待重试 0')
    expect((await apiGet<Account>(token, '/api/account?limit=1')).account.balanceFen).toBe(balance)
  })

  test('贷款还款明细 shows the period as 公积金提取还款 from the fund account', async () => {
    await openFromTab(page, '账户查询', '我的贷款')
    await page.getByText('贷款还款明细').waitFor()
    await settled(page)
    await page.locator('.loan__link-repayments').tap()
    await vis(page, '.expand').waitFor()
    await settled(page)
    await vis(page, '.expand__head').first().tap()
    await page.getByText('公积金账户扣划').waitFor()
    await expect(vis(page, '.expand').first().textContent()).resolves.toContain('公积金提取还款')
    await settled(page)
    await shot(page, 'deduction-03-repayments-after')
  })
})
