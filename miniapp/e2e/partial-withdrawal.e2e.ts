import { formatYuan } from '@gjj/shared/money'
import { maskBankCard } from '@gjj/shared/validation'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoBankCard, demoPeople, demoStaff } from '../../functions/src/seed/demo'
import {
  back,
  fenOf,
  hasClass,
  launch,
  openFromTab,
  phone,
  popupSettled,
  rowValue,
  settled,
  shot,
  shotAt,
  skipAfterFailure,
  tapText,
  vis,
} from './browser'
import { docImage, pdf, type Upload, uploadTo } from './files'
import {
  apiGet,
  approve,
  closeNotice,
  loginDepositor,
  loginReviewer,
  openFundAccount,
  openNotice,
  queueItem,
  reviewThumbsLoaded,
  submitForApproval,
} from './people'

/**
 * The partial withdrawals as people would do them (manual 5.2.1.3 – 5.2.1.5, BUSINESS-RULES
 * "Withdrawals"): they take their own 提取信息 first, then 【下一步】 to 提取金额 and 收款银行账号.
 *
 * 阿依古丽·买买提 (阿勒泰, no loan) applies for 房租提取: the rent information, an amount above the
 * kind's 可提取金额上限 and one above 月租金 × 租房月数 (both refused in Chinese, nothing saved), a
 * valid amount, her bank card on file, the 须知, the rent archive (身份证, 房屋租赁合同, 租金发票
 * 必传; 无房声明 非必传), 提交中心审批; 我的业务 → 我发起的 lists it as 待审批; the 阿勒泰 reviewer
 * approves it and her balance falls by exactly the amount.
 *
 * 王冬冬 (阿勒泰, with a provident fund loan) sees 房租提取 and 物业管理费提取 greyed with the reason,
 * 偿还购房贷款本息提取 open with its limit (balance and loan owed), and walks its 提取信息 to the
 * amount and bank card step.
 */
const aygul = demoPeople[1] as (typeof demoPeople)[number]
const wang = demoPeople[0] as (typeof demoPeople)[number]
const reviewer = demoStaff[0]
const LOAN_ONLY = '您有未结清的公积金贷款，仅可办理偿还购房贷款本息提取'

const RENT_ADDRESS = '阿勒泰市团结路 18 号 2 栋 301 室'
const MONTHLY_RENT_FEN = 120_000
const RENT_MONTHS = 6
/** 月租金 (≤ the 1,500 元 monthly cap) × 租房月数: the most this rent application may take */
const RENT_CAP_FEN = MONTHLY_RENT_FEN * RENT_MONTHS
const AMOUNT_FEN = 360_050

let browser: Browser
let context: BrowserContext
/** the depositor's phone (a new one for each person) */
let page: Page
/** the reviewer's own browser session */
let staff: Page

/** 1234567 → "12,345.67" (as the pages show amounts) */
const yuanText = (fen: number) => formatYuan(fen)

beforeAll(async () => {
  browser = await launch()
  ;({ page: staff } = await phone(browser))
})

/** the steps build on each other: after one fails, the rest of its person are skipped instead of timing out */
const resetFailure = skipAfterFailure('partial', () => ({ depositor: page, reviewer: staff }))

afterAll(async () => {
  await browser?.close()
})

