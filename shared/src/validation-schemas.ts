import * as z from 'zod/mini'
import './zod-locale'
import {
  type AmountBounds,
  type Check,
  checkAmountFen,
  checkAppPassword,
  checkBankCard,
  checkHotlinePassword,
  checkIdNumber,
  checkLoginAccount,
  checkPasswordChange,
  checkPhone,
  checkSmsCode,
  GENDERS,
} from './validation'
import { transformIssue } from './zod-locale'

/**
 * The contract's fields built from validation.ts's checks: the same rule answers a page as you type
 * and the server on receipt. Kept apart from validation.ts, which builds no schema, so that a page
 * that checks a field as it is typed does not bundle zod (decision 86).
 */

export const genderSchema = z.enum(GENDERS)

function addCheckIssue<T>(result: Check<T>, ctx: z.core.$RefinementCtx): result is { ok: true; value: T } {
  if (result.ok) return true
  ctx.addIssue({ code: 'custom', message: result.message, ...(result.field ? { path: [result.field] } : {}) })
  return false
}

/** a string field checked (and normalised) by `check`; a missing field gets `requiredMessage` */
export function checkedString<T>(check: (text: string) => Check<T>, requiredMessage: string) {
  return z.pipe(
    z.string({ error: requiredMessage }),
    z.transform((text, ctx) => {
      const result = check(text)
      return result.ok ? result.value : transformIssue(ctx, result.message, result.field ? [result.field] : undefined)
    }),
  )
}

export const phoneSchema = checkedString(checkPhone, '请输入手机号码')
export const idNumberSchema = checkedString((text) => checkIdNumber(text), '请输入身份证号码')
export const loginAccountSchema = checkedString((text) => checkLoginAccount(text), '请输入手机号码或身份证号码')
export const bankCardSchema = checkedString(checkBankCard, '请输入银行卡号')
export const smsCodeSchema = checkedString(checkSmsCode, '请输入验证码')
export const appPasswordSchema = checkedString(checkAppPassword, '请输入密码')
export const hotlinePasswordSchema = checkedString(checkHotlinePassword, '请输入密码')

/** an amount in fen (integer, > 0, ≤ bound) */
export function amountFenSchema(bounds?: AmountBounds) {
  return z.number({ error: '请输入金额' }).check(
    z.superRefine((fen, ctx) => {
      addCheckIssue(checkAmountFen(fen, bounds), ctx)
    }),
  )
}

/** { oldPassword, newPassword, confirmPassword } checked by checkPasswordChange with `policy` */
export function passwordChangeSchema(policy: (password: string) => Check<string>) {
  return z
    .strictObject({
      oldPassword: z.string({ error: '请输入原密码' }),
      newPassword: z.string({ error: '请输入新密码' }),
      confirmPassword: z.string({ error: '请再次输入新密码' }),
    })
    .check(
      z.superRefine((input, ctx) => {
        addCheckIssue(checkPasswordChange(input, policy), ctx)
      }),
    )
}
