import {
  me,
  resetPassword,
  sendPasswordResetCode,
  startPasswordReset,
  startPasswordResetFace,
} from '@gjj/shared/api/auth'
import { changePhone, sendSmsCode } from '@gjj/shared/api/profile'
import { beforeAll, describe, expect, test } from 'vitest'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, type TestPerson } from '../../test/factory'
import { auditsOf } from '../../test/publishing'
import { captureOutput, lastCodeSentTo, signIn, storedDepositor, TEST_PASSWORD, wrongCode } from '../../test/security'
import { nowIso } from '../lib/clock'
import { seedDemoData } from '../seed/index'
import { openSession } from '../services/sessions'
import { handler as changePhoneHandler } from './change-phone'
import { handler as meHandler } from './me'
import { handler as resetHandler } from './reset-password'
import { handler as sendCodeHandler } from './send-password-reset-code'
import { handler as sendSmsHandler } from './send-sms-code'
import { handler as startHandler } from './start-password-reset'
import { handler as startFaceHandler } from './start-password-reset-face'

beforeAll(async () => {
  await seedDemoData()
})

const NEW_PASSWORD = 'Reset#2026ok'

async function identity(p: TestPerson) {
  const d = await storedDepositor(p.person.depositorId)
  return { centerCode: d.centerCode, idNumber: d.idNumber, name: d.name }
}

const start = (input: Record<string, unknown>, sourceIp = freshIp()) =>
  startHandler(eventFor(startPasswordReset, { channel: 'h5', ...input }, { sourceIp }))
const sendCode = (resetToken: string) => sendCodeHandler(eventFor(sendPasswordResetCode, { resetToken }))
const complete = (input: Record<string, unknown>) =>
  resetHandler(
    eventFor(resetPassword, { method: 'sms', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...input }),
  )
const message = (res: { body?: string }) => bodyOf<{ message: string }>(res).message
const startFace = (resetToken: string, input: Record<string, unknown>) =>
  startFaceHandler(eventFor(startPasswordResetFace, { resetToken, ...input }))

async function begin(p: TestPerson, channel = 'h5') {
  const res = await start({ ...(await identity(p)), channel })
  expect(res.statusCode).toBe(200)
  return bodyOf<{ resetToken: string; phoneMasked: string; methods: string[] }>(res)
}

