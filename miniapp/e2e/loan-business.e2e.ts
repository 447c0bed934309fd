import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { PrepayQuote } from '@gjj/shared/api/loan-business'
import { chinaToday } from '@gjj/shared/clock'
import { deductionShard } from '@gjj/shared/loan/due-dates'
import { prepayQuote } from '@gjj/shared/loan/prepay'
import { formatYuan } from '@gjj/shared/money'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { demoPeople, demoStaff } from '../../functions/src/seed/demo'
import { root } from '../../scripts/lib/resources'
import {
  back,
  fenOf,
  hasClass,
  launch,
  openFromTab,
  phone,
  rowValue,
  settled,
  shot,
  shotAt,
  skipAfterFailure,
  tab,
  tapText,
  vis,
} from './browser'
import { cardImage, type Upload, uploadTo } from './files'
import {
  apiGet,
  approve,
  closeNotice,
  loginDepositor,
  loginReviewer,
  openNotice,
  queueItem,
  submitForApproval,
} from './people'

/**
 * Issue 12 as people would do it (375×812): 王冬冬 does 提前还本 choosing 缩短期限, the 阿勒泰
 * reviewer approves it in the console, 还款计划 then shows the shorter plan and 我的贷款 the new
 * principal; 马晓军 signs 按月抵扣 and the 乌鲁木齐 reviewer approves it; 刘敏 does 提前结清 and sees
 * 已结清. The figures on the pages are checked against shared's maths on the position the API gives.
 */
const person = (name: string) => demoPeople.find((p) => p.name === name) as (typeof demoPeople)[number]
const wang = person('王冬冬')
const ma = person('马晓军')
const liu = person('刘敏')
const altay = demoStaff[0]
const urumqi = demoStaff[2]

let browser: Browser
let page: Page
let staff: Page
let idCard: Upload

const yuanText = (fen: number) => `${formatYuan(fen)} 元`

beforeAll(async () => {
  browser = await launch()
  idCard = await cardImage(browser, '身份证人像面.png', '居民身份证 人像面', 'image/png', 200)
})

afterAll(async () => {
  await browser?.close()
})

skipAfterFailure('loan', () => ({ depositor: page, reviewer: staff }))

/** a fresh phone for the depositor and one for the reviewer */
async function freshPhones() {
  ;({ page } = await phone(browser))
  ;({ page: staff } = await phone(browser))
}

/** the loan entry of 业务办理 */
const loanEntry = (p: Page, title: string) => vis(p, '.menu__item', title)

/** 档案上传: the ID card (the one required category), then 提交中心审批; 流程信息查询 follows */
async function uploadAndSubmit(prefix: string) {
  await vis(page, '.upload__intro').waitFor()
  await settled(page)
  await uploadTo(page, 'idCard', '上传图片', [idCard])
  // the kind's 须知 is read before submitting (here, unless it was read on the business's own page)
  if ((await page.locator('.wd-notice-link__state--read').locator('visible=true').count()) === 0) {
    await openNotice(page)
    await closeNotice(page)
  }
  await shot(page, `${prefix}-upload`)
  await submitForApproval(page, `${prefix}-submit-confirm`)
  await vis(page, '.timeline__item').waitFor({ timeout: 15_000 })
  await settled(page)
  await expect(rowValue(page, '办理状态').textContent()).resolves.toBe('待审批')
}

/** the reviewer opens the person's application from the queue and approves it */
async function reviewAndApprove(person: (typeof demoPeople)[number], prefix: string, opinion: string) {
  const item = queueItem(staff, person)
  await item.waitFor({ timeout: 15_000 })
  await settled(staff)
  await item.tap()
  await vis(staff, '.review-bar__button', '审批通过').waitFor()
  await settled(staff)
  await expect(staff.locator('.loan-problem').locator('visible=true').count()).resolves.toBe(0)
  await shot(staff, `${prefix}-review`)
  await approve(staff, opinion, { approved: `${prefix}-approved` })
}

