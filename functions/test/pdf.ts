import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf'

/**
 * What a person (or a bank) gets out of an issued PDF: its text as a PDF reader extracts it, and
 * page 1 rendered to pixels (pdf.js on @napi-rs/canvas), with the QR code read from those pixels.
 */
// pdf.js 5 (inside unpdf) renders with ArrayBuffer#transferToFixedLength, which Node 20 lacks (22 has
// it): the copy below is what it does, minus detaching the original, which nothing here relies on
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer }
if (!proto.transferToFixedLength) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value(this: ArrayBuffer, length = this.byteLength) {
      const copy = new ArrayBuffer(length)
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)))
      return copy
    },
  })
}

export const screenshotDir = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { text, totalPages } = await extractText(pdf, { mergePages: true })
  // the extractor breaks lines where the PDF does: compare without whitespace
  return { text: text.replace(/\s+/g, ''), pages: totalPages }
}

/** page 1 as PNG, saved under test-results/screenshots/<name>.png, and the QR code it shows */
export async function renderAndReadQr(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const canvas = await import('@napi-rs/canvas')
  const png = await renderPageAsImage(new Uint8Array(bytes), 1, { canvasImport: async () => canvas, scale: 2 })
  mkdirSync(screenshotDir, { recursive: true })
  writeFileSync(join(screenshotDir, `${name}.png`), Buffer.from(png))
  const image = await canvas.loadImage(Buffer.from(png))
  const c = canvas.createCanvas(image.width, image.height)
  const ctx = c.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const data = ctx.getImageData(0, 0, image.width, image.height)
  return jsQR(new Uint8ClampedArray(data.data), image.width, image.height)?.data
}
