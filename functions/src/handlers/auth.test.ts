import { completeFirstLoginVerification, login, logout, me, startFirstLoginVerification } from '@gjj/shared/api/auth'
import { beforeAll, describe, expect, test } from 'vitest'
import { ayi, freshIp, idNumberOf, loginAs, wang } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor } from '../../test/factory'
import { captureOutput } from '../../test/security'
import { clock } from '../lib/clock'
import { getDepositor } from '../repository/depositors'
import { DEMO_PASSWORD } from '../seed/demo'
import { seedDemoData } from '../seed/index'
import { handler as completeHandler } from './complete-first-login-verification'
import { handler as loginHandler } from './login'
import { handler as logoutHandler } from './logout'
import { handler as meHandler } from './me'
import { handler as startHandler } from './start-first-login-verification'

beforeAll(async () => {
  await seedDemoData()
})

const attempt = (input: Record<string, unknown>, sourceIp = freshIp()) =>
  loginHandler(
    eventFor(login, { centerCode: 'C65430', channel: 'h5', deviceId: 'device-under-test', ...input }, { sourceIp }),
  )

describe('login', () => {
  test('a first login on a device asks for 支付宝授权 or 刷脸 before any session exists', async () => {
    const res = await attempt({ account: wang.phone, password: DEMO_PASSWORD, deviceId: 'first-device-1' })
    expect(res.statusCode).toBe(200)
    const body = bodyOf<{ status: string; methods: string[]; session?: unknown }>(res)
    expect(body.status).toBe('verificationRequired')
    expect(body.methods).toEqual(['alipay', 'face'])
    expect(body.session).toBeUndefined()
  })

  test('face verification through the local verifier signs the person in, and the device is remembered', async () => {
    const sourceIp = freshIp()
    const first = bodyOf<{ ticket: string }>(
      await attempt({ account: idNumberOf(ayi), password: DEMO_PASSWORD, deviceId: 'face-device' }, sourceIp),
    )
    const started = await startHandler(
      eventFor(startFirstLoginVerification, { ticket: first.ticket, method: 'face', wxCode: 'local-wx-code' }),
    )
    expect(started.statusCode).toBe(200)
    // the WeChat session_key stays on the server
    expect(started.body).not.toMatch(/session_?key|openid/i)
    const { verifyId } = bodyOf<{ verifyId: string }>(started)
    const done = await completeHandler(
      eventFor(completeFirstLoginVerification, { ticket: first.ticket, method: 'face', verifyId }),
    )
    expect(done.statusCode).toBe(200)
    expect(bodyOf<{ depositor: { name: string } }>(done).depositor.name).toBe(ayi.name)

    // the ticket completes one login only
    const again = await completeHandler(
      eventFor(completeFirstLoginVerification, { ticket: first.ticket, method: 'face', verifyId }),
    )
    expect(again.statusCode).toBe(401)

    const second = await attempt({ account: ayi.phone, password: DEMO_PASSWORD, deviceId: 'face-device' }, sourceIp)
    expect(bodyOf<{ status: string }>(second).status).toBe('ok')
  })

  test.each([
    ['weapp', ['face']],
    ['alipay', ['alipay']],
  ])('on %s the first login offers %o', async (channel, methods) => {
    const res = await attempt({ account: wang.phone, password: DEMO_PASSWORD, channel, deviceId: `${channel}-device` })
    expect(bodyOf<{ methods: string[] }>(res).methods).toEqual(methods)
  })

  test('a wrong password and an unknown phone get the same answer', async () => {
    const wrong = await attempt({ account: wang.phone, password: 'Wrong@2026x' })
    const unknown = await attempt({ account: '13700000000', password: 'Wrong@2026x' })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(bodyOf(wrong)).toEqual(bodyOf(unknown))
    expect(bodyOf<{ message: string }>(wrong).message).toBe('账号或密码错误，还可尝试 4 次')
  })

  test('the right password at the wrong center says 查无您的信息，请确认所选公积金中心', async () => {
    const res = await attempt({ account: wang.phone, password: DEMO_PASSWORD, centerCode: 'C65010' })
    expect(res.statusCode).toBe(404)
    expect(bodyOf(res)).toMatchObject({ code: 'WRONG_CENTER', message: '查无您的信息，请确认所选公积金中心' })
  })

  test.each([
    [{ account: '1380000', password: 'x' }, 'account', '手机号码'],
    [{ account: '371524199011063029', password: 'x' }, 'account', '身份证'],
    [{ account: wang.phone, password: '' }, 'password', '请输入密码'],
  ])('malformed input %o is refused with 422 and the field message', async (input, field, words) => {
    const res = await attempt(input)
    expect(res.statusCode).toBe(422)
    const body = bodyOf<{ issues: { path: string[]; message: string }[] }>(res)
    expect(body.issues[0]?.path).toEqual([field])
    expect(body.issues[0]?.message).toContain(words)
  })

  test('five wrong passwords lock login for 30 minutes, even with the right password', async () => {
    // a fresh person: the lock is the person's (decision 51), and the demo people serve other tests
    const p = await makeDepositor()
    const account = (await getDepositor(p.person.depositorId))?.idNumber as string
    const centerCode = p.person.centerCode
    for (let i = 1; i <= 4; i++) {
      expect((await attempt({ account, centerCode, password: `Wrong@${i}abc` })).statusCode).toBe(401)
    }
    const fifth = await attempt({ account, centerCode, password: 'Wrong@5abc' })
    expect(fifth.statusCode).toBe(429)
    expect(bodyOf(fifth)).toMatchObject({ code: 'LOGIN_LOCKED', retryAfterSeconds: 1800 })
    expect(bodyOf<{ message: string }>(fifth).message).toContain('30 分钟')
    const right = await attempt({ account, centerCode, password: 'Test@2026x' })
    expect(right.statusCode).toBe(429)
    expect(bodyOf<{ message: string }>(right).message).toMatch(/请 \d+ 分钟后再试/)
  })

  test('more than 10 attempts a minute from one client are refused with 429', async () => {
    const sourceIp = freshIp()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await attempt({ account: '13600000000', password: `Nope@${i}xyz` }, sourceIp)).statusCode ?? 0)
    }
    expect(statuses.slice(0, 10).every((s) => s === 401 || s === 429)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('支付宝授权 binds the person, not whichever account comes first', () => {
  const firstLogin = async (person: typeof wang) => {
    const res = await attempt({ account: person.phone, password: DEMO_PASSWORD, deviceId: `alipay-${Math.random()}` })
    return bodyOf<{ ticket: string }>(res).ticket
  }

  test('an Alipay account certified as someone else is refused in Chinese, and is not bound', async () => {
    const ticket = await firstLogin(ayi)
    const started = await startHandler(eventFor(startFirstLoginVerification, { ticket, method: 'alipay' }))
    expect(bodyOf(started)).toEqual({ method: 'alipay', scopes: ['auth_user'] })
    const res = await completeHandler(
      eventFor(completeFirstLoginVerification, { ticket, method: 'alipay', authCode: 'local-other-stranger' }),
    )
    expect(res.statusCode).toBe(422)
    expect(bodyOf(res)).toMatchObject({
      code: 'ALIPAY_NOT_SAME_PERSON',
      message: '该支付宝账号的实名信息与您的身份信息不一致，请使用本人实名认证的支付宝账号授权，或选择刷脸验证',
    })
    // nothing was bound: the same ticket still completes with the person's own account
    const own = await completeHandler(
      eventFor(completeFirstLoginVerification, { ticket, method: 'alipay', authCode: `local-${ayi.depositorId}` }),
    )
    expect(own.statusCode).toBe(200)
  })
})

describe('sessions', () => {
  test('a session opens me, and 退出当前账号 revokes it on the server', async () => {
    const token = await loginAs(wang)
    const mine = await meHandler(eventFor(me, {}, { token }))
    expect(mine.statusCode).toBe(200)
    expect(bodyOf(mine)).toMatchObject({ name: wang.name, center: { code: 'C65430' } })
    expect(mine.body).not.toContain(wang.phone)
    expect(mine.body).not.toContain(idNumberOf(wang))

    expect((await logoutHandler(eventFor(logout, {}, { token }))).statusCode).toBe(200)
    expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
  })

  test.each([
    ['no token', undefined],
    ['a forged token', 'forged-token-that-was-never-issued'],
  ])('%s is refused with 401', async (_what, token) => {
    const res = await meHandler(eventFor(me, {}, token ? { token } : {}))
    expect(res.statusCode).toBe(401)
  })

  test('a session idle for more than 30 minutes has expired; use within 30 minutes keeps it alive', async () => {
    const token = await loginAs(wang)
    const start = Date.now()
    try {
      clock.now = () => new Date(start + 29 * 60_000)
      expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(200)
      clock.now = () => new Date(start + 58 * 60_000)
      expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(200)
      clock.now = () => new Date(start + 89 * 60_000)
      expect((await meHandler(eventFor(me, {}, { token }))).statusCode).toBe(401)
    } finally {
      clock.now = () => new Date()
    }
  })
})

describe('privacy', () => {
  test('no response or log line holds the raw ID number, phone number or password', async () => {
    const { result: bodies, written } = await captureOutput(async () => [
      (await attempt({ account: wang.phone, password: 'Wrong@pass1' })).body ?? '',
      (await attempt({ account: idNumberOf(wang), password: DEMO_PASSWORD, centerCode: 'C65010' })).body ?? '',
      (await meHandler(eventFor(me, {}, { token: await loginAs(wang) }))).body ?? '',
    ])
    const all = [written, ...bodies].join('\n')
    for (const secret of [wang.phone, idNumberOf(wang), DEMO_PASSWORD, 'Wrong@pass1']) {
      expect(all).not.toContain(secret)
    }
  })
})
