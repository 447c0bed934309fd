import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chinaToday } from '@gjj/shared/clock'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoPeople, demoStaff } from '../../functions/src/seed/demo'
import { pdfText, renderAndReadQr } from '../../functions/test/pdf'
import {
  launch,
  openFromTab,
  phone,
  rowValue,
  screenshotDir,
  settled,
  shot,
  skipAfterFailure,
  tab,
  tapText,
  vis,
  webUrl,
} from './browser'
import { loginDepositor, loginReviewer } from './people'

/**
 * Issue 15 as people would do it: 张建国 (retired, 阿勒泰) issues a 缴存使用证明 and a 提取业务回单
 * for last year's approved 物业管理费提取; the PDF's QR code, read from the rendered page, opens the
 * public verification page in a browser with no login, which says 真实有效; a changed code says
 * 无法验证. The 阿勒泰 reviewer annuls the 缴存证明 from the console (证明作废), and the same
 * address then says 已作废. Then 张建国's 年度账单 for last year (a retiree's: 提取 and 结息), and
 * 王冬冬's, full (twelve deposits, 结息, repayments), with a chart and a shareable picture drawn at
 * the device pixel ratio.
 */
const zhang = demoPeople[2] as (typeof demoPeople)[number]
/** 阿勒泰, 正常, deposits every month up to last month and repays a loan: a full 年度账单 (decision 83) */
const wang = demoPeople[0] as (typeof demoPeople)[number]
const altayReviewer = demoStaff[0]
const lastYear = Number(chinaToday().slice(0, 4)) - 1

let browser: Browser
let page: Page
/** a bank clerk's phone: no login, no session */
let clerk: Page
/** the 阿勒泰 reviewer's console */
let staff: Page
let verifyUrl = ''
let depositNumber = ''

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
  ;({ page: clerk } = await phone(browser))
  ;({ page: staff } = await phone(browser))
})
afterAll(async () => {
  await browser?.close()
})
skipAfterFailure('docs', () => ({ depositor: page, clerk, staff }))

type Issued = { number: string; verificationCode: string; pdfUrl: string; verifyUrl: string; sha256: string }

async function issueChosen(name: string): Promise<Issued> {
  const answer = page.waitForResponse((r) => r.url().includes('/api/documents') && r.request().method() === 'POST')
  await vis(page, '.nut-button', '开具证明').tap()
  const res = await answer
  expect(res.status()).toBe(200)
  const issued = (await res.json()) as Issued
  await vis(page, '.docs__result').waitFor()
  await settled(page)
  await shot(page, name)
  return issued
}

async function pdfOf(issued: Issued): Promise<Uint8Array> {
  const res = await fetch(issued.pdfUrl)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

describe('电子证明', () => {
  test('张建国 issues a 缴存使用证明 from 我 → 证明开具', async () => {
    await loginDepositor(page, zhang, undefined, 'face')
    await tab(page, '我')
    await vis(page, '.nut-cell', '证明开具').waitFor()
    await settled(page)
    await vis(page, '.nut-cell', '证明开具').tap()
    await vis(page, '.docs__kind').waitFor()
    await settled(page)
    await shot(page, 'docs-01-choose')
    const issued = await issueChosen('docs-02-deposit-issued')
    await expect(vis(page, '.docs__result').textContent()).resolves.toContain(issued.number)
    await expect(rowValue(page, '姓名').textContent()).resolves.toBe(zhang.name)

    const bytes = await pdfOf(issued)
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024)
    const { text } = await pdfText(bytes)
    expect(text).toContain('个人住房公积金缴存使用证明')
    expect(text).toContain(zhang.accountNo)
    verifyUrl = (await renderAndReadQr(bytes, 'docs-03-deposit-pdf')) ?? ''
    expect(verifyUrl).toBe(issued.verifyUrl)
    depositNumber = issued.number
  })

  test('the QR code’s address opens the public verification page: 真实有效', async () => {
    await clerk.goto(verifyUrl)
    await vis(clerk, '.docs__status-word').waitFor()
    await settled(clerk)
    await expect(vis(clerk, '.docs__status-word').textContent()).resolves.toBe('真实有效')
    await expect(rowValue(clerk, '个人账号').textContent()).resolves.toBe(zhang.accountNo)
    await shot(clerk, 'docs-04-verify-valid')
  })

  test('a changed code shows 无法验证', async () => {
    const url = new URL(verifyUrl)
    const code = /code=([0-9A-Z]{8})/.exec(url.hash)?.[1] as string
    const changed = `${code.slice(0, 7)}${code.endsWith('A') ? 'B' : 'A'}`
    url.hash = url.hash.replace(`code=${code}`, `code=${changed}`)
    await clerk.goto('about:blank')
    await clerk.goto(url.toString())
    await vis(clerk, '.docs__status-word').waitFor()
    await settled(clerk)
    await expect(vis(clerk, '.docs__status-word').textContent()).resolves.toBe('无法验证')
    await expect(clerk.getByText('真实有效').count()).resolves.toBe(0)
    await shot(clerk, 'docs-05-verify-changed-code')
  })

  test('张建国 issues a 提取业务回单 for last year’s approved 物业管理费提取', async () => {
    await vis(page, '.nut-button', '开具其他证明').tap()
    await vis(page, '.docs__kind', '提取业务回单：物业管理费提取').tap()
    const issued = await issueChosen('docs-06-receipt-issued')
    const { text } = await pdfText(await pdfOf(issued))
    expect(text).toContain('住房公积金提取业务回单')
    expect(text).toContain('物业管理费提取（0106）')
    expect(text).toContain('提取金额2,400.00元')
    expect(await renderAndReadQr(await pdfOf(issued), 'docs-07-receipt-pdf')).toBe(issued.verifyUrl)
  })
})

