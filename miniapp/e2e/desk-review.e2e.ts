import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { localEnv } from '../../scripts/lib/stack'
import { launch, settled, shot, vis } from './browser'
import { docImage, pdf } from './files'

/**
 * Issue 13, the review console as a desk tool: a reviewer works through three applications with the
 * keyboard only — Enter opens the first waiting one, → walks every archive file, A approves (Enter
 * confirms), B returns with a reason (Ctrl+Enter), and after each decision the next waiting
 * application opens by itself — at 1440×900 and again at 375×812. Each size has its own center, so
 * no other test's applications are in its queue. A reason written as HTML stays text.
 */
const XSS = '<img src=x onerror=alert(1)>'
let browser: Browser
let reviewerOf: (center: string) => Promise<{ username: string }>
/** n waiting applications; each has an image (the first named `imageName`) and PDFs */
let waitingIn: (center: string, n: number, imageName?: string) => Promise<string[]>

beforeAll(async () => {
  const e = inject('e2e')
  Object.assign(process.env, localEnv(e.dynamoUrl, e.s3Url, e.tableName, e.bucketName, e.smsOutboxFile))
  const { makeReviewer } = await import('../../functions/test/factory')
  const apps = await import('../../functions/test/applications')
  reviewerOf = (center) => makeReviewer(center)
  waitingIn = async (center, n, imageName) => {
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      const p = await apps.sealed(center)
      const { body } = await apps.create(p, { kind: 'termination' })
      const image = await docImage(browser, 'scan.jpg', `身份证明 ${i + 1}`, 'image/jpeg', 30 + 90 * i)
      let first = true
      await apps.uploadRequired(p, body, (category) => {
        if (!first) {
          return { fileName: `${category}.pdf`, contentType: 'application/pdf', bytes: pdf(`${category} ${i + 1}`) }
        }
        first = false
        const fileName = i === 0 && imageName ? imageName : `${category}.jpg`
        return { fileName, contentType: 'image/jpeg', bytes: image.buffer }
      })
      const res = await apps.submit(p, body.id)
      if (res.statusCode !== 200) throw new Error(res.body)
      ids.push(body.id)
    }
    return ids
  }
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

async function deskOf(size: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`)
  })
  return { context, page }
}

async function workThrough(page: Page, ids: string[], label: string) {
  await vis(page, '.queue-item').first().waitFor()
  await settled(page)
  await shot(page, `desk-${label}-queue`)
  await page.keyboard.press('Enter')
  for (let i = 0; i < ids.length; i++) {
    await page.waitForURL(/packages\/admin\/detail\/index/)
    const where = vis(page, '.viewer__where')
    await where.waitFor()
    await settled(page)
    const total = Number((await where.textContent())?.match(/\/(\d+)/)?.[1])
    expect(total).toBeGreaterThanOrEqual(2)
    const seen = new Set<string>()
    for (let f = 0; f < total; f++) {
      await expect.poll(() => where.textContent()).toMatch(new RegExp(`^${f + 1}/${total}`))
      const name = await vis(page, '.viewer__name').textContent()
      seen.add(`${await where.textContent()} ${name}`)
      if (name?.endsWith('.jpg')) {
        // an image at full size: loaded, then zoomed in and turned by keys
        await expect
          .poll(() => vis(page, '.viewer img').evaluate((img: HTMLImageElement) => img.naturalWidth))
          .toBe(640)
        if (i === 0) {
          // the file name written as HTML is shown as its text, and no element came of it
          expect(name).toBe(`${XSS}.jpg`)
          await expect(page.locator('img[src="x"]').count()).resolves.toBe(0)
          await shot(page, `desk-${label}-image`)
          await page.keyboard.press('+')
          await page.keyboard.press('r')
          await settled(page)
          await shot(page, `desk-${label}-image-zoomed`)
        }
      } else if (i === 0) {
        await vis(page, '.viewer__pdf').waitFor()
        await shot(page, `desk-${label}-pdf`)
      }
      await page.keyboard.press('ArrowRight')
    }
    expect(seen.size).toBe(total)
    if (i === 0) await shot(page, `desk-${label}-review`)
    const id = new URL(page.url().replace('#', '')).searchParams.get('id')
    expect(ids).toContain(id)
    if (i === 1) {
      await page.keyboard.press('b')
      await vis(page, '.review-dialog textarea').waitFor()
      // the reason box has the keyboard as soon as the dialog opens
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
      await page.keyboard.type(`${XSS} 请重新上传`)
      await shot(page, `desk-${label}-return`)
      await page.keyboard.press('Control+Enter')
    } else {
      await page.keyboard.press('a')
      await vis(page, '.review-dialog').waitFor()
      await page.waitForTimeout(300)
      await page.keyboard.press('Enter')
    }
    // the next waiting application opens by itself; after the last, the queue
    if (i < ids.length - 1) await page.waitForURL((u) => !u.toString().includes(`id=${id}`))
  }
  await page.waitForURL(/packages\/admin\/queue\/index/)
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0)
}

describe('a reviewer works through three applications with the keyboard only', () => {
  test.each([
    ['C65020', { width: 1440, height: 900 }, '1440'],
    ['C65040', { width: 375, height: 812 }, '375'],
  ])('at %s, %j', async (center, size, label) => {
    const reviewer = await reviewerOf(center)
    // the first application's image is named as an attack: it must show as text
    const ids = await waitingIn(center, 3, `${XSS}.jpg`)
    const { page, context } = await deskOf(size)
    await page.goto(`${inject('e2e').webUrl}/admin/`)
    await vis(page, '.admin-login__username input').waitFor()
    await vis(page, '.admin-login__username input').fill(reviewer.username)
    await vis(page, '.admin-login__password input').fill('Review@2026x')
    await page.keyboard.press('Enter')
    await workThrough(page, ids, label)
    await context.close()
  })
})
