import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'

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

export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
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