describe('忘记密码', () => {
  test('center, ID number and name, an SMS code to the phone on record, a new password: every session ends, the new password logs in', async () => {
    const p = await makeDepositor()
    const other = (await openSession({ ...p.session, channel: 'alipay' })).token

    const started = await begin(p)
    expect(started.phoneMasked).toBe(`${p.person.phone.slice(0, 3)}****${p.person.phone.slice(-4)}`)
    expect(started.methods).toEqual(['sms', 'face'])
    expect(JSON.stringify(started)).not.toContain(p.person.phone)

    const sent = await sendCode(started.resetToken)
    expect(sent.statusCode).toBe(200)
    const code = lastCodeSentTo(p.person.phone, 'resetPassword')

    const done = await complete({ resetToken: started.resetToken, smsCode: code })
    expect(done.statusCode).toBe(200)
    for (const token of [p.token, other]) expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
    expect((await signIn(p.person.phone, NEW_PASSWORD, p.person.centerCode)).status).toBe(200)
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(401)
    const audits = await auditsOf(`depositor:${p.person.depositorId}`, nowIso())
    expect(audits.map((a) => a.action)).toContain('depositor.resetPassword')

    // the reset is used up
    const again = await complete({ resetToken: started.resetToken, smsCode: code })
    expect(again.statusCode).toBe(401)
    expect(message(again)).toBe('操作已超时，请重新开始找回密码')
  })

  test('an unknown ID number, a wrong name and another center get one and the same answer', async () => {
    const p = await makeDepositor()
    const q = await makeDepositor()
    const id = await identity(p)
    const unknownId = (await identity(q)).idNumber.slice(0, 17)
    const answers = await Promise.all([
      start({ ...id, name: '张三' }),
      start({ ...(await identity(q)), centerCode: 'C65010' }),
    ])
    for (const res of answers) {
      expect(res.statusCode).toBe(422)
      expect(message(res)).toBe('身份证号码、姓名与所选公积金中心的登记信息不一致，请核对后重试（还可尝试 4 次）')
    }
    // an ID number nobody has (valid check digit, unused sequence)
    const { idCheckChar } = await import('@gjj/shared/validation')
    const nobody = `${unknownId.slice(0, 14)}999`
    const stranger = await start({ ...id, idNumber: nobody + idCheckChar(nobody) })
    expect(stranger.statusCode).toBe(422)
    expect(stranger.body).toBe(answers[0]?.body)
  })

  test('five mismatches lock the person: reset and login both wait 30 minutes', async () => {
    const p = await makeDepositor()
    const id = await identity(p)
    for (let i = 0; i < 4; i++) expect((await start({ ...id, name: `错名${i}` })).statusCode).toBe(422)
    const fifth = await start({ ...id, name: '错名5' })
    expect(fifth.statusCode).toBe(429)
    expect(bodyOf(fifth)).toMatchObject({ code: 'LOGIN_LOCKED', retryAfterSeconds: 1800 })
    expect((await start(id)).statusCode).toBe(429)
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(429)
  })

  test('wrong codes and a code of another purpose change nothing', async () => {
    const p = await makeDepositor()
    const started = await begin(p)
    // a 修改手机号码 code sent to the same phone does not reset the password
    await sendSmsHandler(eventFor(sendSmsCode, { purpose: 'changePhone', phone: p.person.phone }, { token: p.token }))
    const changeCode = lastCodeSentTo(p.person.phone, 'changePhone')
    const other = await complete({ resetToken: started.resetToken, smsCode: changeCode })
    expect(other.statusCode).toBe(422)
    expect(message(other)).toBe('验证码已失效，请重新获取验证码')

    const before = (await storedDepositor(p.person.depositorId)).passwordHash
    // the depositor cap (1 a minute) holds across purposes
    const tooSoon = await sendCode(started.resetToken)
    expect(tooSoon.statusCode).toBe(429)
    expect((await storedDepositor(p.person.depositorId)).passwordHash).toBe(before)
  })

  test('a reset code is dead after three wrong tries', async () => {
    const p = await makeDepositor()
    const started = await begin(p)
    await sendCode(started.resetToken)
    const code = lastCodeSentTo(p.person.phone, 'resetPassword')
    for (const left of [2, 1]) {
      expect(message(await complete({ resetToken: started.resetToken, smsCode: wrongCode(code) }))).toBe(
        `验证码错误，还可尝试 ${left} 次`,
      )
    }
    await complete({ resetToken: started.resetToken, smsCode: wrongCode(code) })
    const right = await complete({ resetToken: started.resetToken, smsCode: code })
    expect(right.statusCode).toBe(422)
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(200)
  })

  test('a change-phone code cannot come from the reset: the reset code does not change the phone', async () => {
    const p = await makeDepositor()
    const started = await begin(p)
    await sendCode(started.resetToken)
    const code = lastCodeSentTo(p.person.phone, 'resetPassword')
    const res = await changePhoneHandler(
      eventFor(changePhone, { newPhone: '13512345678', smsCode: code }, { token: p.token }),
    )
    expect(res.statusCode).toBe(422)
  })

  test.each([
    [{ newPassword: 'weakpass', confirmPassword: 'weakpass' }, 'newPassword'],
    [{ confirmPassword: 'Other#2026ok' }, 'confirmPassword'],
    [{ smsCode: undefined }, 'smsCode'],
  ])('%o → 422 on %s', async (input, field) => {
    const p = await makeDepositor()
    const started = await begin(p)
    const res = await complete({ resetToken: started.resetToken, smsCode: '123456', ...input })
    expect(res.statusCode).toBe(422)
    expect(bodyOf<{ issues: { path: string[] }[] }>(res).issues[0]?.path).toEqual([field])
  })

  test('in Alipay, 支付宝身份验证 of the same person replaces the SMS; someone else’s account is refused', async () => {
    const p = await makeDepositor()
    const started = await begin(p, 'alipay')
    expect(started.methods).toEqual(['sms', 'alipay'])
    const stranger = await complete({
      resetToken: started.resetToken,
      method: 'alipay',
      authCode: 'local-other-x',
      smsCode: undefined,
    })
    expect(stranger.statusCode).toBe(422)
    expect(bodyOf(stranger)).toMatchObject({ code: 'ALIPAY_NOT_SAME_PERSON' })
    const own = await complete({
      resetToken: started.resetToken,
      method: 'alipay',
      authCode: 'local-own',
      smsCode: undefined,
    })
    expect(own.statusCode).toBe(200)
    expect((await signIn(p.person.phone, NEW_PASSWORD, p.person.centerCode)).status).toBe(200)
  })

  test('in WeChat, 刷脸 of the same person replaces the SMS: every session ends, the new password logs in', async () => {
    const p = await makeDepositor()
    const other = (await openSession({ ...p.session, channel: 'weapp' })).token
    const started = await begin(p, 'weapp')
    expect(started.methods).toEqual(['sms', 'face'])
    const face = await startFace(started.resetToken, { wxCode: 'local-wx-code' })
    expect(face.statusCode).toBe(200)
    const { verifyId } = bodyOf<{ verifyId: string }>(face)
    const done = await complete({ resetToken: started.resetToken, method: 'face', verifyId, smsCode: undefined })
    expect(done.statusCode).toBe(200)
    for (const token of [p.token, other]) expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
    expect((await signIn(p.person.phone, NEW_PASSWORD, p.person.centerCode)).status).toBe(200)
    const audits = await auditsOf(`depositor:${p.person.depositorId}`, nowIso())
    expect(audits.find((a) => a.action === 'depositor.resetPassword')?.detail).toMatchObject({ method: 'face' })
  })

  test('刷脸 proves only the reset it was started for: another person’s verify id, a made-up one and none are refused, nothing changed', async () => {
    const p = await makeDepositor()
    const q = await makeDepositor()
    const mine = await begin(p, 'weapp')
    const theirs = await begin(q, 'weapp')
    const theirFace = bodyOf<{ verifyId: string }>(await startFace(theirs.resetToken, { wxCode: 'local-wx-q' }))
    const before = (await storedDepositor(p.person.depositorId)).passwordHash
    for (const verifyId of [theirFace.verifyId, 'made-up-verify-id']) {
      const res = await complete({ resetToken: mine.resetToken, method: 'face', verifyId, smsCode: undefined })
      expect(res.statusCode).toBe(422)
      expect(bodyOf(res)).toMatchObject({ code: 'FACE_NOT_PASSED' })
    }
    const none = await complete({ resetToken: mine.resetToken, method: 'face', smsCode: undefined })
    expect(none.statusCode).toBe(422)
    expect(message(none)).toBe('请先完成刷脸验证')
    expect((await storedDepositor(p.person.depositorId)).passwordHash).toBe(before)
    // a wx.login code that is not WeChat's starts nothing
    expect((await startFace(mine.resetToken, { wxCode: 'bad-code' })).statusCode).toBe(422)
  })

  test('in Alipay 刷脸 is not offered (支付宝身份验证 is), and an expired reset cannot start one', async () => {
    const p = await makeDepositor()
    const started = await begin(p, 'alipay')
    const res = await startFace(started.resetToken, {})
    expect(res.statusCode).toBe(422)
    expect(bodyOf(res)).toMatchObject({ code: 'METHOD_NOT_OFFERED' })
    expect((await startFace('no-such-reset', {})).statusCode).toBe(401)
  })

  test('outside Alipay the Alipay method is not offered', async () => {
    const p = await makeDepositor()
    const started = await begin(p)
    const res = await complete({
      resetToken: started.resetToken,
      method: 'alipay',
      authCode: 'local-own',
      smsCode: undefined,
    })
    expect(res.statusCode).toBe(422)
  })

  test('no response or log line holds the ID number, the phone, the code or the password', async () => {
    const p = await makeDepositor()
    const id = await identity(p)
    const { result, written } = await captureOutput(async () => {
      const bodies: string[] = []
      bodies.push((await start({ ...id, name: '错名' })).body ?? '')
      const started = await begin(p)
      bodies.push(JSON.stringify(started))
      bodies.push((await sendCode(started.resetToken)).body ?? '')
      const code = lastCodeSentTo(p.person.phone, 'resetPassword')
      bodies.push((await complete({ resetToken: started.resetToken, smsCode: code })).body ?? '')
      return { bodies, code }
    })
    const all = [...result.bodies, written].join('\n')
    for (const secret of [id.idNumber, p.person.phone, result.code, NEW_PASSWORD]) expect(all).not.toContain(secret)
  })
})
