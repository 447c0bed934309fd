import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoPeople } from '../../functions/src/seed/demo'
import { fenOf, launch, phone, settled, shot, skipAfterFailure, vis } from './browser'
import { apiGet, loginDepositor, openFundAccount } from './people'

/**
 * Issue 16 as 李娜 would meet it: the 乌鲁木齐 depositor with a 封存 account and a 2019 购房提取
 * opens 公积金账户查询 and scrolls through her whole 缴存明细, page after page with 查看更多, back
 * to her account's first entry in 2013. Every page loads (no 500 past 2020), the rows come newest
 * first, and each balance follows from the one before.
 */
const li = demoPeople.find((p) => p.name === '李娜') as (typeof demoPeople)[number]

type Entry = { id: string; date: string; amountFen: number; balanceFen: number; type: { code: string } }

let browser: Browser
let page: Page
let token = ''

beforeAll(async () => {
  browser = await launch()
  ;({ page } = await phone(browser))
})

afterAll(async () => {
  await browser?.close()
})

skipAfterFailure('history', () => ({ depositor: page }))

/** every entry of the caller's history through the API, newest first */
async function wholeHistory(): Promise<Entry[]> {
  const items: Entry[] = []
  let cursor: string | null = null
  do {
    const page: { items: Entry[]; nextCursor: string | null } = await apiGet(
      token,
      `/api/account/history?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

/** the rows of the visible 缴存明细: date and amount as shown */
const shownRows = (p: Page) =>
  p.locator('.fund .expand__head').evaluateAll((heads) =>
    heads
      .filter((h) => (h as HTMLElement).offsetParent !== null)
      .map((h) => ({
        date: h.querySelector('.expand__subtitle')?.textContent ?? '',
        amount: h.querySelector('.expand__amount')?.textContent ?? '',
      })),
  )

describe('李娜 scrolls through her whole deposit history', () => {
  test('logs in at 乌鲁木齐 and opens 公积金账户查询', async () => {
    token = await loginDepositor(page, li)
    await openFundAccount(page)
    await expect(vis(page, '.fund__meta').textContent()).resolves.toContain('封存')
    await shot(page, 'history-01-fund-top')
  })

  test('pages back with 查看更多 to her first entry in 2013, every page loading', async () => {
    const expected = await wholeHistory()
    expect(expected.at(-1)?.date).toBe(expected.map((e) => e.date).sort()[0])
    let taps = 0
    for (;;) {
      const footer = vis(page, '.list-footer')
      await footer.scrollIntoViewIfNeeded()
      const text = (await footer.textContent()) ?? ''
      if (text.includes('没有更多了')) break
      expect(text, 'the list stopped before its end').not.toContain('加载中')
      const before = await page.locator('.fund .expand').count()
      await footer.locator('.list-footer__more').tap()
      await page.waitForFunction(
        (n) => document.querySelectorAll('.fund .expand').length > n || !!document.querySelector('.load-error'),
        before,
      )
      await expect(page.locator('.load-error').count(), 'a page failed to load').resolves.toBe(0)
      taps += 1
      expect(taps).toBeLessThan(50)
    }
    await page.waitForTimeout(300)

    const rows = await shownRows(page)
    expect(rows.map((r) => r.date)).toEqual(expected.map((e) => e.date))
    expect(rows.map((r) => fenOf(r.amount))).toEqual(expected.map((e) => e.amountFen))
    expect(rows.at(-1)?.date).toMatch(/^2013-/)
    expect((rows.at(-1)?.date ?? '') >= li.openedOn).toBe(true)
    // the 2019 购房提取 is there, within the balance of its day
    const withdrawal = expected.find((e) => e.type.code === '11')
    expect(withdrawal?.date).toBe('2019-09-10')
    expect(withdrawal?.balanceFen).toBeGreaterThanOrEqual(0)
    await shot(page, 'history-02-first-entries-2013')
  })

  test('the 2019 购房提取 opens with its balance', async () => {
    const row = vis(page, '.fund .expand', '2019-09-10')
    await row.scrollIntoViewIfNeeded()
    await row.locator('.expand__head').tap()
    await row.getByText('余额').waitFor()
    await settled(page)
    await row.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await expect(row.textContent()).resolves.toContain('-120,000.00')
    await shot(page, 'history-03-2019-withdrawal')
  })
})
