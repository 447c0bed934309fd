import { describe, expect, test } from 'vitest'
import {
  birthDateFromId,
  checkAmountFen,
  checkAppPassword,
  checkBankCard,
  checkHotlinePassword,
  checkIdNumber,
  checkLoginAccount,
  checkPasswordChange,
  checkPhone,
  checkSmsCode,
  checkYuanText,
  genderFromId,
  idCheckChar,
  maskBankCard,
  maskIdNumber,
  maskName,
  maskPhone,
  PROVINCE_CODES,
  withLuhnCheckDigit,
} from './validation'
import {
  amountFenSchema,
  appPasswordSchema,
  bankCardSchema,
  idNumberSchema,
  passwordChangeSchema,
  phoneSchema,
} from './validation-schemas'

const MANUAL_ID = '371524199011063028' // 王冬冬 in the manual's screenshot

describe('身份证号码', () => {
  test.each([
    MANUAL_ID,
    '650102196501150012',
    '65010219700301002X',
    '11010520000229003X', // born on a leap day
    '654321198501011234',
  ])('%s is valid', (id) => {
    expect(checkIdNumber(id, { today: '2025-06-01' })).toEqual({ ok: true, value: id })
  })

  test('a lower-case x is read as X', () => {
    expect(checkIdNumber(' 65010219700301002x ', { today: '2025-06-01' })).toEqual({
      ok: true,
      value: '65010219700301002X',
    })
  })

  test('changing any single digit of a valid number makes it invalid', () => {
    let variants = 0
    for (let position = 0; position < 18; position++) {
      for (const digit of '0123456789') {
        if (digit === MANUAL_ID[position]) continue
        const changed = MANUAL_ID.slice(0, position) + digit + MANUAL_ID.slice(position + 1)
        expect(checkIdNumber(changed, { today: '2025-06-01' }).ok, changed).toBe(false)
        variants++
      }
    }
    expect(variants).toBe(18 * 9)
  })

  test.each([
    ['', '请输入身份证号码'],
    ['37152419901106302', '身份证号码应为18位'],
    ['3715241990110630281', '身份证号码应为18位'],
    ['37152419901106302Y', '身份证号码格式不正确，前17位应为数字，最后一位为数字或X'],
    ['X71524199011063028', '身份证号码格式不正确，前17位应为数字，最后一位为数字或X'],
    [`99${MANUAL_ID.slice(2, 17)}${idCheckChar(`99${MANUAL_ID.slice(2, 17)}`)}`, '身份证号码的地区码不正确'],
    [`37152419901131302${idCheckChar('37152419901131302')}`, '身份证号码中的出生日期不正确'],
    [`37152419010229302${idCheckChar('37152419010229302')}`, '身份证号码中的出生日期不正确'],
    [`37152418991231302${idCheckChar('37152418991231302')}`, '身份证号码中的出生日期不正确'],
    [`37152420250602302${idCheckChar('37152420250602302')}`, '身份证号码中的出生日期不正确'], // after "today"
    ['371524199011063029', '身份证号码校验位不正确，请核对'],
  ])('%j is refused with "%s"', (id, message) => {
    expect(checkIdNumber(id, { today: '2025-06-01' })).toEqual({ ok: false, message })
  })

  test('knows the province-level prefixes 11–82', () => {
    const prefixes = Object.keys(PROVINCE_CODES)
    expect(prefixes).toEqual(expect.arrayContaining(['11', '31', '44', '50', '54', '65', '71', '81', '82']))
    expect(prefixes).toHaveLength(35)
  })

  test('reads birth date and gender', () => {
    expect(birthDateFromId(MANUAL_ID)).toBe('1990-11-06')
    expect(genderFromId(MANUAL_ID)).toBe('female')
    expect(genderFromId('654321198501011234')).toBe('male')
    expect(birthDateFromId('371524199013063028')).toBeUndefined()
  })
})

