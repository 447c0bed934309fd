import { describe, expect, test } from 'vitest'
import { fontOf, pixelRatioOf } from './painter'

describe('the share picture’s pixel ratio and fonts', () => {
  test.each([
    [2, 2],
    [3, 3],
    [4, 3],
    [1.5, 1.5],
    [0.5, 1],
    [undefined, 1],
    [Number.NaN, 1],
  ])('a device pixel ratio of %s draws at %s', (reported, used) => {
    expect(pixelRatioOf(reported)).toBe(used)
  })

  test('a font names its weight, size and family (a size alone is ignored by a canvas)', () => {
    expect(fontOf({ size: 20, bold: true })).toMatch(/^bold 20px ".+", sans-serif$/)
    expect(fontOf({ size: 14 })).toMatch(/^normal 14px /)
  })
})