describe('证明作废', () => {
  test('the 阿勒泰 reviewer finds 张建国’s 缴存证明 by its number and annuls it with a reason', async () => {
    await loginReviewer(staff, altayReviewer)
    await vis(staff, '.console-nav__item--documents').waitFor()
    await settled(staff)
    await shot(staff, 'docs-10-console-bar')
    await vis(staff, '.console-nav__item--documents').tap()
    await vis(staff, '.doc-revoke__number').waitFor()
    await settled(staff)
    await vis(staff, '.doc-revoke__number input').fill(depositNumber)
    await vis(staff, '.doc-revoke__find').tap()
    await vis(staff, '.doc-revoke__doc').waitFor()
    await settled(staff)
    const card = vis(staff, '.doc-revoke__doc')
    await expect(card.textContent()).resolves.toContain('个人住房公积金缴存使用证明')
    await expect(card.textContent()).resolves.toContain('有效')
    await expect(card.textContent()).resolves.toContain(zhang.name)
    await expect(card.textContent()).resolves.toContain('阿勒泰地区住房公积金管理中心')
    await shot(staff, 'docs-10-revoke-found')

    // no reason: said under the box, nothing sent
    await vis(staff, '.doc-revoke__submit').tap()
    await vis(staff, '.field-error', '请填写作废原因').waitFor()
    await vis(staff, '.doc-revoke__reason textarea').fill('缴存人反映单位名称有误，已重新开具')
    await vis(staff, '.doc-revoke__submit').tap()
    await vis(staff, '.taro-modal__content', '确定作废吗').waitFor()
    await staff.waitForTimeout(300)
    await shot(staff, 'docs-11-revoke-confirm')
    await vis(staff, '.taro-modal__foot div', '作废').tap()
    await vis(staff, '.doc-revoke__doc .tag', '已作废').waitFor()
    await settled(staff)
    await expect(vis(staff, '.doc-revoke__doc').textContent()).resolves.toContain('缴存人反映单位名称有误，已重新开具')
    await expect(staff.locator('.doc-revoke__submit').count()).resolves.toBe(0)
    await staff.waitForTimeout(1600) // the result toast
    await shot(staff, 'docs-12-revoked')
  })

  test('the QR code’s address now shows 已作废', async () => {
    await clerk.goto('about:blank')
    await clerk.goto(verifyUrl)
    await vis(clerk, '.docs__status-word').waitFor()
    await settled(clerk)
    await expect(vis(clerk, '.docs__status-word').textContent()).resolves.toBe('已作废')
    await expect(clerk.getByText('真实有效').count()).resolves.toBe(0)
    await shot(clerk, 'docs-13-verify-revoked')
  })
})

