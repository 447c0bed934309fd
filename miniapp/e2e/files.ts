import type { Browser, FileChooser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { vis } from './browser'

/** Generated archive files for the upload pages, and the steps that upload them. */
export type Upload = { name: string; mimeType: string; buffer: Buffer }

/** a one-page PDF (ASCII text) with a correct xref table */
export function pdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

type ImageType = 'image/png' | 'image/jpeg'

/**
 * A photo-like card image drawn on a canvas (with a band of noise, so the browser's JPEG
 * re-compression leaves enough bytes for a visible upload progress).
 */
export const cardImage = (browser: Browser, name: string, title: string, type: ImageType, hue: number) =>
  drawn(browser, 'card', name, title, type, hue)

/** a document-like image drawn on a canvas (a title and a few lines of "text") */
export const docImage = (browser: Browser, name: string, title: string, type: ImageType, hue: number) =>
  drawn(browser, 'document', name, title, type, hue)

async function drawn(
  browser: Browser,
  look: 'card' | 'document',
  name: string,
  title: string,
  type: ImageType,
  hue: number,
): Promise<Upload> {
  const scratch = await browser.newPage()
  try {
    const dataUrl = await scratch.evaluate(
      ({ look, title, type, hue }) => {
        const canvas = document.createElement('canvas')
        canvas.width = 640
        canvas.height = 400
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
        ctx.fillStyle = `hsl(${hue} 45% 88%)`
        ctx.fillRect(0, 0, 640, 400)
        ctx.fillStyle = `hsl(${hue} 50% 35%)`
        ctx.font = 'bold 40px "Noto Sans CJK SC", sans-serif'
        ctx.fillText(title, 40, 80)
        ctx.font = '26px "Noto Sans CJK SC", sans-serif'
        if (look === 'document') {
          ctx.fillText('测试样例 · 非真实材料', 40, 130)
          for (let i = 0; i < 6; i++) ctx.fillRect(40, 190 + i * 30, 560 - ((i * 73) % 200), 8)
          return canvas.toDataURL(type, 0.92)
        }
        ctx.fillText('测试样例 · 非真实证件', 40, 130)
        const noise = ctx.getImageData(0, 200, 640, 170)
        let seed = hue + 7
        for (let i = 0; i < noise.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff
          const v = seed % 256
          noise.data[i] = v
          noise.data[i + 1] = (v * 3) % 256
          noise.data[i + 2] = 255 - v
        }
        ctx.putImageData(noise, 0, 200)
        return canvas.toDataURL(type, 0.95)
      },
      { look, title, type, hue },
    )
    return { name, mimeType: type, buffer: Buffer.from(dataUrl.split(',')[1] as string, 'base64') }
  } finally {
    await scratch.close()
  }
}

/** taps a chooser and hands it the files (the H5 image chooser may first ask 拍摄 / 从相册选择) */
export async function choose(page: Page, open: () => Promise<void>, files: Upload[]): Promise<void> {
  const chooser: Promise<FileChooser> = page.waitForEvent('filechooser', { timeout: 15_000 })
  await open()
  const album = page.getByText('从相册选择', { exact: true }).locator('visible=true')
  const first = await Promise.race([
    chooser.then(() => 'chooser' as const),
    album.waitFor({ timeout: 15_000 }).then(
      () => 'sheet' as const,
      () => 'none' as const,
    ),
  ])
  if (first === 'sheet') await album.tap()
  await (await chooser).setFiles(files)
}

/** waits until no file of the visible upload page is still uploading */
export async function noUploadsRunning(page: Page): Promise<void> {
  await page.locator('.archive__file--uploading').locator('visible=true').first().waitFor({ state: 'detached' })
  await expect(page.locator('.archive__file--uploading').locator('visible=true').count()).resolves.toBe(0)
}

/** uploads the files into an empty archive category with its 上传图片 / 上传PDF button and waits until all are stored */
export async function uploadTo(
  page: Page,
  category: string,
  button: '上传图片' | '上传PDF',
  files: Upload[],
): Promise<void> {
  await choose(page, () => vis(page, `#archive-${category} .nut-button`, button).tap(), files)
  await vis(page, `#archive-${category} .archive__count`, `已上传${files.length}个`).waitFor({ timeout: 30_000 })
  await noUploadsRunning(page)
}
