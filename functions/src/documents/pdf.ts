import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'

/**
 * The PDF of an 电子证明: A4, Chinese text in Noto Sans SC Regular (TrueType outlines, SIL OFL 1.1,
 * npm @expo-google-fonts/noto-sans-sc), of which pdfkit embeds only the glyphs used (fontkit subset), a vector
 * QR code of the verification address, and the verification code. No I/O but reading the font,
 * once per container (decision 73).
 */
export const FONT_FILE = 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'

let font: Buffer | undefined

/** the font's bytes, read on first use and kept for the container's life */
export function documentFont(): Buffer {
  if (font) return font
  const candidates = [process.env.DOCUMENT_FONT_PATH, join(process.cwd(), FONT_FILE)]
  try {
    // beside the package's entry point (tests and tools run from anywhere in the repository)
    const entry = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc')
    candidates.push(join(dirname(entry), '400Regular', 'NotoSansSC_400Regular.ttf'))
  } catch {
    // bundled: the package's code is not there, only the font file packaged beside the handler
  }
  const path = candidates.find((p): p is string => Boolean(p && existsSync(p)))
  if (!path) throw new Error(`document font not found (looked in ${candidates.filter(Boolean).join(', ')})`)
  font = readFileSync(path)
  return font
}

export interface DocumentContent {
  title: string
  centerName: string
  number: string
  /** China wall clock: 2026-12-03 09:30:00 */
  issuedAtText: string
  validUntil: string
  /** the opening sentence */
  statement: string
  rows: { label: string; value: string }[]
  verifyUrl: string
  code: string
  /** fixes the PDF's CreationDate (the issue instant) */
  issuedAt: Date
}

const INK = '#1f2937'
const MUTED = '#6b7280'
const BRAND = '#1a5fb4'

export async function renderDocumentPdf(c: DocumentContent): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    // the typings say string; pdfkit takes the bytes too (no Helvetica file read from disk)
    font: documentFont() as unknown as string,
    info: { Title: c.title, Author: c.centerName, Subject: c.number, CreationDate: c.issuedAt, ModDate: c.issuedAt },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })

  const left = 56
  const width = doc.page.width - 112
  doc.fillColor(BRAND).fontSize(22).text(c.title, left, 64, { width, align: 'center' })
  doc.moveDown(0.4).fillColor(MUTED).fontSize(10)
  doc.text(`证明编号：${c.number}`, { width, align: 'center' })
  doc.text(`开具时间：${c.issuedAtText}（北京时间）`, { width, align: 'center' })
  doc.moveDown(0.6)
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .strokeColor(BRAND)
    .stroke()
  doc.moveDown(1).fillColor(INK).fontSize(12).text(c.statement, left, doc.y, { width, lineGap: 4 })
  doc.moveDown(0.8)

  // the facts as a two-column table
  const labelWidth = 130
  for (const row of c.rows) {
    const y = doc.y
    doc
      .fillColor(MUTED)
      .fontSize(11)
      .text(row.label, left + 8, y + 6, { width: labelWidth - 8 })
    doc.fillColor(INK).text(row.value, left + labelWidth, y + 6, { width: width - labelWidth - 8 })
    const bottom = Math.max(doc.y, y + 22) + 4
    doc
      .moveTo(left, bottom)
      .lineTo(left + width, bottom)
      .lineWidth(0.5)
      .strokeColor('#d1d5db')
      .stroke()
    doc.y = bottom
  }

  // verification: QR code (vector squares), the code, the address, validity
  const qr = QRCode.create(c.verifyUrl, { errorCorrectionLevel: 'M' })
  const cells = qr.modules.size
  const cell = 3
  const quiet = 4 * cell
  const qrSize = cells * cell + 2 * quiet
  const qrX = left + width - qrSize
  const qrY = Math.max(doc.y + 24, doc.page.height - 56 - qrSize - 40)
  doc.rect(qrX, qrY, qrSize, qrSize).fill('#ffffff')
  for (let r = 0; r < cells; r++) {
    for (let col = 0; col < cells; col++) {
      if (qr.modules.get(r, col)) doc.rect(qrX + quiet + col * cell, qrY + quiet + r * cell, cell, cell)
    }
  }
  doc.fill('#000000')
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text('扫码验证真伪', qrX, qrY + qrSize + 2, { width: qrSize, align: 'center' })

  const textWidth = width - qrSize - 16
  doc
    .fillColor(INK)
    .fontSize(12)
    .text(`验证码：${c.code}`, left, qrY + 8, { width: textWidth })
  doc
    .fillColor(MUTED)
    .fontSize(9.5)
    .text(
      `本证明由${c.centerName}通过手机公积金电子签发，有效期至 ${c.validUntil}。` +
        '任何单位或个人可扫描右侧二维码，或在验证页面输入证明编号和验证码，核验本证明是否真实有效、内容是否被修改。',
      left,
      doc.y + 6,
      { width: textWidth, lineGap: 3 },
    )
  doc.moveDown(0.6).fillColor(BRAND).fontSize(12).text(c.centerName, left, doc.y, { width: textWidth })

  doc.end()
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}
