import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core'
import { afterEach, beforeEach, inject } from 'vitest'

/**
 * Debian's Chromium, driven by playwright-core (which gives every launch a fresh profile), at a
 * 375×812 phone viewport with touch.
 */
export const screenshotDir = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A phone with a fresh profile. Unless `freshPrivacy`, the device has already agreed to the
 * current 隐私声明 (Taro's H5 storage: `{ data }` as JSON), so the first-open consent does not
 * stand in front of what a test is about; `privacy.e2e.ts` opens without it. `options` go to the
 * context as they are (geolocation, permissions).
 */
export async function phone(
  browser: Browser,
  { freshPrivacy = false, ...options }: { freshPrivacy?: boolean } & BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  })
  if (!freshPrivacy) {
    await context.addInitScript((version) => {
      if (!localStorage.getItem('gjj.privacy')) localStorage.setItem('gjj.privacy', JSON.stringify({ data: version }))
    }, PRIVACY_VERSION)
  }
  const page = await context.newPage()
  return { context, page }
}

export function webUrl(hashPath = ''): string {
  const { webUrl } = inject('e2e')
  return `${webUrl}/${hashPath ? `#${hashPath}` : ''}`
}

/** waits until Taro's page slide-in has settled (the current page at x = 0) */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = ([...document.querySelectorAll('.taro_page')] as HTMLElement[]).filter(
      (p) => getComputedStyle(p).display !== 'none',
    )
    return shown.length > 0 && shown.every((p) => Math.abs(p.getBoundingClientRect().x) < 1)
  })
  await page.waitForTimeout(300)
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/** waits until a NutUI popup has finished sliding in */
export async function popupSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const popup = ([...document.querySelectorAll('.nut-popup')] as HTMLElement[]).find(
      (p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().height > 0,
    )
    if (!popup) return false
    const { bottom } = popup.getBoundingClientRect()
    return Math.abs(bottom - window.innerHeight) < 1 && getComputedStyle(popup).transform === 'none'
  })
  await page.waitForTimeout(200)
}

/**
 * For steps that build on each other: once one fails, the rest are skipped instead of timing out,
 * and every page is screenshotted as `<prefix>-failed-<role>-<test>`. Returns a reset, for a later
 * group of steps that does not depend on the earlier ones.
 */
export function skipAfterFailure(prefix: string, pages: () => Record<string, Page>): () => void {
  let failed = false
  beforeEach((ctx) => {
    if (failed) ctx.skip()
  })
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return
    failed = true
    const name = ctx.task.name.slice(0, 20)
    for (const [role, p] of Object.entries(pages())) {
      await shot(p, `${prefix}-failed-${role}-${name}`).catch(() => undefined)
    }
  })
  return () => {
    failed = false
  }
}

/** the visible one of the elements (pages left behind stay in the DOM, hidden) */
export const vis = (p: Page, selector: string, hasText?: string | RegExp): Locator =>
  p
    .locator(selector, hasText ? { hasText } : {})
    .locator('visible=true')
    .first()

/** taps the visible element with exactly this text */
export async function tapText(p: Page, text: string): Promise<void> {
  await p.getByText(text, { exact: true }).locator('visible=true').first().tap()
}

/** taps an item of the tab bar */
export async function tab(p: Page, title: string): Promise<void> {
  await p.locator('[class*=tabbar]').getByText(title, { exact: true }).locator('visible=true').first().tap()
}

/** taps an item of the tab bar, then, once that page has settled, its entry with this text */
export async function openFromTab(p: Page, title: string, entry: string): Promise<void> {
  await tab(p, title)
  await p.getByText(entry, { exact: true }).locator('visible=true').first().waitFor()
  await settled(p)
  await tapText(p, entry)
}

/** Taro.showModal's 【确定】 */
export const modalOk = (p: Page): Locator => p.getByText('确定', { exact: true }).locator('visible=true').last()

/** the browser's back button, then waits for the page underneath */
export async function back(p: Page): Promise<void> {
  await p.goBack()
  await settled(p)
}

/** a row value of a Rows list on the visible page */
export const rowValue = (p: Page, label: string): Locator =>
  p
    .locator('.rows__row')
    .filter({ has: p.locator('.rows__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('visible=true')
    .first()
    .locator('.rows__value')

/** whether the element has this CSS class */
export const hasClass = (l: Locator, cls: string): Promise<boolean> =>
  l.evaluate((el, c) => el.classList.contains(c), cls)

/** "12,345.67 元" → 1234567, "-3,600.50" → -360050 */
export function fenOf(text: string | null): number {
  const m = /([-+]?)([\d,]+)\.(\d\d)/.exec(text ?? '')
  if (!m) throw new Error(`no amount in "${text}"`)
  const fen = Number((m[2] as string).replaceAll(',', '')) * 100 + Number(m[3])
  return m[1] === '-' ? -fen : fen
}

/** scrolls the visible element into view, lets the scroll settle and takes a screenshot */
export async function shotAt(p: Page, selector: string, name: string): Promise<string> {
  await vis(p, selector).scrollIntoViewIfNeeded()
  await p.waitForTimeout(300)
  return shot(p, name)
}
