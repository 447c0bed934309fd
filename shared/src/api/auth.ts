import * as z from 'zod/mini'
import '../zod-locale'
import { checkAppPassword } from '../validation'
import { idNumberSchema, loginAccountSchema, smsCodeSchema } from '../validation-schemas'
import { channel, instant, maskedIdNumber, maskedPhone, okOutput, session } from './common'
import { defineOperation, emptyInput, unmatched } from './contract'
import { smsSent } from './profile'
import { centerCode, centerSchema } from './system'

/**
 * Depositor sign-in. Login takes a phone number or ID number + password at a chosen center. The
 * first login on a device and channel must be confirmed by 支付宝授权 (Alipay auth code) or 刷脸
 * (face verification) bound to the ID number: login then answers `verificationRequired` with a
 * short-lived ticket, and the session comes from completeFirstLoginVerification.
 * Wrong center → 404 "查无您的信息，请确认所选公积金中心"; 5 wrong passwords → 429 with
 * retryAfterSeconds (30 minutes).
 */
export const verificationMethod = z.enum(['alipay', 'face'], { error: '请选择验证方式' })

export const depositorSummary = z.object({
  name: z.string(),
  idNumberMasked: maskedIdNumber,
  phoneMasked: maskedPhone,
  center: centerSchema,
  /** the 隐私声明 version this person agreed to, or null (shared/src/info/privacy.ts needsConsent) */
  privacyAcceptedVersion: z.nullable(z.string()),
})

/** the short-lived first-login ticket login answered with */
const ticket = z.string({ error: '验证已超时，请重新登录' }).check(z.minLength(1), z.maxLength(256))

const signedIn = z.object({ status: z.literal('ok'), session, depositor: depositorSummary })

export const login = defineOperation({
  name: 'login',
  method: 'POST',
  path: '/api/auth/login',
  audience: 'public',
  summary: '登录：手机号或证件号码 + 密码；首次在本设备/渠道登录须支付宝授权或刷脸验证',
  input: z.strictObject({
    account: loginAccountSchema,
    password: z.string({ error: '请输入密码' }).check(z.minLength(1, { error: '请输入密码' }), z.maxLength(64)),
    centerCode,
    channel,
    /** a random id the client keeps per installation (first-login verification is per device) */
    deviceId: z.string({ error: '设备标识不正确，请重新打开后再登录' }).check(z.minLength(8), z.maxLength(128)),
  }),
  output: z.discriminatedUnion('status', [
    signedIn,
    z.object({
      status: z.literal('verificationRequired'),
      ticket: z.string(),
      ticketExpiresAt: instant,
      methods: z.array(verificationMethod),
    }),
  ]),
})

export const startFirstLoginVerification = defineOperation({
  name: 'startFirstLoginVerification',
  method: 'POST',
  path: '/api/auth/first-login-verification',
  audience: 'public',
  summary: '开始首次登录验证：支付宝授权返回所需授权范围；刷脸返回认证编号',
  input: z.strictObject({
    ticket,
    method: verificationMethod,
    /** 刷脸 in the WeChat mini-program: the wx.login code; the server exchanges it for the openid and keeps session_key to itself */
    wxCode: z.optional(z.string({ error: '微信登录凭证不正确，请重试' }).check(z.minLength(1), z.maxLength(128))),
  }),
  output: z.discriminatedUnion('method', [
    /** the client calls my.getAuthCode({ scopes }) and sends the code to complete */
    z.object({ method: z.literal('alipay'), scopes: z.array(z.string()) }),
    /** the client runs the platform's face flow with verifyId (刷脸), then completes */
    z.object({ method: z.literal('face'), verifyId: z.string(), expiresInSeconds: z.int().check(z.positive()) }),
  ]),
})

export const completeFirstLoginVerification = defineOperation({
  name: 'completeFirstLoginVerification',
  method: 'POST',
  path: '/api/auth/first-login-verification/complete',
  audience: 'public',
  summary: '完成首次登录验证（支付宝授权码或刷脸认证结果须与证件号码一致），成功后登录',
  input: z.discriminatedUnion(
    'method',
    [
      z.strictObject({
        ticket,
        method: z.literal('alipay'),
        authCode: z.string({ error: '支付宝授权失败，请重试' }).check(z.minLength(1), z.maxLength(256)),
      }),
      z.strictObject({
        ticket,
        method: z.literal('face'),
        verifyId: z.string({ error: '刷脸认证结果不正确，请重试' }).check(z.minLength(1), z.maxLength(512)),
      }),
    ],
    { error: unmatched('请选择验证方式') },
  ),
  output: signedIn,
})