describe('phone, login account, bank card, SMS code', () => {
  test.each(['13800138000', '19912345678', ' 15012345678 '])('%j is a phone number', (phone) => {
    expect(checkPhone(phone)).toEqual({ ok: true, value: phone.trim() })
  })

  test.each([
    ['', '请输入手机号码'],
    ['12800138000', '请输入正确的11位手机号码'],
    ['1380013800', '请输入正确的11位手机号码'],
    ['138001380001', '请输入正确的11位手机号码'],
    ['1380013800a', '请输入正确的11位手机号码'],
  ])('%j is refused with "%s"', (phone, message) => {
    expect(checkPhone(phone)).toEqual({ ok: false, message })
  })

  test.each([
    ['13800138000', { type: 'phone', value: '13800138000' }],
    [MANUAL_ID, { type: 'idNumber', value: MANUAL_ID }],
  ])('the login account %s is recognised', (text, value) => {
    expect(checkLoginAccount(text)).toEqual({ ok: true, value })
  })

  test.each([
    ['', '请输入手机号码或身份证号码'],
    ['12345', '请输入正确的手机号码或身份证号码'],
    ['10800138000', '请输入正确的11位手机号码'],
    ['371524199011063029', '身份证号码校验位不正确，请核对'],
  ])('the login account %j is refused with "%s"', (text, message) => {
    expect(checkLoginAccount(text)).toEqual({ ok: false, message })
  })

  test.each([
    ['6222021234567890128', '6222021234567890128'],
    ['6228 4800 1234 5671', '6228480012345671'],
    ['622848001234567894', '622848001234567894'],
    ['4111111111111111', '4111111111111111'],
  ])('%j is a bank card', (card, value) => {
    expect(checkBankCard(card)).toEqual({ ok: true, value })
  })

  test.each([
    ['622202123456789012', '6222021234567890128'],
    ['411111111111111', '4111111111111111'],
    ['62284800123456789', '622848001234567894'],
  ])('the Luhn check digit of %s gives %s, and only it is accepted', (body, card) => {
    expect(withLuhnCheckDigit(body)).toBe(card)
    for (let d = 0; d <= 9; d++) expect(checkBankCard(body + d).ok).toBe(body + d === card)
  })

  test.each([
    ['', '请输入银行卡号'],
    ['6222-0212-3456', '银行卡号只能包含数字'],
    ['622202123456789', '银行卡号应为16到19位数字'],
    ['62220212345678901284', '银行卡号应为16到19位数字'],
    ['6222021234567890127', '银行卡号不正确，请核对'],
  ])('%j is refused with "%s"', (card, message) => {
    expect(checkBankCard(card)).toEqual({ ok: false, message })
  })

  test.each([
    ['123456', true],
    ['000000', true],
    ['', false],
    ['12345', false],
    ['1234567', false],
    ['12345a', false],
  ])('SMS code %j is valid: %s', (code, valid) => {
    expect(checkSmsCode(code).ok).toBe(valid)
  })
})