describe('年度账单', () => {
  test('last year’s statement with its chart and the shareable picture', async () => {
    // from the 证明开具 page (no tab bar there) to 账户查询 → 公积金账户查询
    await page.goto(webUrl('/pages/account/index'))
    await settled(page)
    await openFromTab(page, '账户查询', '公积金账户查询')
    await vis(page, '.fund__annual').waitFor()
    await settled(page)
    await vis(page, '.fund__annual').tap()
    await vis(page, '.annual__years', `${lastYear}年度账单`).waitFor()
    await vis(page, '.rows').waitFor()
    await settled(page)
    await expect(rowValue(page, '提取').textContent()).resolves.toContain('2,400.00 元')
    await expect(rowValue(page, '年度结息').textContent()).resolves.toContain(`${lastYear}-07-01`)
    // the chart is drawn: the canvas holds the axis labels and the legend, not a blank rectangle
    const inked = await page.evaluate(() => {
      const c = [...document.querySelectorAll('canvas')].find((x) => x.closest('.annual__chart')) as HTMLCanvasElement
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray()
      let n = 0
      for (let i = 0; i < d.length; i += 4) if ((d[i] as number) < 200) n++
      return n
    })
    expect(inked).toBeGreaterThan(200)
    await shot(page, 'docs-08-annual')
    await vis(page, '.nut-button', '生成分享图片').tap()
    await vis(page, '.annual__share-image').waitFor()
    await vis(page, '.annual__share-image').scrollIntoViewIfNeeded()
    await shot(page, 'docs-09-annual-share')
    await tapText(page, `‹ ${lastYear - 1}年`)
    await vis(page, '.annual__years', `${lastYear - 1}年度账单`).waitFor()
  })

  test('王冬冬’s last year: twelve deposits, the interest of June 30, repayments; a sharp chart and picture', async () => {
    const { page: own } = await phone(browser)
    await loginDepositor(own, wang, undefined, 'face')
    await openFromTab(own, '账户查询', '公积金账户查询')
    await vis(own, '.fund__annual').waitFor()
    await settled(own)
    const answer = own.waitForResponse((r) => r.url().includes(`/api/account/annual-statement?year=${lastYear}`))
    await vis(own, '.fund__annual').tap()
    const statement = (await (await answer).json()) as {
      months: { month: number; depositFen: number }[]
      interestFen: number
      loanRepaymentFen: number
    }
    expect(statement.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(statement.months.every((m) => m.depositFen > 0)).toBe(true)
    expect(statement.interestFen).toBeGreaterThan(0)
    expect(statement.loanRepaymentFen).toBeGreaterThan(0)
    await vis(own, '.rows').waitFor()
    await settled(own)
    await expect(rowValue(own, '年度结息').textContent()).resolves.toContain(`${lastYear}-07-01`)
    await expect(rowValue(own, '全年缴存').textContent()).resolves.not.toMatch(/^0\.00/)

    // the chart at the device pixel ratio (2 here), with ink in each of the twelve columns' region
    const chart = await own.evaluate(() => {
      const c = [...document.querySelectorAll('canvas')].find((x) => x.closest('.annual__chart')) as HTMLCanvasElement
      return { width: c.width, css: c.getBoundingClientRect().width, ratio: window.devicePixelRatio }
    })
    expect(chart.ratio).toBe(2)
    expect(chart.width).toBe(Math.round(chart.css * 2))
    await shot(own, 'docs-14-annual-full')

    await vis(own, '.nut-button', '生成分享图片').tap()
    await vis(own, '.annual__share-image').waitFor()
    await vis(own, '.annual__share-image').scrollIntoViewIfNeeded()
    await own.waitForFunction(() => {
      const img = document.querySelector('.annual__share-image img') as HTMLImageElement | null
      return Boolean(img?.complete && img.naturalWidth > 0)
    })
    const picture = await own.evaluate(() => {
      const img = document.querySelector('.annual__share-image img') as HTMLImageElement
      return {
        natural: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        css: img.getBoundingClientRect().width,
        src: img.src,
      }
    })
    expect(picture.css).toBe(300)
    expect(picture.natural).toBe(2 * picture.css)
    expect(picture.naturalHeight).toBe(800)
    // the PNG itself, to look at
    writeFileSync(
      join(screenshotDir, 'docs-15-share-image.png'),
      Buffer.from(picture.src.replace(/^data:image\/png;base64,/, ''), 'base64'),
    )
    await settled(own)
    await shot(own, 'docs-16-annual-full-share')
  })
})
