import { describe, expect, test } from 'vitest'
import { powBig } from './arith'

describe('powBig', () => {
  test.each([
    [2, 0, '1'],
    [2, 10, '1024'],
    [10, 9, '1000000000'],
    [12_001_234, 3, (BigInt(12_001_234) * BigInt(12_001_234) * BigInt(12_001_234)).toString()],
  ])('%i to the %i is %s', (base, exponent, expected) => {
    expect(powBig(BigInt(base), exponent).toString()).toBe(expected)
  })
})