describe('passwords', () => {
  test.each(['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'P@ssw0rd2025'])(
    '%j meets the APP password policy',
    (password) => {
      expect(checkAppPassword(password)).toEqual({ ok: true, value: password })
    },
  )

  test.each([
    ['', '请输入密码'],
    ['Abc1!', '密码至少8位'],
    [`Aa1!${'x'.repeat(29)}`, '密码不能超过32位'],
    ['Abcdefg 1', '密码只能包含字母、数字和英文符号，不能有空格'],
    ['Abcdefg１', '密码只能包含字母、数字和英文符号，不能有空格'],
    ['abcdefgh1', '密码须包含大写字母、小写字母、数字、符号中的至少三种'],
    ['ABCDEFGH!', '密码须包含大写字母、小写字母、数字、符号中的至少三种'],
    ['12345678', '密码须包含大写字母、小写字母、数字、符号中的至少三种'],
  ])('APP password %j is refused with "%s"', (password, message) => {
    expect(checkAppPassword(password)).toEqual({ ok: false, message })
  })

  test.each(['135790', '112233', '124578', '987650', '012346'])('hotline password %j is accepted', (password) => {
    expect(checkHotlinePassword(password).ok).toBe(true)
  })

  test.each([
    ['', '请输入密码'],
    ['12345', '热线密码须为6位数字'],
    ['12345a', '热线密码须为6位数字'],
    ['111111', '密码不能是6位相同的数字'],
    ['123456', '密码不能是连续的数字，如123456'],
    ['654321', '密码不能是连续的数字，如123456'],
    ['456789', '密码不能是连续的数字，如123456'],
  ])('hotline password %j is refused with "%s"', (password, message) => {
    expect(checkHotlinePassword(password)).toEqual({ ok: false, message })
  })

  test.each([
    [{ oldPassword: '', newPassword: 'Abcdefg1', confirmPassword: 'Abcdefg1' }, '请输入原密码', 'oldPassword'],
    [{ oldPassword: 'Old-pass1', newPassword: 'short', confirmPassword: 'short' }, '密码至少8位', 'newPassword'],
    [
      { oldPassword: 'Abcdefg1', newPassword: 'Abcdefg1', confirmPassword: 'Abcdefg1' },
      '新密码不能与原密码相同',
      'newPassword',
    ],
    [
      { oldPassword: 'Old-pass1', newPassword: 'Abcdefg1', confirmPassword: 'Abcdefg2' },
      '两次输入的新密码不一致',
      'confirmPassword',
    ],
  ])('a password change %j is refused with "%s"', (input, message, field) => {
    expect(checkPasswordChange(input, checkAppPassword)).toEqual({ ok: false, message, field })
  })

  test('a good password change passes', () => {
    expect(
      checkPasswordChange(
        { oldPassword: 'Old-pass1', newPassword: 'Abcdefg1', confirmPassword: 'Abcdefg1' },
        checkAppPassword,
      ),
    ).toEqual({
      ok: true,
      value: 'Abcdefg1',
    })
  })
})

describe('amounts', () => {
  test.each([
    [1, {}, { ok: true, value: 1 }],
    [26_261, { maxFen: 26_261 }, { ok: true, value: 26_261 }],
    [0, {}, { ok: false, message: '请输入大于0的金额' }],
    [-5, {}, { ok: false, message: '请输入大于0的金额' }],
    [1.5, {}, { ok: false, message: '金额格式不正确，最多精确到分' }],
    [26_262, { maxFen: 26_261, maxLabel: '可提取金额' }, { ok: false, message: '金额不能超过可提取金额262.61元' }],
  ])('%d fen with bounds %j gives %j', (fen, bounds, expected) => {
    expect(checkAmountFen(fen, bounds)).toEqual(expected)
  })

  test('typed yuan go through the same bounds', () => {
    expect(checkYuanText('1,500', { maxFen: 150_000 })).toEqual({ ok: true, value: 150_000 })
    expect(checkYuanText('1,500.01', { maxFen: 150_000 })).toEqual({ ok: false, message: '金额不能超过1,500.00元' })
    expect(checkYuanText('12.345')).toEqual({ ok: false, message: '金额最多两位小数' })
  })
})

describe('masking', () => {
  test.each([
    [maskIdNumber, '654321198501011234', '6543**********1234'],
    [maskPhone, '13812341234', '138****1234'],
    [maskBankCard, '6222021234567890128', '6222 **** **** 0128'],
    [maskBankCard, '6228 4800 1234 5671', '6228 **** **** 5671'],
    [maskName, '王冬冬', '王*冬'],
    [maskName, '王冬', '王*'],
    [maskName, '欧阳冬冬', '欧**冬'],
    [maskName, '买买提·艾力', '买****力'],
    [maskName, '王', '*'],
  ])('%o masks %s as %s', (mask, value, masked) => {
    expect(mask(value)).toBe(masked)
  })
})

describe('zod schemas give the same messages as the checks', () => {
  test.each([
    [phoneSchema, '12800138000', checkPhone('12800138000')],
    [idNumberSchema, '371524199011063029', checkIdNumber('371524199011063029')],
    [bankCardSchema, '6222021234567890127', checkBankCard('6222021234567890127')],
    [appPasswordSchema, 'abcdefgh', checkAppPassword('abcdefgh')],
  ])('%#: a bad value fails with the check message', (schema, value, check) => {
    const result = schema.safeParse(value)

    expect(result.success).toBe(false)
    expect(check.ok).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(!check.ok && check.message)
  })

  test('a good value comes out normalised', () => {
    expect(bankCardSchema.parse('6228 4800 1234 5671')).toBe('6228480012345671')
    expect(idNumberSchema.parse('65010219700301002x')).toBe('65010219700301002X')
  })

  test('a missing value asks for it', () => {
    expect(phoneSchema.safeParse(undefined).error?.issues[0]?.message).toBe('请输入手机号码')
  })

  test('an amount schema applies the bound', () => {
    expect(amountFenSchema({ maxFen: 100 }).safeParse(101).error?.issues[0]?.message).toBe('金额不能超过1.00元')
    expect(amountFenSchema().parse(100)).toBe(100)
  })

  test('a password change schema points at the field to fix', () => {
    const result = passwordChangeSchema(checkAppPassword).safeParse({
      oldPassword: 'Old-pass1',
      newPassword: 'Abcdefg1',
      confirmPassword: 'x',
    })

    expect(result.error?.issues[0]).toMatchObject({ path: ['confirmPassword'], message: '两次输入的新密码不一致' })
  })
})