describe('王冬冬: 提前还本, 缩短期限', () => {
  let token = ''
  let position: PrepayQuote
  const AMOUNT_FEN = 3_000_000
  const FUND_FEN = 1_000_000
  let principalFen = 0
  let chosen = { months: 0, paymentFen: 0, endDate: '' }
  let before = { remainingPrincipalFen: 0, paidMonths: 0 }

  test('logs in; 业务办理 shows 贷款业务 open to him', async () => {
    await freshPhones()
    token = await loginDepositor(page, wang, undefined, 'face')
    await tab(page, '业务办理')
    await loanEntry(page, '提前还本').waitFor()
    await settled(page)
    for (const title of ['提前还本', '按月抵扣签约', '提前结清']) {
      await expect(hasClass(loanEntry(page, title), 'menu__item--off')).resolves.toBe(false)
    }
    await shot(page, 'loan-01-business')
    const { loan } = await apiGet<{ loan: { remainingPrincipalFen: number; paidMonths: number } }>(token, '/api/loan')
    before = loan
  })

  test('提前还本 shows the loan’s facts; 我要提前还款 opens the amount', async () => {
    await tapText(page, '提前还本')
    await vis(page, '.prepay__start').waitFor()
    await settled(page)
    await expect(
      vis(page, '.loan-banner__principal')
        .textContent()
        .then((t) => fenOf(`${t}`)),
    ).resolves.toBe(before.remainingPrincipalFen)
    await expect(rowValue(page, '是否逾期').textContent()).resolves.toBe('否')
    await shot(page, 'loan-02-prepay-facts')
    await vis(page, '.prepay__start').tap()
    await vis(page, '.prepay__amount input').waitFor()
  })

  test('as he types, the split and both plans appear — equal to shared’s maths to the fen', async () => {
    position = await apiGet<PrepayQuote>(token, '/api/loan/prepay-quote')
    const expected = prepayQuote(
      {
        method: position.method,
        annualRatePpm: position.annualRatePpm,
        remainingPrincipalFen: position.remainingPrincipalFen,
        remainingMonths: position.remainingMonths,
        lastDueDate: position.lastDueDate,
        dueDay: position.dueDay,
      },
      AMOUNT_FEN,
      position.date,
    )
    if (!expected.ok) throw new Error(expected.message)
    const { split, keepPayment, keepTerm } = expected.value
    principalFen = split.principalFen
    chosen = { months: keepPayment.months, paymentFen: keepPayment.paymentFen, endDate: keepPayment.endDate }

    await vis(page, '.prepay__amount input').fill(String(AMOUNT_FEN / 100))
    await vis(page, '.prepay__interest').waitFor()
    await expect(vis(page, '.prepay__interest').textContent()).resolves.toBe(yuanText(split.interestFen))
    await expect(vis(page, '.prepay__principal').textContent()).resolves.toBe(yuanText(split.principalFen))
    for (const [choice, o] of [
      ['keepPayment', keepPayment],
      ['keepTerm', keepTerm],
    ] as const) {
      const card = vis(page, `.loan-plan--${choice}`)
      await expect(card.locator('.loan-plan__payment').textContent()).resolves.toBe(yuanText(o.paymentFen))
      await expect(card.locator('.loan-plan__end').textContent()).resolves.toBe(o.endDate)
      await expect(card.locator('.loan-plan__saved').textContent()).resolves.toBe(yuanText(o.interestSavedFen))
      await expect(card.locator('.loan-plan__months').textContent()).resolves.toMatch(new RegExp(`^${o.months}期`))
    }
    // 缩短期限: the same payment (to the fen of the rebuilt plan), fewer months, interest saved
    expect(keepPayment.months).toBeLessThan(position.remainingMonths)
    expect(keepPayment.interestSavedFen).toBeGreaterThan(keepTerm.interestSavedFen)
    // too little is refused under the field, in shared's words
    await vis(page, '.prepay__amount input').fill('100')
    await expect(vis(page, '.field-error').textContent()).resolves.toBe(
      `提前还款金额不能少于一期月供 ${formatYuan(position.minAmountFen)} 元`,
    )
    await expect(hasClass(vis(page, '.prepay__next'), 'nut-button-disabled')).resolves.toBe(true)
    await vis(page, '.prepay__amount input').fill(String(AMOUNT_FEN / 100))
    await vis(page, '.prepay__fund input').fill(String(FUND_FEN / 100))
    await vis(page, '.loan-plan--keepPayment').tap()
    await expect(hasClass(vis(page, '.loan-plan--keepPayment'), 'loan-plan--chosen')).resolves.toBe(true)
    await page.waitForTimeout(300)
    await shot(page, 'loan-03-prepay-amount')
    await shotAt(page, '.prepay__next', 'loan-04-prepay-plans')
  })

  test('下一步 → 信息核对 → 档案上传 → 提交中心审批', async () => {
    await vis(page, '.prepay__next').tap()
    await vis(page, '.prepay__upload').waitFor()
    await expect(rowValue(page, '还款方式').textContent()).resolves.toBe('缩短期限')
    await expect(rowValue(page, '新月供').textContent()).resolves.toBe(yuanText(chosen.paymentFen))
    await expect(rowValue(page, '到期日期').textContent()).resolves.toBe(chosen.endDate)
    await expect(rowValue(page, '支取公积金').textContent()).resolves.toBe(yuanText(FUND_FEN))
    await expect(rowValue(page, '自有资金').textContent()).resolves.toBe(yuanText(AMOUNT_FEN - FUND_FEN))
    await shot(page, 'loan-05-prepay-check')
    await vis(page, '.prepay__upload').tap()
    await uploadAndSubmit('loan-06-prepay')
    await expect(rowValue(page, '提前归还本金').textContent()).resolves.toBe(yuanText(principalFen))
    await shot(page, 'loan-07-prepay-submitted')
  })

  test('the 阿勒泰 reviewer sees the figures recomputed for today and approves', async () => {
    await loginReviewer(staff, altay)
    await reviewAndApprove(wang, 'loan-08-prepay', '资金来源清楚，同意提前还本')
  })

  test('我的贷款 shows the new principal; 还款计划 the shorter plan', async () => {
    const newPrincipal = before.remainingPrincipalFen - principalFen
    await back(page) // 流程信息查询 → 业务办理
    await openFromTab(page, '账户查询', '我的贷款')
    await vis(page, '.loan__link-plan').waitFor()
    await settled(page)
    await expect(
      vis(page, '.fund__balance')
        .textContent()
        .then((t) => fenOf(`${t}`)),
    ).resolves.toBe(newPrincipal)
    await expect(rowValue(page, '到期日期').textContent()).resolves.toBe(chosen.endDate)
    await shot(page, 'loan-09-my-loan')
    await vis(page, '.loan__link-plan').tap()
    await vis(page, '.plan__summary').waitFor()
    await settled(page)
    const total = before.paidMonths + chosen.months
    await expect(vis(page, '.plan__term').textContent()).resolves.toBe(
      `共 ${total} 期，已还 ${before.paidMonths} 期，剩余 ${chosen.months} 期`,
    )
    await expect(vis(page, '.plan__end').textContent()).resolves.toContain(chosen.endDate)
    await shot(page, 'loan-10-plan')
    // the API agrees: the last period of the plan is the new last one
    const last = await apiGet<{ items: { period: number; dueDate: string }[] }>(
      token,
      `/api/loan/plan?cursor=${total}&limit=12`,
    )
    expect(last.items).toEqual([expect.objectContaining({ period: total, dueDate: chosen.endDate })])
    const next = await apiGet<{ items: { paymentFen: number }[] }>(
      token,
      `/api/loan/plan?cursor=${before.paidMonths + 2}&limit=1`,
    )
    expect(next.items[0]?.paymentFen).toBe(chosen.paymentFen)
    await back(page)
    await back(page)
  })

  test('提前还本 is now greyed: once a month, and the tap tells why', async () => {
    await tab(page, '业务办理')
    await settled(page)
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.menu__item')].some(
        (e) => e.textContent?.includes('提前还本') && e.classList.contains('menu__item--off'),
      ),
    )
    await loanEntry(page, '提前还本').tap()
    await page.getByText('提前还本每月最多办理1次，本月已办理，请下月再办理').waitFor()
    await page.waitForTimeout(300)
    await shot(page, 'loan-11-prepay-greyed')
  })
})