export const logout = defineOperation({
  name: 'logout',
  method: 'POST',
  path: '/api/auth/logout',
  audience: 'depositor',
  summary: '退出当前账号',
  input: emptyInput,
  output: okOutput,
})

export const me = defineOperation({
  name: 'me',
  method: 'GET',
  path: '/api/me',
  audience: 'depositor',
  summary: '当前登录的缴存人（姓名、脱敏证件号码和手机号、所属中心）',
  input: emptyInput,
  output: depositorSummary,
})

/**
 * 忘记密码 (not in the manual): center, ID number and name find the person (wrong ones count toward
 * the login lock as a wrong password does); then an SMS code to the phone on record — or the
 * channel's own identity check instead: 支付宝身份验证 in Alipay, 刷脸 (人脸核身) in WeChat — and a
 * new password. Every session of the person ends.
 */
export const passwordResetMethod = z.enum(['sms', 'alipay', 'face'], { error: '请选择验证方式' })

const resetToken = z.string({ error: '操作已超时，请重新开始找回密码' }).check(z.minLength(1), z.maxLength(256))

export const startPasswordReset = defineOperation({
  name: 'startPasswordReset',
  method: 'POST',
  path: '/api/auth/password-reset',
  audience: 'public',
  summary: '忘记密码第一步：公积金中心、身份证号码、姓名；返回预留手机号（脱敏）和验证方式',
  input: z.strictObject({
    centerCode,
    idNumber: idNumberSchema,
    name: z
      .string({ error: '请输入姓名' })
      .check(z.trim(), z.minLength(1, { error: '请输入姓名' }), z.maxLength(30, { error: '姓名不能超过30个字' })),
    channel,
  }),
  output: z.object({
    resetToken: z.string(),
    expiresAt: instant,
    phoneMasked: maskedPhone,
    methods: z.array(passwordResetMethod),
  }),
})

export const sendPasswordResetCode = defineOperation({
  name: 'sendPasswordResetCode',
  method: 'POST',
  path: '/api/auth/password-reset/sms-code',
  audience: 'public',
  summary: '忘记密码：发送短信验证码到预留手机号',
  input: z.strictObject({ resetToken }),
  output: smsSent,
})

export const startPasswordResetFace = defineOperation({
  name: 'startPasswordResetFace',
  method: 'POST',
  path: '/api/auth/password-reset/face',
  audience: 'public',
  summary: '忘记密码：开始刷脸验证（微信人脸核身），返回认证编号',
  input: z.strictObject({
    resetToken,
    /** in the WeChat mini-program: the wx.login code; the server exchanges it for the openid */
    wxCode: z.optional(z.string({ error: '微信登录凭证不正确，请重试' }).check(z.minLength(1), z.maxLength(128))),
  }),
  output: z.object({ verifyId: z.string(), expiresInSeconds: z.int().check(z.positive()) }),
})

export const resetPassword = defineOperation({
  name: 'resetPassword',
  method: 'POST',
  path: '/api/auth/password-reset/complete',
  audience: 'public',
  summary: '忘记密码最后一步：短信验证码（或支付宝身份验证、刷脸）+ 新密码；成功后该账号的所有登录退出',
  input: z
    .strictObject({
      resetToken,
      method: passwordResetMethod,
      smsCode: z.optional(smsCodeSchema),
      authCode: z.optional(z.string({ error: '支付宝授权失败，请重试' }).check(z.minLength(1), z.maxLength(256))),
      verifyId: z.optional(z.string({ error: '刷脸认证结果不正确，请重试' }).check(z.minLength(1), z.maxLength(512))),
      newPassword: z.string({ error: '请输入新密码' }),
      confirmPassword: z.string({ error: '请再次输入新密码' }),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.method === 'sms' && !input.smsCode) {
          ctx.addIssue({ code: 'custom', path: ['smsCode'], message: '请输入验证码' })
        }
        if (input.method === 'alipay' && !input.authCode) {
          ctx.addIssue({ code: 'custom', path: ['authCode'], message: '支付宝授权失败，请重试' })
        }
        if (input.method === 'face' && !input.verifyId) {
          ctx.addIssue({ code: 'custom', path: ['verifyId'], message: '请先完成刷脸验证' })
        }
        const next = checkAppPassword(input.newPassword)
        if (!next.ok) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: next.message })
        else if (input.confirmPassword !== input.newPassword) {
          ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的新密码不一致' })
        }
      }),
    ),
  output: okOutput,
})
