import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { getAccount } from '@gjj/shared/api/account'
import { completeFirstLoginVerification, login, logout, me, startFirstLoginVerification } from '@gjj/shared/api/auth'
import { changeHotlinePassword, changePassword, changePhone, getProfile, sendSmsCode } from '@gjj/shared/api/profile'
import { chinaDayStart, chinaToday } from '@gjj/shared/clock'
import { addDays } from '@gjj/shared/date'
import { atInstant } from '@gjj/shared/testing/clock'
import { beforeAll, describe, expect, test } from 'vitest'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, type TestPerson } from '../../test/factory'
import { auditsOf, countCalls } from '../../test/publishing'
import {
  captureOutput,
  codesSentTo,
  freshPhone,
  lastCodeSentTo,
  signIn,
  storedDepositor,
  TEST_PASSWORD,
  wrongCode,
} from '../../test/security'
import { nowIso } from '../lib/clock'
import { tokenHash } from '../lib/tokens'
import { db, table } from '../repository/client'
import { depositorUnchanged } from '../repository/depositors'
import { revokeSessions, sessionKey } from '../repository/sessions'
import { seedDemoData } from '../seed/index'
import { openSession } from '../services/sessions'
import { handler as changeHotlineHandler } from './change-hotline-password'
import { handler as changePasswordHandler } from './change-password'
import { handler as changePhoneHandler } from './change-phone'
import { handler as completeHandler } from './complete-first-login-verification'
import { handler as getAccountHandler } from './get-account'
import { handler as getProfileHandler } from './get-profile'
import { handler as loginHandler } from './login'
import { handler as logoutHandler } from './logout'
import { handler as meHandler } from './me'
import { handler as sendHandler } from './send-sms-code'
import { handler as startHandler } from './start-first-login-verification'

beforeAll(async () => {
  await seedDemoData()
})

const send = (token: string, phone: string, extra: Record<string, unknown> = {}) =>
  sendHandler(eventFor(sendSmsCode, { purpose: 'changePhone', phone, ...extra }, { token }))
const change = (token: string, newPhone: string, smsCode: string, extra: Record<string, unknown> = {}) =>
  changePhoneHandler(eventFor(changePhone, { newPhone, smsCode, ...extra }, { token }))
const message = (res: { body?: string }) => bodyOf<{ message: string }>(res).message

/** a second signed-in session of the same person (another phone, another channel) */
const otherSession = async (p: TestPerson) => (await openSession({ ...p.session, channel: 'weapp' })).token

/** every signed-in route answers 401 to a token whose session ended */
async function expectSignedOut(token: string) {
  for (const [handler, op] of [
    [meHandler, me],
    [getProfileHandler, getProfile],
    [getAccountHandler, getAccount],
  ] as const) {
    expect((await handler(eventFor(op, {}, { token }))).statusCode).toBe(401)
  }
}