describe('马晓军: 按月抵扣签约', () => {
  let maToken = ''
  test('signs: 须知 → 我知道了 → 我要签约 → 档案上传 → 提交中心审批', async () => {
    await freshPhones()
    maToken = await loginDepositor(page, ma, undefined, 'face')
    await openFromTab(page, '业务办理', '按月抵扣签约')
    await vis(page, '.deduction__sign').waitFor()
    await settled(page)
    await expect(rowValue(page, '是否按月委托提取').textContent()).resolves.toBe('否')
    await shot(page, 'loan-12-deduction')
    await openNotice(page)
    await shot(page, 'loan-13-deduction-notice')
    await closeNotice(page)
    await vis(page, '.deduction__sign').tap()
    await uploadAndSubmit('loan-14-deduction')
  })

  test('the 乌鲁木齐 reviewer approves; 我的贷款 shows 是否按月委托提取 是 and the page offers 取消签约', async () => {
    await loginReviewer(staff, urumqi)
    await reviewAndApprove(ma, 'loan-15-deduction', '余额充足，同意签约')
    await back(page) // 流程信息查询 → 业务办理
    await openFromTab(page, '账户查询', '我的贷款')
    await vis(page, '.loan__link-plan').waitFor()
    await settled(page)
    await expect(rowValue(page, '是否按月委托提取').textContent()).resolves.toBe('是')
    await shot(page, 'loan-16-deduction-signed')
    await back(page)
    await openFromTab(page, '业务办理', '按月抵扣签约')
    await vis(page, '.deduction__cancel').waitFor()
    await settled(page)
    await shot(page, 'loan-17-deduction-cancel-offered')
    await back(page)
  })

  test('the deduction run for his next due date takes the payment from his fund account', async () => {
    type Plan = { items: { period: number; dueDate: string; paymentFen: number; principalFen: number }[] }
    const balance = async () =>
      (await apiGet<{ account: { balanceFen: number } }>(maToken, '/api/account?limit=1')).account.balanceFen
    const before = await balance()
    // signed today: the deduction starts from the first due date after today (China date)
    const { paidMonths } = (await apiGet<{ loan: { paidMonths: number } }>(maToken, '/api/loan')).loan
    const plan = await apiGet<Plan>(maToken, `/api/loan/plan?cursor=${paidMonths + 1}&limit=3`)
    const next = plan.items.find((p) => p.dueDate > chinaToday()) as Plan['items'][number]
    const port = new URL(inject('e2e').dynamoUrl).port
    // only his shard of the deduction index: deduction.e2e.ts books 周建华's loan (another shard) itself
    const shard = deductionShard(ma.loan?.loanNo as string)
    const zhou = demoPeople.find((p) => p.loan?.monthlyDeductionSigned)
    expect(deductionShard(zhou?.loan?.loanNo as string)).not.toBe(shard)
    const args = ['tsx', 'scripts/deduct.ts', '--date', next.dueDate, '--shard', String(shard)]
    const { stdout } = await promisify(execFile)('npx', args, {
      cwd: root,
      env: { ...process.env, DYNAMODB_PORT: port },
    })
    expect(stdout).toContain('失败待重试 0')
    expect(await balance()).toBe(before - next.paymentFen)

    await openFromTab(page, '账户查询', '公积金账户查询')
    await vis(page, '.fund__balance').waitFor()
    await settled(page)
    expect(fenOf(await vis(page, '.fund__balance').textContent())).toBe(before - next.paymentFen)
    await expect(vis(page, '.expand').first().textContent()).resolves.toContain('部分提取')
    await shot(page, 'loan-18-deduction-fund')
    await back(page)
    await openFromTab(page, '账户查询', '我的贷款')
    await page.locator('.loan__link-repayments').waitFor()
    await settled(page)
    await page.locator('.loan__link-repayments').tap()
    await vis(page, '.expand').waitFor()
    await settled(page)
    await vis(page, '.expand__head').first().tap()
    await page.getByText('公积金账户扣划').waitFor()
    await expect(vis(page, '.expand').first().textContent()).resolves.toContain('公积金提取还款')
    await settled(page)
    await shot(page, 'loan-18-deduction-repayments')
    await back(page)
    await back(page)
  })
})

