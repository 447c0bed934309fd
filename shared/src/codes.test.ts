import { describe, expect, test } from 'vitest'
import { codeSchema } from './api/common'
import {
  ACCOUNT_STATUS,
  codeLabel,
  codesOf,
  PERSONAL_DETAIL_TYPE,
  REPAYMENT_METHOD,
  REPAYMENT_METHOD_BY_CODE,
} from './codes'

describe('code tables', () => {
  test('label codes and fall back to the code itself', () => {
    expect(codeLabel(ACCOUNT_STATUS, '02')).toBe('封存')
    expect(codeLabel(PERSONAL_DETAIL_TYPE, '09')).toBe('年终结息')
    expect(codeLabel(ACCOUNT_STATUS, '42')).toBe('42')
    expect(codeLabel(ACCOUNT_STATUS, 'toString')).toBe('toString')
  })

  test('list their codes in code order, although Object.keys puts "99" first', () => {
    expect(codesOf(ACCOUNT_STATUS)).toEqual(['01', '02', '03', '04', '05', '06', '99'])
  })

  test('give zod enums of their codes', () => {
    expect(codeSchema(ACCOUNT_STATUS).safeParse('99').success).toBe(true)
    expect(codeSchema(REPAYMENT_METHOD).safeParse('03').success).toBe(false)
  })

  test('map repayment method codes to the loan maths', () => {
    expect(REPAYMENT_METHOD_BY_CODE).toEqual({ '01': 'equalInstallment', '02': 'equalPrincipal' })
  })
})
