import { formatRatePercent } from '@gjj/shared/loan/rates'
import { formatYuan } from '@gjj/shared/money'

/** money and rates as the screens show them */
export const yuan = (fen: number) => `${formatYuan(fen)} 元`
export const rate = (ppm: number) => `${formatRatePercent(ppm)}%`
export const signedYuan = (fen: number) => `${fen > 0 ? '+' : fen < 0 ? '-' : ''}${formatYuan(Math.abs(fen))}`
