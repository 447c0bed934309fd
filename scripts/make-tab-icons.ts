import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { root } from './lib/resources'

/**
 * Renders the tab bar icons (81×81 PNG, transparent) from SVG with the browser the tests use:
 * `npx tsx scripts/make-tab-icons.ts`. The PNGs are committed; mini-program tab bars take PNG only.
 */
const icons: Record<string, string> = {
  // 新闻动态: a newspaper
  news: '<rect x="14" y="18" width="46" height="46" rx="6"/><path d="M60 30h8v28a6 6 0 0 1-12 0"/><path d="M24 30h26M24 40h26M24 50h16"/>',
  // 账户查询: a wallet / account card
  account: '<rect x="12" y="22" width="57" height="40" rx="7"/><path d="M12 34h57"/><circle cx="54" cy="49" r="4"/>',
  // 业务办理: a document with a check
  business:
    '<path d="M22 12h26l14 14v42a4 4 0 0 1-4 4H22a4 4 0 0 1-4-4V16a4 4 0 0 1 4-4z"/><path d="M48 12v14h14"/><path d="M28 48l8 8 14-16"/>',
  // 我: a person
  me: '<circle cx="40.5" cy="28" r="12"/><path d="M16 68c3-14 13-21 24.5-21S62 54 65 68"/>',
}
const colors = { '': '#6b7280', '-on': '#1a5fb4' }

const out = join(root, 'miniapp', 'src', 'assets', 'tab')
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
for (const [name, shape] of Object.entries(icons)) {
  for (const [suffix, color] of Object.entries(colors)) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${shape}</svg></body></html>`,
    )
    await page.screenshot({ path: join(out, `${name}${suffix}.png`), omitBackground: true })
  }
}
await browser.close()
console.log(`tab icons written to ${out}`)
