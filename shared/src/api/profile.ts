import * as z from 'zod/mini'
import '../zod-locale'
import { ID_TYPE } from '../codes'
import { checkAppPassword, checkHotlinePassword } from '../validation'
import { genderSchema, passwordChangeSchema, phoneSchema, smsCodeSchema } from '../validation-schemas'
import { coded, codeSchema, isoDate, maskedIdNumber, maskedPhone, okOutput } from './common'
import { defineOperation, emptyInput } from './contract'

/** 个人中心, 修改手机号码 (with an SMS code), 密码修改 (APP/微信/网厅 and 12329 热线/触摸屏) */
export const profileSchema = z.object({
  name: z.string(),
  gender: genderSchema,
  birthDate: isoDate,
  idType: coded(codeSchema(ID_TYPE)),
  idNumberMasked: maskedIdNumber,
  phoneMasked: maskedPhone,
  accountNo: z.string(),
  employerName: z.string(),
  centerCode: z.string(),
  centerName: z.string(),
})

export const getProfile = defineOperation({
  name: 'getProfile',
  method: 'GET',
  path: '/api/profile',
  audience: 'depositor',
  summary: '个人中心：基本信息（证件号码、手机号脱敏）',
  input: emptyInput,
  output: profileSchema,
})

/** what an SMS code is for; a code serves its one purpose only */
export const smsPurpose = z.enum(['changePhone', 'resetPassword'], { error: '验证码用途不正确' })
export type SmsPurpose = z.infer<typeof smsPurpose>

/** an SMS code was sent: it is valid this long, and the next one may be asked for after resendAfterSeconds */
export const smsSent = z.object({
  expiresInSeconds: z.int().check(z.positive()),
  resendAfterSeconds: z.int().check(z.positive()),
})

/**
 * 修改手机号码【获取验证码】: a code to the new number. SMS codes: 6 digits, valid 5 minutes, single use,
 * dead after 3 wrong tries; per phone number and per depositor 1 a minute, 5 an hour, 10 a China
 * day (429 with the wait). The answer is the same whoever the number belongs to.
 */
export const sendSmsCode = defineOperation({
  name: 'sendSmsCode',
  method: 'POST',
  path: '/api/sms-codes',
  audience: 'depositor',
  summary: '获取短信验证码（修改手机号码：发送到新手机号码）',
  input: z.strictObject({ purpose: z.literal('changePhone', { error: '验证码用途不正确' }), phone: phoneSchema }),
  output: smsSent,
})

export const changePhone = defineOperation({
  name: 'changePhone',
  method: 'PUT',
  path: '/api/profile/phone',
  audience: 'depositor',
  summary: '修改手机号码：新手机号 + 短信验证码；成功后其他登录全部退出',
  input: z.strictObject({ newPhone: phoneSchema, smsCode: smsCodeSchema }),
  output: z.object({ phoneMasked: maskedPhone }),
})

export const changePassword = defineOperation({
  name: 'changePassword',
  method: 'PUT',
  path: '/api/profile/password',
  audience: 'depositor',
  summary:
    'APP、微信、网厅密码修改：旧密码、新密码（至少8位，大写/小写/数字/符号至少三种）、确认密码；成功后其他登录全部退出',
  input: passwordChangeSchema(checkAppPassword),
  output: okOutput,
})

export const changeHotlinePassword = defineOperation({
  name: 'changeHotlinePassword',
  method: 'PUT',
  path: '/api/profile/hotline-password',
  audience: 'depositor',
  summary: '12329 语音热线、触摸屏密码修改：6位数字，不能相同、连续或为出生日期',
  input: passwordChangeSchema(checkHotlinePassword),
  output: okOutput,
})