/** the error under a labelled field of the visible form ('' when none) */
const fieldError = (p: Page, label: string) =>
  p
    .locator('.form-field')
    .filter({ has: p.locator('.form-field__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('visible=true')
    .first()
    .locator('.field-error')

type KindsAnswer = {
  balanceFen: number
  kinds: { kind: string; eligible: boolean; ineligibleReason: string | null; maxAmountFen: number }[]
}

/** a new phone; logs the person in; returns the token */
async function logIn(person: (typeof demoPeople)[number], method: 'alipay' | 'face' = 'alipay'): Promise<string> {
  ;({ context, page } = await phone(browser))
  return loginDepositor(page, person, undefined, method)
}

/** 业务办理 → 我要提取 */
async function openKinds() {
  await openFromTab(page, '业务办理', '我要提取')
  await vis(page, '.kind--rent').waitFor()
  await settled(page)
}

/** 账户查询 → 公积金账户查询: the balance shown, in fen */
async function fundBalanceShown(): Promise<number> {
  await openFundAccount(page)
  return fenOf(await vis(page, '.fund__balance').textContent())
}

describe('房租提取 by 阿依古丽·买买提 (no loan), approved at 阿勒泰', () => {
  let token = ''
  let balanceBefore = 0
  let applicationId = ''
  const card = demoBankCard(aygul, '')
  const cardShown = `${card.bankName} ${maskBankCard(card.cardNo)}`
  let files: { idFront: Upload; idBack: Upload; lease: Upload; invoice: Upload }

  test('she logs in (首次登录验证 刷脸登录) and notes her balance in 公积金账户查询', async () => {
    files = {
      idFront: await docImage(browser, '身份证人像面.png', '居民身份证 人像面', 'image/png', 210),
      idBack: await docImage(browser, '身份证国徽面.jpg', '居民身份证 国徽面', 'image/jpeg', 20),
      lease: { name: 'lease-contract.pdf', mimeType: 'application/pdf', buffer: pdf('Lease contract (test sample)') },
      invoice: await docImage(browser, '租金发票.jpg', '租金发票 2025', 'image/jpeg', 40),
    }
    token = await logIn(aygul)
    balanceBefore = await fundBalanceShown()
    const { account } = await apiGet<{ account: { balanceFen: number } }>(token, '/api/account?limit=1')
    expect(balanceBefore).toBe(account.balanceFen)
    expect(balanceBefore).toBeGreaterThan(AMOUNT_FEN)
    await shot(page, 'partial-01-fund-before')
    await back(page)
  })

  test('业务办理 → 我要提取: 房租提取 open with its 可提取金额上限 (1,500 元 × 12 个月, within the balance)', async () => {
    await openKinds()
    const rent = vis(page, '.kind--rent')
    await expect(hasClass(rent, 'kind--off')).resolves.toBe(false)
    await expect(rent.locator('.kind__name').textContent()).resolves.toBe('房租提取')
    const limit = Math.min(balanceBefore - 1, 150_000 * 12)
    await expect(rent.locator('.kind__limit').textContent()).resolves.toBe(`${yuanText(limit)} 元`)
    const api = await apiGet<KindsAnswer>(token, '/api/withdrawal-kinds')
    expect(api.kinds.find((k) => k.kind === 'rent')?.maxAmountFen).toBe(limit)
    // no loan: every partial kind is open to her
    for (const kind of ['propertyFee', 'loanRepayment']) {
      await expect(hasClass(vis(page, `.kind--${kind}`), 'kind--off')).resolves.toBe(false)
    }
    await expect(vis(page, '.wd-banner__value').textContent().then(fenOf)).resolves.toBe(balanceBefore)
    await shot(page, 'partial-02-kinds')
    await rent.tap()
  })

  test('① 提取信息: 【下一步】 with nothing typed names each missing field, then she fills them in', async () => {
    await vis(page, '.apply__next').waitFor()
    await settled(page)
    await expect(vis(page, '.apply__step--on').textContent()).resolves.toBe('① 提取信息')
    const labels = await page.locator('.form-field__label').locator('visible=true').allTextContents()
    expect(labels).toEqual(['租房地址', '月租金（元）', '租房月数'])
    await vis(page, '.apply__next').tap()
    await expect(fieldError(page, '租房地址').textContent()).resolves.toBe('请输入租房地址')
    await expect(fieldError(page, '月租金（元）').textContent()).resolves.toMatch(/月租金/)
    await expect(fieldError(page, '租房月数').textContent()).resolves.toBe('请输入月数')
    await shot(page, 'partial-03-rent-info-errors')

    await vis(page, '.apply__rentAddress input').fill(RENT_ADDRESS)
    await vis(page, '.apply__monthlyRent input').fill(String(MONTHLY_RENT_FEN / 100))
    await vis(page, '.apply__months input').fill(String(RENT_MONTHS))
    await expect(page.locator('.field-error').locator('visible=true').count()).resolves.toBe(0)
    await shot(page, 'partial-04-rent-info')
    await vis(page, '.apply__next').tap()
  })

  test('② 提取金额: an amount above the limit is refused in Chinese and nothing is saved', async () => {
    await vis(page, '.apply__amount input').waitFor()
    await page.waitForTimeout(300)
    await expect(vis(page, '.apply__step--on').textContent()).resolves.toBe('② 提取金额')
    await expect(rowValue(page, '租房地址').textContent()).resolves.toBe(RENT_ADDRESS)
    await expect(rowValue(page, '租房月数').textContent()).resolves.toBe(`${RENT_MONTHS} 个月`)
    await expect(rowValue(page, '月租金').textContent()).resolves.toBe(`${yuanText(MONTHLY_RENT_FEN)} 元`)
    // the limit follows what she typed: 月租金 × 租房月数, below the kind's 18,000 元
    await expect(vis(page, '.form-field__hint').textContent()).resolves.toBe(
      `可提取金额上限 ${yuanText(RENT_CAP_FEN)} 元`,
    )

    // one fen above it: refused on the phone, in the words the center uses
    await vis(page, '.apply__amount input').fill(yuanText(RENT_CAP_FEN + 1).replaceAll(',', ''))
    await vis(page, '.apply__upload').tap()
    await expect(fieldError(page, '提取金额（元）').textContent()).resolves.toBe(
      `房租提取金额不能超过${yuanText(RENT_CAP_FEN)}元（每月最多1,500.00元）`,
    )
    await expect(fieldError(page, '收款银行账号').textContent()).resolves.toBe('请选择收款银行账号')
    await shot(page, 'partial-05-amount-over-limit')
    // nothing was saved: no withdrawal of his (loan-business.e2e.ts's 提前还本 of his may run meanwhile)
    const mine = await apiGet<{ items: { kind: string }[] }>(token, '/api/applications')
    expect(mine.items.filter((a) => a.kind === 'loanRepayment')).toEqual([])
  })

  test('she chooses her bank card on file (中国建设银行) with 【确定】', async () => {
    await vis(page, '.wd-select').tap()
    const item = vis(page, '.wd-cards__item', maskBankCard(card.cardNo))
    await item.waitFor()
    await popupSettled(page)
    await expect(page.locator('.wd-cards__item').locator('visible=true').count()).resolves.toBe(1)
    await item.tap()
    await shot(page, 'partial-06-card-list')
    await vis(page, '.wd-cards__confirm').tap()
    await vis(page, '.wd-select', cardShown).waitFor()
    await vis(page, '.wd-cards__confirm').waitFor({ state: 'hidden' })
    await expect(fieldError(page, '收款银行账号').count()).resolves.toBe(0)
  })

  test('with her card chosen, an amount above 月租金 × 租房月数 is still refused; nothing is saved', async () => {
    await vis(page, '.apply__amount input').fill(yuanText(RENT_CAP_FEN + 1).replaceAll(',', ''))
    await vis(page, '.apply__upload').tap()
    await fieldError(page, '提取金额（元）').waitFor()
    await expect(fieldError(page, '提取金额（元）').textContent()).resolves.toBe(
      `房租提取金额不能超过${yuanText(RENT_CAP_FEN)}元（每月最多1,500.00元）`,
    )
    expect(page.url()).toContain('/withdraw/apply/')
    await shot(page, 'partial-07-amount-over-rent')
    // nothing was saved: no withdrawal of his (loan-business.e2e.ts's 提前还本 of his may run meanwhile)
    const mine = await apiGet<{ items: { kind: string }[] }>(token, '/api/applications')
    expect(mine.items.filter((a) => a.kind === 'loanRepayment')).toEqual([])

    await vis(page, '.apply__amount input').fill(yuanText(AMOUNT_FEN).replaceAll(',', ''))
    await expect(fieldError(page, '提取金额（元）').count()).resolves.toBe(0)
  })

  test('she reads 《房租提取须知》 and taps 我知道了', async () => {
    await expect(vis(page, '.wd-notice-link__state').textContent()).resolves.toBe('请阅读后提交')
    await shot(page, 'partial-08-amount-valid')
    await openNotice(page)
    const notice = (await vis(page, '.wd-notice').textContent()) ?? ''
    expect(notice).toContain('没有住房公积金贷款')
    expect(notice).toContain('1,500.00元')
    expect(notice).toContain('无房声明可选上传')
    await shot(page, 'partial-09-notice')
    await closeNotice(page)
    await expect(vis(page, '.wd-notice-link__state').textContent()).resolves.toBe('已阅读')
  })

  test('【上传档案】 lists the rent archive: 身份证, 房屋租赁合同, 租金发票 必传; 无房声明 非必传', async () => {
    await vis(page, '.apply__upload').tap()
    await vis(page, '#archive-idCard').waitFor()
    await settled(page)
    applicationId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
    expect(applicationId).not.toBe('')
    const categories = await page
      .locator('.archive__head')
      .locator('visible=true')
      .evaluateAll((heads) =>
        heads.map((h) => [h.querySelector('.archive__name')?.textContent, h.querySelector('.tag')?.textContent]),
      )
    expect(categories).toEqual([
      ['身份证', '必传'],
      ['房屋租赁合同', '必传'],
      ['租金发票', '必传'],
      ['无房声明', '非必传'],
    ])
    await expect(vis(page, '.upload__intro').textContent()).resolves.toContain('房租提取')
    await expect(vis(page, '.upload__missing').textContent()).resolves.toBe(
      '请上传必传档案：身份证、房屋租赁合同、租金发票',
    )
    await expect(hasClass(vis(page, '.upload__submit'), 'nut-button-disabled')).resolves.toBe(true)
    await shot(page, 'partial-10-upload-empty')
  })

  test('she uploads 身份证 (two images), 房屋租赁合同 (a PDF) and 租金发票 (an image)', async () => {
    await uploadTo(page, 'idCard', '上传图片', [files.idFront, files.idBack])
    await uploadTo(page, 'leaseContract', '上传PDF', [files.lease])
    await expect(hasClass(vis(page, '.upload__submit'), 'nut-button-disabled')).resolves.toBe(true)
    await expect(vis(page, '.upload__missing').textContent()).resolves.toBe('请上传必传档案：租金发票')
    await uploadTo(page, 'rentInvoice', '上传图片', [files.invoice])

    await expect(page.locator('#archive-idCard .archive__thumb').locator('visible=true').count()).resolves.toBe(2)
    await expect(vis(page, '#archive-leaseContract .archive__file-name').textContent()).resolves.toBe(
      'lease-contract.pdf',
    )
    await expect(vis(page, '#archive-rentInvoice .archive__file-name').textContent()).resolves.toBe('租金发票.jpg')
    // the optional 无房声明 stays empty without a 未上传 warning
    const optional = vis(page, '#archive-noHomeStatement')
    await expect(optional.locator('.archive__count').textContent()).resolves.toBe('')
    await expect(optional.locator('.archive__file').count()).resolves.toBe(0)
    await expect(page.locator('.upload__missing').locator('visible=true').count()).resolves.toBe(0)
    await expect(hasClass(vis(page, '.upload__submit'), 'nut-button-disabled')).resolves.toBe(false)
    await page.waitForFunction(() =>
      ([...document.querySelectorAll('.archive__thumb img')] as HTMLImageElement[])
        .filter((i) => i.offsetParent !== null)
        .every((i) => i.complete && i.naturalWidth > 0),
    )
    await shot(page, 'partial-11-uploaded-top')
    await shotAt(page, '.upload__submit', 'partial-12-uploaded-bottom')
  })

  test('提交中心审批 → 确定: 流程信息查询 shows 待审批 with her rent information', async () => {
    await submitForApproval(page, 'partial-13-submit-confirm')
    await vis(page, '.timeline__item').waitFor({ timeout: 15_000 })
    await settled(page)
    await expect(rowValue(page, '业务类型').textContent()).resolves.toBe('房租提取')
    await expect(rowValue(page, '申请编号').textContent()).resolves.toBe(applicationId)
    await expect(rowValue(page, '办理状态').textContent()).resolves.toBe('待审批')
    await expect(rowValue(page, '租房地址').textContent()).resolves.toBe(RENT_ADDRESS)
    await expect(rowValue(page, '月租金').textContent()).resolves.toBe(`${yuanText(MONTHLY_RENT_FEN)} 元`)
    await expect(rowValue(page, '租房月数').textContent()).resolves.toBe(`${RENT_MONTHS} 个月`)
    await expect(rowValue(page, '提取金额').textContent().then(fenOf)).resolves.toBe(AMOUNT_FEN)
    await expect(rowValue(page, '收款银行账号').textContent()).resolves.toBe(cardShown)
    await expect(rowValue(page, '无房声明').textContent()).resolves.toBe('未上传（非必传）')
    await expect(rowValue(page, '身份证').textContent()).resolves.toBe('2个文件')
    const steps = await page.locator('.timeline__item .timeline__action').locator('visible=true').allTextContents()
    expect(steps).toEqual(['提交中心审批', '填写申请'])
    await shot(page, 'partial-14-submitted')
    await shotAt(page, '.timeline', 'partial-15-submitted-timeline')
  })

  test('我要提取 shows 房租提取 办理中; 我的业务 → 我发起的 lists it as 待审批', async () => {
    await back(page) // 流程信息查询 → 我要提取
    const rent = vis(page, '.kind--rent')
    await vis(page, '.kind--rent .tag', '办理中').waitFor()
    await expect(rent.locator('.kind__sub').textContent()).resolves.toBe('您有正在办理的申请，点击查看办理进度')
    await shot(page, 'partial-16-kinds-in-progress')
    await back(page) // → 业务办理
    await tapText(page, '我的业务')
    await vis(page, '.nut-tabs').waitFor()
    await settled(page)
    await expect(vis(page, '.empty').textContent()).resolves.toBe('暂无待办事项')
    await tapText(page, '我发起的')
    const item = vis(page, '.app-card', '房租提取')
    await item.waitFor()
    await page.waitForTimeout(300)
    await expect(item.locator('.app-card__head').textContent()).resolves.toBe('房租提取待审批')
    await expect(item.textContent().then(fenOf)).resolves.toBe(AMOUNT_FEN)
    await expect(page.locator('.app-card').locator('visible=true').count()).resolves.toBe(1)
    await shot(page, 'partial-17-mine')
  })

  test('the 阿勒泰 reviewer sees her rent information and approves it', async () => {
    await loginReviewer(staff, reviewer)
    const item = queueItem(staff, aygul)
    await item.waitFor({ timeout: 15_000 })
    await settled(staff)
    await expect(item.textContent()).resolves.toContain('房租提取')
    await item.tap()
    await vis(staff, '.review-bar__button', '审批通过').waitFor()
    await settled(staff)
    await expect(vis(staff, '.summary__amount-value').textContent().then(fenOf)).resolves.toBe(AMOUNT_FEN)
    await expect(rowValue(staff, '租房地址').textContent()).resolves.toBe(RENT_ADDRESS)
    await shot(staff, 'partial-18-admin-detail')
    await vis(staff, '.review .archive__thumb').scrollIntoViewIfNeeded()
    await reviewThumbsLoaded(staff, 3)
    await approve(staff, '租赁合同与发票齐全，同意提取', { approved: 'partial-19-admin-approved' })
  })

  test('公积金账户查询: the balance has fallen by exactly the amount, with a 部分提取 entry; the API agrees', async () => {
    await back(page) // 我的业务 → 业务办理
    const after = await fundBalanceShown()
    expect(after).toBe(balanceBefore - AMOUNT_FEN)
    const newest = vis(page, '.expand')
    await expect(newest.locator('.expand__title').textContent()).resolves.toBe('部分提取')
    await expect(newest.locator('.expand__amount').textContent().then(fenOf)).resolves.toBe(-AMOUNT_FEN)
    await newest.locator('.expand__head').tap()
    await expect(rowValue(page, '余额').textContent().then(fenOf)).resolves.toBe(after)
    await expect(rowValue(page, '摘要').textContent()).resolves.toBe(`房租提取（申请 ${applicationId}）`)
    await shot(page, 'partial-20-fund-after')

    const { account } = await apiGet<{ account: { balanceFen: number; status: { code: string } } }>(
      token,
      '/api/account?limit=1',
    )
    expect(account.balanceFen).toBe(balanceBefore - AMOUNT_FEN)
    expect(account.status.code).toBe('01')
    const mine = await apiGet<{ items: { id: string; status: string; amountFen: number }[] }>(
      token,
      '/api/applications',
    )
    expect(mine.items.map((a) => [a.id, a.status, a.amountFen])).toEqual([[applicationId, 'approved', AMOUNT_FEN]])
    await context.close()
  })
})

describe('王冬冬 (provident fund loan): only 偿还购房贷款本息提取', () => {
  let token = ''
  let limit = 0
  const card = demoBankCard(wang, '')

  beforeAll(() => {
    resetFailure() // his walk does not depend on hers
  })

  test('he logs in (首次登录验证 刷脸登录)', async () => {
    // account.e2e.ts logs him in with 支付宝登录 from its own browser; 刷脸登录 here
    token = await logIn(wang, 'face')
  })

  test('我要提取: 房租提取 and 物业管理费提取 greyed with the reason, 偿还购房贷款本息提取 open with its limit', async () => {
    await openKinds()
    for (const kind of ['rent', 'propertyFee']) {
      const row = vis(page, `.kind--${kind}`)
      await expect(hasClass(row, 'kind--off'), kind).resolves.toBe(true)
      await expect(row.locator('.kind__reason').textContent()).resolves.toBe(LOAN_ONLY)
      await expect(row.locator('.kind__arrow').count()).resolves.toBe(0)
    }
    const loan = vis(page, '.kind--loanRepayment')
    await expect(hasClass(loan, 'kind--off')).resolves.toBe(false)
    await expect(loan.locator('.kind__name').textContent()).resolves.toBe('偿还购房贷款本息提取')

    // the limit: balance less 0.01 元, and no more than the loan still owed (principal + overdue interest and 罚息)
    const kinds = await apiGet<KindsAnswer>(token, '/api/withdrawal-kinds')
    const { loan: l } = await apiGet<{ loan: { remainingPrincipalFen: number } }>(token, '/api/loan')
    const overdue = await apiGet<{ items: { interestFen: number; penaltyFen: number }[] }>(token, '/api/loan/overdue')
    const owed = l.remainingPrincipalFen + overdue.items.reduce((s, o) => s + o.interestFen + o.penaltyFen, 0)
    limit = Math.min(kinds.balanceFen - 1, owed, 30_000_000 - 1)
    expect(kinds.kinds.find((k) => k.kind === 'loanRepayment')?.maxAmountFen).toBe(limit)
    await expect(loan.locator('.kind__limit').textContent()).resolves.toBe(`${yuanText(limit)} 元`)
    await shot(page, 'partial-21-wang-kinds')

    // tapping a greyed kind only says why
    await vis(page, '.kind--rent').tap()
    const toast = page.locator('.taro__toast').getByText(LOAN_ONLY, { exact: true }).locator('visible=true')
    await toast.waitFor()
    await page.waitForTimeout(200)
    await shot(page, 'partial-22-wang-greyed-toast')
    expect(page.url()).toContain('/withdraw/kinds/')
    await toast.waitFor({ state: 'hidden', timeout: 5_000 })
    await loan.tap()
  })

  test('① 提取信息: 贷款来源; 商业贷款 asks for 贷款银行 and 借款合同编号; 本中心公积金贷款 goes on', async () => {
    await vis(page, '.apply__next').waitFor()
    await settled(page)
    await expect(vis(page, '.apply__step--on').textContent()).resolves.toBe('① 提取信息')
    await expect(vis(page, '.apply__loanSource').textContent()).resolves.toBe('本中心公积金贷款商业贷款')
    await shot(page, 'partial-23-wang-loan-info')
    await vis(page, '.apply__loanSource .nut-radio', '商业贷款').tap()
    await vis(page, '.apply__lenderName input').waitFor()
    await vis(page, '.apply__next').tap()
    await expect(fieldError(page, '贷款银行').textContent()).resolves.toBe('请输入贷款银行')
    await expect(fieldError(page, '借款合同编号').textContent()).resolves.toBe('请输入借款合同编号')
    await shot(page, 'partial-24-wang-commercial-errors')
    await vis(page, '.apply__loanSource .nut-radio', '本中心公积金贷款').tap()
    await vis(page, '.apply__lenderName input').waitFor({ state: 'detached' })
    await vis(page, '.apply__next').tap()
  })

  test('② 提取金额: his limit, an amount above it refused, his bank card chosen', async () => {
    await vis(page, '.apply__amount input').waitFor()
    await page.waitForTimeout(300)
    await expect(vis(page, '.apply__step--on').textContent()).resolves.toBe('② 提取金额')
    await expect(rowValue(page, '贷款来源').textContent()).resolves.toBe('本中心公积金贷款')
    await expect(vis(page, '.form-field__hint').textContent()).resolves.toBe(`可提取金额上限 ${yuanText(limit)} 元`)
    await vis(page, '.apply__amount input').fill(yuanText(limit + 1).replaceAll(',', ''))
    await vis(page, '.apply__upload').tap()
    // his limit is the 300,000 元 counter threshold: the amount that reaches it goes to the counter
    await expect(fieldError(page, '提取金额（元）').textContent()).resolves.toBe(
      limit + 1 === 30_000_000
        ? '提取金额达到300,000.00元，请携带材料到中心柜台办理'
        : `金额不能超过可提取金额上限${yuanText(limit)}元`,
    )

    await vis(page, '.wd-select').tap()
    const item = vis(page, '.wd-cards__item', maskBankCard(card.cardNo))
    await item.waitFor()
    await popupSettled(page)
    await item.tap()
    await vis(page, '.wd-cards__confirm').tap()
    await vis(page, '.wd-select', `${card.bankName} ${maskBankCard(card.cardNo)}`).waitFor()
    await vis(page, '.wd-cards__confirm').waitFor({ state: 'hidden' })
    await expect(vis(page, '.wd-notice-link__title').textContent()).resolves.toBe('《偿还购房贷款本息提取须知》')
    await page.waitForTimeout(300)
    await shot(page, 'partial-25-wang-amount')
    // nothing was saved: no withdrawal of his (loan-business.e2e.ts's 提前还本 of his may run meanwhile)
    const mine = await apiGet<{ items: { kind: string }[] }>(token, '/api/applications')
    expect(mine.items.filter((a) => a.kind === 'loanRepayment')).toEqual([])
    await context.close()
  })
})