describe('刘敏: 提前结清', () => {
  let token = ''
  let total = 0
  let fund = 0

  test('sees the amount due today, enters 支取公积金还款金额 and submits', async () => {
    await freshPhones()
    token = await loginDepositor(page, liu, undefined, 'face')
    const quote = await apiGet<{ totalFen: number; maxFundAmountFen: number; balanceFen: number }>(
      token,
      '/api/loan/settle-quote',
    )
    total = quote.totalFen
    fund = quote.maxFundAmountFen
    await openFromTab(page, '业务办理', '提前结清')
    await vis(page, '.settle__start').waitFor()
    await settled(page)
    await expect(rowValue(page, '应还总额').textContent()).resolves.toBe(yuanText(total))
    await shot(page, 'loan-18-settle-facts')
    await vis(page, '.settle__start').tap()
    await vis(page, '.settle__fund input').fill(String(quote.balanceFen / 100 + 1))
    await expect(vis(page, '.field-error').textContent()).resolves.toMatch(/^支取金额不能超过/)
    await vis(page, '.settle__fund input').fill(formatYuan(fund).replaceAll(',', ''))
    await expect(vis(page, '.settle__own').textContent()).resolves.toContain(yuanText(total - fund))
    await shot(page, 'loan-19-settle-amount')
    await vis(page, '.settle__next').tap()
    await vis(page, '.settle__upload').waitFor()
    await expect(rowValue(page, '支取公积金还款金额').textContent()).resolves.toBe(yuanText(fund))
    await shot(page, 'loan-20-settle-check')
    await vis(page, '.settle__upload').tap()
    await uploadAndSubmit('loan-21-settle')
  })

  test('the reviewer approves; 我的贷款 shows 已结清', async () => {
    await loginReviewer(staff, altay)
    await reviewAndApprove(liu, 'loan-22-settle', '同意提前结清')
    await back(page) // 流程信息查询 → 业务办理
    await openFromTab(page, '账户查询', '我的贷款')
    await page.getByText('贷款状态：已结清').locator('visible=true').waitFor()
    await settled(page)
    await expect(vis(page, '.fund__balance').textContent()).resolves.toBe('0.00')
    await shot(page, 'loan-23-settled')
    const records = await apiGet<{ items: { type: { code: string }; remainingPrincipalFen: number }[] }>(
      token,
      '/api/loan/repayments',
    )
    expect(records.items.filter((r) => r.type.code === '06')).toHaveLength(1)
  })
})