describe('修改手机号码', () => {
  test('a code to the new number changes the phone: the new one logs in at once, the old one no longer does, other sessions end', async () => {
    const p = await makeDepositor()
    const other = await otherSession(p)
    const newPhone = freshPhone()

    const sent = await send(p.token, newPhone)
    expect(sent.statusCode).toBe(200)
    expect(bodyOf(sent)).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 })
    const code = lastCodeSentTo(newPhone, 'changePhone')
    expect(code).toMatch(/^\d{6}$/)

    const done = await change(p.token, newPhone, code)
    expect(done.statusCode).toBe(200)
    expect(bodyOf(done)).toEqual({ phoneMasked: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}` })
    expect(done.body).not.toContain(newPhone)

    expect((await storedDepositor(p.person.depositorId)).phone).toBe(newPhone)
    expect((await signIn(newPhone, TEST_PASSWORD, p.person.centerCode)).status).toBe(200)
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(401)
    await expectSignedOut(other)
    expect((await meHandler(eventFor(me, {}, { token: p.token }))).statusCode).toBe(200)

    const audits = await auditsOf(`depositor:${p.person.depositorId}`, nowIso())
    expect(audits.map((a) => a.action)).toContain('depositor.changePhone')
    expect(JSON.stringify(audits)).not.toContain(newPhone)
  })

  test('three wrong codes kill the code: the 4th try, even with the right code, changes nothing', async () => {
    const p = await makeDepositor()
    const newPhone = freshPhone()
    await send(p.token, newPhone)
    const code = lastCodeSentTo(newPhone)

    const first = await change(p.token, newPhone, wrongCode(code))
    expect(first.statusCode).toBe(422)
    expect(message(first)).toBe('验证码错误，还可尝试 2 次')
    expect(message(await change(p.token, newPhone, wrongCode(code)))).toBe('验证码错误，还可尝试 1 次')
    expect(message(await change(p.token, newPhone, wrongCode(code)))).toBe('验证码错误次数过多，请重新获取验证码')
    const fourth = await change(p.token, newPhone, code)
    expect(fourth.statusCode).toBe(422)
    expect(message(fourth)).toBe('验证码已失效，请重新获取验证码')
    expect((await storedDepositor(p.person.depositorId)).phone).toBe(p.person.phone)
  })

  test('a code used once cannot be used again', async () => {
    const p = await makeDepositor()
    const newPhone = freshPhone()
    await send(p.token, newPhone)
    const code = lastCodeSentTo(newPhone)
    expect((await change(p.token, newPhone, code)).statusCode).toBe(200)

    const again = await change(p.token, newPhone, code)
    expect(again.statusCode).toBe(422)
    expect(message(again)).toBe('验证码已失效，请重新获取验证码')
  })

  test('a code is dead after 5 minutes', async () => {
    const p = await makeDepositor()
    const newPhone = freshPhone()
    const start = Date.now() + 3_600_000
    const token = await atInstant(new Date(start), async () => {
      const { token } = await openSession(p.session)
      expect((await send(token, newPhone)).statusCode).toBe(200)
      return token
    })
    const code = lastCodeSentTo(newPhone)
    const late = await atInstant(new Date(start + 5 * 60_000 + 1000), () => change(token, newPhone, code))
    expect(late.statusCode).toBe(422)
    expect(message(late)).toBe('验证码已失效，请重新获取验证码')
    expect((await storedDepositor(p.person.depositorId)).phone).toBe(p.person.phone)
  })

  test('a code sent to one number does not change the phone to another', async () => {
    const p = await makeDepositor()
    const asked = freshPhone()
    await send(p.token, asked)
    const res = await change(p.token, freshPhone(), lastCodeSentTo(asked))
    expect(res.statusCode).toBe(422)
    expect(message(res)).toBe('验证码错误，还可尝试 2 次')
    expect((await storedDepositor(p.person.depositorId)).phone).toBe(p.person.phone)
  })

  test('a number another depositor has is refused after the code, and nothing changes', async () => {
    const p = await makeDepositor()
    const someone = await makeDepositor()
    await send(p.token, someone.person.phone)
    const res = await change(p.token, someone.person.phone, lastCodeSentTo(someone.person.phone))
    expect(res.statusCode).toBe(422)
    expect(bodyOf(res)).toMatchObject({ code: 'PHONE_TAKEN' })
    expect((await storedDepositor(p.person.depositorId)).phone).toBe(p.person.phone)
    expect((await storedDepositor(someone.person.depositorId)).phone).toBe(someone.person.phone)
  })

  test('sending a code answers alike whether or not the number belongs to someone', async () => {
    const [a, b] = [await makeDepositor(), await makeDepositor()]
    const taken = await send(a.token, (await makeDepositor()).person.phone)
    const free = await send(b.token, freshPhone())
    expect(taken.statusCode).toBe(free.statusCode)
    expect(taken.body).toBe(free.body)
  })

  test.each([
    ['a malformed phone', { phone: '12800138000' }, 'phone'],
    ['a phone with letters', { phone: '1380013800a' }, 'phone'],
    ['another person named in the request', { depositorId: 'T00000001' }, ''],
  ])('%s is refused with 422', async (_what, extra, field) => {
    const p = await makeDepositor()
    const res = await send(p.token, freshPhone(), extra)
    expect(res.statusCode).toBe(422)
    if (field) expect(bodyOf<{ issues: { path: string[] }[] }>(res).issues[0]?.path).toEqual([field])
  })

  test('changePhone takes no depositor from the request: an id in the body is refused, the session decides', async () => {
    const p = await makeDepositor()
    const victim = await makeDepositor()
    const res = await change(p.token, freshPhone(), '123456', { depositorId: victim.person.depositorId })
    expect(res.statusCode).toBe(422)
    expect((await storedDepositor(victim.person.depositorId)).phone).toBe(victim.person.phone)
  })

  test('the new number is the current one → 422', async () => {
    const p = await makeDepositor()
    await send(p.token, p.person.phone)
    const res = await change(p.token, p.person.phone, lastCodeSentTo(p.person.phone))
    expect(res.statusCode).toBe(422)
    expect(message(res)).toBe('新手机号码与当前手机号码相同')
  })

  test('no response or log line holds the phone number, the code or a password', async () => {
    const p = await makeDepositor()
    const newPhone = freshPhone()
    const { result: bodies, written } = await captureOutput(async () => {
      const out: string[] = []
      out.push((await send(p.token, newPhone)).body ?? '')
      const code = lastCodeSentTo(newPhone)
      out.push((await change(p.token, newPhone, wrongCode(code))).body ?? '')
      out.push((await change(p.token, newPhone, code)).body ?? '')
      out.push(
        (
          await changePasswordHandler(
            eventFor(
              changePassword,
              { oldPassword: 'Wrong@2026x', newPassword: 'New#2026pass', confirmPassword: 'New#2026pass' },
              { token: p.token },
            ),
          )
        ).body ?? '',
      )
      return { out, code }
    })
    const all = [...bodies.out, written].join('\n')
    for (const secret of [newPhone, p.person.phone, bodies.code, 'Wrong@2026x', 'New#2026pass', TEST_PASSWORD]) {
      expect(all).not.toContain(secret)
    }
  })
})

describe('SMS caps: 1 a minute, 5 an hour, 10 a China day, per number and per depositor', () => {
  /** a send at `instant` with a session opened then (the suite's clock may be far from `instant`) */
  const sendAt = (instant: number, p: TestPerson, phone: string) =>
    atInstant(new Date(instant), async () => send((await openSession(p.session)).token, phone))

  test('a second code within a minute is refused with the wait; after it, one goes', async () => {
    const p = await makeDepositor()
    const phone = freshPhone()
    const t = Date.now() + 7_200_000
    expect((await sendAt(t, p, phone)).statusCode).toBe(200)
    const soon = await sendAt(t + 20_000, p, phone)
    expect(soon.statusCode).toBe(429)
    expect(bodyOf(soon)).toMatchObject({ retryAfterSeconds: 40, message: '获取验证码过于频繁，请 40 秒后再试' })
    expect(soon.headers?.['retry-after']).toBe('40')
    expect((await sendAt(t + 61_000, p, phone)).statusCode).toBe(200)
    expect(codesSentTo(phone)).toHaveLength(2)
  })

  test('the 6th code within an hour waits until the first of the 5 is an hour old', async () => {
    const p = await makeDepositor()
    const phone = freshPhone()
    const t = Date.now() + 7_200_000
    for (let i = 0; i < 5; i++) expect((await sendAt(t + i * 120_000, p, phone)).statusCode).toBe(200)
    const sixth = await sendAt(t + 10 * 60_000, p, phone)
    expect(sixth.statusCode).toBe(429)
    expect(bodyOf(sixth)).toMatchObject({
      retryAfterSeconds: 50 * 60,
      message: '一小时内获取验证码已达 5 次，请 50 分钟后再试',
    })
    expect((await sendAt(t + 60 * 60_000 + 1000, p, phone)).statusCode).toBe(200)
  })

  test('the 11th code of a China day is refused until China midnight, then they go again', async () => {
    const p = await makeDepositor()
    const phone = freshPhone()
    const day = addDays(chinaToday(), 3)
    const dayStart = Date.parse(chinaDayStart(day))
    for (let i = 0; i < 10; i++) {
      expect((await sendAt(dayStart + 60_000 + i * 13 * 60_000, p, phone)).statusCode).toBe(200)
    }
    const eleventh = dayStart + 23 * 3_600_000 + 59 * 60_000 + 59_000 // 23:59:59 China time
    const refused = await sendAt(eleventh, p, phone)
    expect(refused.statusCode).toBe(429)
    expect(bodyOf(refused)).toMatchObject({ retryAfterSeconds: 1, message: '今日获取验证码已达 10 次，请明天再试' })
    expect(codesSentTo(phone)).toHaveLength(10)
    expect((await sendAt(dayStart + 86_400_000, p, phone)).statusCode).toBe(200)
  })

  test('the caps hold per depositor across numbers, and per number across depositors', async () => {
    const p = await makeDepositor()
    const q = await makeDepositor()
    const t = Date.now() + 7_200_000
    const shared = freshPhone()
    expect((await sendAt(t, p, shared)).statusCode).toBe(200)
    expect((await sendAt(t + 5_000, p, freshPhone())).statusCode).toBe(429)
    expect((await sendAt(t + 5_000, q, shared)).statusCode).toBe(429)
  })
})

describe('APP/微信/网厅密码修改', () => {
  const changePw = (token: string, input: Record<string, unknown>) =>
    changePasswordHandler(eventFor(changePassword, input, { token }))

  test('the new password works at once, the old one no longer does, and every other session ends', async () => {
    const p = await makeDepositor()
    const other = await otherSession(p)
    const res = await changePw(p.token, {
      oldPassword: TEST_PASSWORD,
      newPassword: 'Brand#New2026',
      confirmPassword: 'Brand#New2026',
    })
    expect(res.statusCode).toBe(200)
    await expectSignedOut(other)
    expect((await meHandler(eventFor(me, {}, { token: p.token }))).statusCode).toBe(200)
    expect((await signIn(p.person.phone, 'Brand#New2026', p.person.centerCode)).status).toBe(200)
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(401)
    const audits = await auditsOf(`depositor:${p.person.depositorId}`, nowIso())
    expect(audits.map((a) => a.action)).toContain('depositor.changePassword')
  })

  test.each([
    [
      { oldPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
      '新密码不能与原密码相同',
    ],
    [{ oldPassword: TEST_PASSWORD, newPassword: 'short1A', confirmPassword: 'short1A' }, '密码至少8位'],
    [
      { oldPassword: TEST_PASSWORD, newPassword: 'alllowercase1', confirmPassword: 'alllowercase1' },
      '密码须包含大写字母、小写字母、数字、符号中的至少三种',
    ],
    [
      { oldPassword: TEST_PASSWORD, newPassword: 'Brand#New2026', confirmPassword: 'Brand#New2027' },
      '两次输入的新密码不一致',
    ],
  ])('%o → 422 %s, nothing changed', async (input, rule) => {
    const p = await makeDepositor()
    const before = (await storedDepositor(p.person.depositorId)).passwordHash
    const res = await changePw(p.token, input)
    expect(res.statusCode).toBe(422)
    expect(message(res)).toBe(rule)
    expect((await storedDepositor(p.person.depositorId)).passwordHash).toBe(before)
  })

  test('a wrong old password is 422 and counts toward the login lock: the 5th locks login too', async () => {
    const p = await makeDepositor()
    const wrong = { oldPassword: 'Wrong@2026x', newPassword: 'Brand#New2026', confirmPassword: 'Brand#New2026' }
    const first = await changePw(p.token, wrong)
    expect(first.statusCode).toBe(422)
    expect(message(first)).toBe('原密码错误，还可尝试 4 次')
    for (let i = 0; i < 3; i++) expect((await changePw(p.token, wrong)).statusCode).toBe(422)
    const fifth = await changePw(p.token, wrong)
    expect(fifth.statusCode).toBe(429)
    expect(bodyOf(fifth)).toMatchObject({ code: 'LOGIN_LOCKED', retryAfterSeconds: 1800 })
    expect((await signIn(p.person.phone, TEST_PASSWORD, p.person.centerCode)).status).toBe(429)
    const right = await changePw(p.token, { ...wrong, oldPassword: TEST_PASSWORD })
    expect(right.statusCode).toBe(429)
  })
})

describe('12329 语音热线、触摸屏密码修改', () => {
  const changeHotline = (token: string, newPassword: string, oldPassword = TEST_PASSWORD) =>
    changeHotlineHandler(
      eventFor(changeHotlinePassword, { oldPassword, newPassword, confirmPassword: newPassword }, { token }),
    )

  test('a good 6-digit password is stored with the login password hashing; the old one then no longer works', async () => {
    const p = await makeDepositor()
    const res = await changeHotline(p.token, '358024')
    expect(res.statusCode).toBe(200)
    const stored = await storedDepositor(p.person.depositorId)
    expect(stored.hotlinePasswordHash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(stored.hotlinePasswordHash).not.toContain('358024')
    const again = await changeHotline(p.token, '468135', TEST_PASSWORD)
    expect(again.statusCode).toBe(422)
    expect(message(again)).toBe('原热线密码错误，还可尝试 4 次')
    expect((await changeHotline(p.token, '468135', '358024')).statusCode).toBe(200)
  })

  test.each([
    ['111111', '密码不能是6位相同的数字'],
    ['123456', '密码不能是连续的数字，如123456'],
    ['876543', '密码不能是连续的数字，如123456'],
    ['12345a', '热线密码须为6位数字'],
  ])('%s → 422 %s', async (pw, rule) => {
    const p = await makeDepositor()
    const res = await changeHotline(p.token, pw)
    expect(res.statusCode).toBe(422)
    expect(message(res)).toBe(rule)
  })

  test('the birth date of the ID number is refused, as YYMMDD and inside YYYYMMDD', async () => {
    const p = await makeDepositor({ birthDate: '1990-07-15' })
    for (const pw of ['900715', '199007', '071590']) {
      const res = await changeHotline(p.token, pw)
      expect(res.statusCode).toBe(422)
      expect(message(res)).toBe('密码不能使用身份证号码中的出生日期')
    }
  })
})

describe('DynamoDB calls', () => {
  test('sendSmsCode and changePhone make few calls', async () => {
    const p = await makeDepositor()
    const newPhone = freshPhone()
    const sent = await countCalls(() => send(p.token, newPhone))
    expect(sent.result.statusCode).toBe(200)
    expect(sent.calls).toEqual(['UpdateCommand', 'BatchGetCommand', 'TransactWriteCommand'])
    await otherSession(p)
    const changed = await countCalls(() => change(p.token, newPhone, lastCodeSentTo(newPhone)))
    expect(changed.result.statusCode).toBe(200)
    expect(changed.calls).toEqual([
      'UpdateCommand',
      'GetCommand',
      'GetCommand',
      'TransactWriteCommand',
      'QueryCommand',
      'BatchWriteCommand',
    ])
  })
})

describe('login lock per person', () => {
  const attempt = (account: string, password: string, centerCode = 'C65430') =>
    loginHandler(
      eventFor(
        login,
        { account, password, centerCode, channel: 'h5', deviceId: 'device-lock-test' },
        { sourceIp: freshIp() },
      ),
    )

  test('5 wrong passwords with the ID number lock the phone number too', async () => {
    const p = await makeDepositor()
    const idNumber = (await storedDepositor(p.person.depositorId)).idNumber
    for (let i = 1; i <= 4; i++) expect((await attempt(idNumber, `Wrong@${i}abc`)).statusCode).toBe(401)
    expect((await attempt(p.person.phone, 'Wrong@5abc')).statusCode).toBe(429)
    const right = await attempt(p.person.phone, TEST_PASSWORD)
    expect(right.statusCode).toBe(429)
    expect(bodyOf(right)).toMatchObject({ code: 'LOGIN_LOCKED' })
  })

  test('wrong tries alternate between phone and ID number on one count', async () => {
    const p = await makeDepositor()
    const idNumber = (await storedDepositor(p.person.depositorId)).idNumber
    const messages: string[] = []
    for (let i = 1; i <= 4; i++)
      messages.push(message(await attempt(i % 2 ? p.person.phone : idNumber, `Wrong@${i}abc`)))
    expect(messages).toEqual([4, 3, 2, 1].map((n) => `账号或密码错误，还可尝试 ${n} 次`))
  })

  test('an unknown identifier is answered exactly like a known one, lock included', async () => {
    const p = await makeDepositor()
    const unknown = freshPhone()
    for (let i = 1; i <= 5; i++) {
      const [known, stranger] = [
        await attempt(p.person.phone, `Wrong@${i}abc`),
        await attempt(unknown, `Wrong@${i}abc`),
      ]
      expect(stranger.statusCode).toBe(known.statusCode)
      expect(stranger.body).toBe(known.body)
    }
  })
})

describe('sessions end at once, and none slips past a change (decision 79)', () => {
  test('a sign-in whose password was checked before a password change cannot open a session after it', async () => {
    const p = await makeDepositor()
    // first step of a sign-in on a new device: password checked, verification pending
    const first = await loginHandler(
      eventFor(
        login,
        {
          account: p.person.phone,
          password: TEST_PASSWORD,
          centerCode: p.person.centerCode,
          channel: 'h5',
          deviceId: 'new-device',
        },
        { sourceIp: freshIp() },
      ),
    )
    const { ticket } = bodyOf<{ status: string; ticket: string }>(first)
    expect(ticket).toBeTruthy()
    // meanwhile the owner changes the password on their signed-in phone
    const changed = await changePasswordHandler(
      eventFor(
        changePassword,
        { oldPassword: TEST_PASSWORD, newPassword: 'Brand#New2026', confirmPassword: 'Brand#New2026' },
        { token: p.token },
      ),
    )
    expect(changed.statusCode).toBe(200)
    const started = await startHandler(eventFor(startFirstLoginVerification, { ticket, method: 'face' }))
    const { verifyId } = bodyOf<{ verifyId: string }>(started)
    const done = await completeHandler(
      eventFor(completeFirstLoginVerification, { ticket, method: 'face', verifyId }, { sourceIp: freshIp() }),
    )
    expect(done.statusCode).toBe(409)
    expect(bodyOf(done)).toMatchObject({ code: 'ACCOUNT_CHANGED', message: '您的账号信息刚刚发生了变化，请重新登录' })
    // the only session left is the one that made the change
    expect(await revokeSessions({ kind: 'depositor', id: p.person.depositorId }, tokenHash(p.token))).toBe(0)
  })

  test('a session written with the version read before a change is refused, and nothing is stored', async () => {
    const p = await makeDepositor()
    const before = (await storedDepositor(p.person.depositorId)).version
    await change(p.token, ...(await sentCode(p)))
    await expect(openSession(p.session, depositorUnchanged(p.person.depositorId, before))).rejects.toMatchObject({
      status: 409,
    })
    expect(await revokeSessions({ kind: 'depositor', id: p.person.depositorId }, tokenHash(p.token))).toBe(0)
  })

  test('thirty other sessions all end with one change, on every route', async () => {
    const p = await makeDepositor()
    const others = await Promise.all(Array.from({ length: 30 }, () => otherSession(p)))
    expect((await change(p.token, ...(await sentCode(p)))).statusCode).toBe(200)
    for (const token of others) expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
    await expectSignedOut(others[29] as string)
    expect((await meHandler(eventFor(me, {}, { token: p.token }))).statusCode).toBe(200)
  })

  test('a session ends 12 hours after sign-in however busy it is', async () => {
    const p = await makeDepositor()
    const start = Date.parse(nowIso())
    const token = await atInstant(new Date(start), () => otherSession(p))
    const at = (minutes: number) =>
      atInstant(
        new Date(start + minutes * 60_000),
        async () => (await meHandler(eventFor(me, {}, { token }))).statusCode,
      )
    for (let m = 29; m < 12 * 60; m += 29) expect(await at(m)).toBe(200)
    expect(await at(12 * 60 + 1)).toBe(401)
  })

  test('a session stored before decision 79 (no absolute deadline, no link) is refused', async () => {
    const p = await makeDepositor()
    const token = 'legacy-session-token-0123456789abcdef'
    const now = Math.floor(Date.parse(nowIso()) / 1000)
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...sessionKey(tokenHash(token)), entity: 'Session', ...p.session, expiresAt: now + 1800 },
      }),
    )
    expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
  })

  test('退出 removes the session and its link', async () => {
    const p = await makeDepositor()
    const other = await otherSession(p)
    expect((await logoutHandler(eventFor(logout, {}, { token: other }))).statusCode).toBe(200)
    expect((await meHandler(eventFor(me, {}, { token: other }))).statusCode).toBe(401)
    expect(await revokeSessions({ kind: 'depositor', id: p.person.depositorId }, tokenHash(p.token))).toBe(0)
  })
})

/** a changePhone code for a fresh number: [newPhone, code] */
async function sentCode(p: TestPerson): Promise<[string, string]> {
  const phone = freshPhone()
  expect((await send(p.token, phone)).statusCode).toBe(200)
  return [phone, lastCodeSentTo(phone)]
}
