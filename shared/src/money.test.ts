import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fenToYuanString, formatWan, formatYuan, parseYuan } from './money'

describe('parseYuan', () => {
  test.each([
    ['1,234.5', 123_450],
    ['1234.50', 123_450],
    ['1234', 123_400],
    ['０.５', 50],
    ['１，２３４．５６', 123_456],
    ['.5', 50],
    ['5.', 500],
    [' 262.61 元', 26_261],
    ['0.01', 1],
    ['007', 700],
    ['99,999,999,999.99', 9_999_999_999_999],
  ])('reads %j as %i fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen })
  })

  test.each([
    ['', '请输入金额'],
    ['   ', '请输入金额'],
    ['-1', '请输入大于0的金额'],
    ['0', '请输入大于0的金额'],
    ['0.00', '请输入大于0的金额'],
    ['12.345', '金额最多两位小数'],
    ['1e3', '金额格式不正确，请输入数字，如 1234.56'],
    ['abc', '金额格式不正确，请输入数字，如 1234.56'],
    ['12,34', '金额格式不正确，请输入数字，如 1234.56'],
    ['1.2.3', '金额格式不正确，请输入数字，如 1234.56'],
    ['1.a', '金额格式不正确，请输入数字，如 1234.56'],
    ['100000000000', '金额过大'],
  ])('refuses %j with "%s"', (text, message) => {
    expect(parseYuan(text)).toEqual({ ok: false, message })
  })
})

describe('formatting', () => {
  test.each([
    [123_450, '1,234.50', '1234.50'],
    [1, '0.01', '0.01'],
    [0, '0.00', '0.00'],
    [100_000_000, '1,000,000.00', '1000000.00'],
    [-26_261, '-262.61', '-262.61'],
  ])('%i fen shows as %s yuan (plain %s)', (fen, grouped, plain) => {
    expect(formatYuan(fen)).toBe(grouped)
    expect(fenToYuanString(fen)).toBe(plain)
  })

  test.each([
    [191_061_619, '191.06'],
    [100_000_000, '100.00'],
    [91_061_619, '91.06'],
    [73_704_167, '73.70'],
    [14_995_000, '15.00'], // exactly half of 0.01 万 rounds up
    [14_994_999, '14.99'],
    [4_999, '0.00'],
    [5_000, '0.01'],
  ])('%i fen shows as %s 万元', (fen, wan) => {
    expect(formatWan(fen)).toBe(wan)
  })

  test('refuses amounts that are not whole fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError)
  })

  test('formatting and parsing round-trip every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999_999 }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, fen })
        expect(parseYuan(fenToYuanString(fen))).toEqual({ ok: true, fen })
      }),
    )
  })
})
