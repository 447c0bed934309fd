/**
 * Integer helpers for the money maths. Amounts inside a computation are BigInt multiples of a
 * fraction of a fen, so nothing is lost to binary floating point. BigInt values are built with
 * BigInt(n), not `1n` literals, so every bundler and mini-program compiler can read the source.
 */
export const ZERO = BigInt(0)
export const ONE = BigInt(1)
const TWO = BigInt(2)

/** 1% = 10,000 ppm: rates are integers in millionths (1/100 of a basis point) */
export const PPM = BigInt(1_000_000)

/** a / b rounded half-up (ties away from zero); b > 0 */
export function divHalfUp(a: bigint, b: bigint): bigint {
  return a >= ZERO ? (a * TWO + b) / (b * TWO) : -((-a * TWO + b) / (b * TWO))
}

export function toSafeNumber(value: bigint): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`数值超出安全整数范围：${value}`)
  return n
}

export function assertInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} 必须是 ${min} 到 ${max} 之间的整数，实际为 ${value}`)
  }
}

/**
 * base^exponent for BigInts by squaring. Used instead of `**`: the mini-program build compiles
 * shared for old targets, and Babel rewrites `a ** b` to `Math.pow(a, b)`, which throws on BigInts.
 */
export function powBig(base: bigint, exponent: number): bigint {
  if (!Number.isInteger(exponent) || exponent < 0) throw new RangeError('指数必须是非负整数')
  let result = ONE
  let b = base
  let e = BigInt(exponent)
  while (e > ZERO) {
    if (e % TWO === ONE) result *= b
    b *= b
    e /= TWO
  }
  return result
}
