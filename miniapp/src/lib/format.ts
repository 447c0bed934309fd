import { chinaDateTime } from '@gjj/shared/clock'
import { formatRatePercent } from '@gjj/shared/loan/rates'
import { formatYuan } from '@gjj/shared/money'

/** money and rates as the screens show them */
export const yuan = (fen: number) => `${formatYuan(fen)} 元`
/** an amount under a heading that already says （元）: "1,234.56" */
export const amount = (fen: number) => formatYuan(fen)
export const rate = (ppm: number) => `${formatRatePercent(ppm)}%`
export const signedYuan = (fen: number) => `${fen > 0 ? '+' : fen < 0 ? '-' : ''}${formatYuan(Math.abs(fen))}`

/** an ISO instant as the China wall clock: 2025-06-01 10:05 ('—' when there is none) */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—'
  if (Number.isNaN(Date.parse(iso))) return iso
  return chinaDateTime(iso).slice(0, 16)
}

/** the date part of formatInstant: 2025-06-01 */
export function formatDay(iso: string): string {
  return formatInstant(iso).slice(0, 10)
}

/** a file size as people read it: 356 KB, 2.4 MB */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** a bank card as the screens name it: 中国工商银行 6222 **** **** 1234 */
export const cardLabel = (card: { bankName: string; cardNoMasked: string }) => `${card.bankName} ${card.cardNoMasked}`
