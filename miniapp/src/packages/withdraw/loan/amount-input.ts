import { parseYuan } from '@gjj/shared/money'
import { type Check, checkYuanText } from '@gjj/shared/validation'

/**
 * What the person typed in 元 → fen: 提前还款金额 must be a positive amount with at most two
 * decimals (shared's parseYuan); a 支取公积金 amount may be empty or 0 (all from own funds).
 */
export function amountFen(text: string): Check<number> {
  return checkYuanText(text)
}

export function fundFen(text: string): Check<number> {
  const t = text.trim()
  if (t === '' || /^0+(\.0*)?$/.test(t)) return { ok: true, value: 0 }
  const parsed = parseYuan(t)
  return parsed.ok ? { ok: true, value: parsed.fen } : { ok: false, message: parsed.message }
}
