import { randomInt } from 'node:crypto'
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { getAccount } from '@gjj/shared/api/account'
import { approveApplication, listReviewQueue } from '@gjj/shared/api/admin'
import { login } from '@gjj/shared/api/auth'
import { getLoan, listRepaymentPlan } from '@gjj/shared/api/loan'
import { getWithdrawalQuote, listWithdrawalKinds } from '@gjj/shared/api/withdrawal'
import { chinaMonth, chinaToday } from '@gjj/shared/clock'
import { addDays } from '@gjj/shared/date'
import { aroundChinaMidnight, atInstant } from '@gjj/shared/testing/clock'
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { create, sealed, submit, uploadRequired } from '../../test/applications'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer, testLoan } from '../../test/factory'
import { listLedger } from '../repository/accounts'
import { auditFromItem, auditPartition } from '../repository/audit'
import { centerKey, putCenters } from '../repository/centers'
import { db, table } from '../repository/client'
import { demoAccount, demoLoan, demoPeople } from '../seed/demo'
import { seedDemoData } from '../seed/index'
import { openSession } from '../services/sessions'
import { handler as approveHandler } from './approve-application'
import { handler as accountHandler } from './get-account'
import { handler as loanHandler } from './get-loan'
import { handler as quoteHandler } from './get-withdrawal-quote'
import { handler as planHandler } from './list-repayment-plan'
import { handler as queueHandler } from './list-review-queue'
import { handler as kindsHandler } from './list-withdrawal-kinds'
import { handler as loginHandler } from './login'

/**
 * Every date the fund derives from an instant is a China date: each derivation below runs with the
 * clock stopped at 23:59:59, 00:00:00 and 00:30 China time (15:59:59Z, 16:00:00Z and 16:30:00Z),
 * whatever zone the process is in (npm test runs these again under America/Los_Angeles).
 */
beforeAll(async () => {
  await seedDemoData()
})

const minutes = (instant: string, n: number) => new Date(Date.parse(instant) + n * 60_000).toISOString()

describe('the review queue filters by China submission date', () => {
  test.each(aroundChinaMidnight('2026-12-03'))(
    'an application submitted at %s is listed under %s',
    async (instant, date) => {
      // a center of its own, so that only this application is in its queue
      const centerCode = `C7${String(randomInt(0, 10_000)).padStart(4, '0')}`
      await putCenters([{ code: centerCode, name: '测试中心', shortName: '测试', hotline: '12329', region: '测试' }])
      onTestFinished(async () => {
        await db.send(new DeleteCommand({ TableName: table, Key: centerKey(centerCode) }))
      })
      const reviewer = await makeReviewer(centerCode)
      const id = await atInstant(instant, async () => {
        const p = await sealed(centerCode)
        const { body: app } = await create(p, { kind: 'termination' })
        await uploadRequired(p, app)
        expect((await submit(p, app.id)).statusCode).toBe(200)
        return app.id
      })
      const list = async (from: string, to: string) =>
        bodyOf<{ items: { id: string; submittedAt: string }[] }>(
          await queueHandler(
            eventFor(listReviewQueue, { submittedFrom: from, submittedTo: to }, { token: reviewer.token }),
          ),
        ).items
      const on = await list(date, date)
      expect(on.map((i) => i.id)).toEqual([id])
      expect(on[0]?.submittedAt).toBe(instant)
      expect(await list(addDays(date, -1), addDays(date, -1))).toEqual([])
      expect(await list(addDays(date, 1), addDays(date, 1))).toEqual([])
      expect((await list(addDays(date, -1), addDays(date, 1))).map((i) => i.id)).toEqual([id])
    },
  )
})

describe('an approval is booked on its China date', () => {
  test.each(aroundChinaMidnight('2026-12-01'))(
    'a rent withdrawal approved at %s is booked on %s, audited in its China month and counted from that date',
    async (instant, date) => {
      const reviewer = await makeReviewer('C65430')
      const p = await atInstant('2026-11-20T04:00:00Z', () => makeDepositor())
      await atInstant(instant, async () => {
        p.token = (await openSession(p.session)).token
        const { body: app } = await create(p, {
          kind: 'rent',
          rentAddress: '阿勒泰市某小区',
          monthlyRentFen: 100_000,
          months: 1,
          amountFen: 100_000,
        })
        await uploadRequired(p, app)
        expect((await submit(p, app.id)).statusCode).toBe(200)
        const approved = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
        expect(approved.statusCode).toBe(200)
        const ledger = (await listLedger(p.person.accountNo, { limit: 1000 })).items.filter((e) => e.date === date)
        expect(ledger.map((e) => e.type)).toEqual(['11'])
        const audit = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :at)',
            ExpressionAttributeValues: { ':pk': auditPartition(date.slice(0, 7)), ':at': instant },
          }),
        )
        expect((audit.Items ?? []).map(auditFromItem).map((a) => a.action)).toEqual(['approveApplication'])
        expect(chinaMonth(instant)).toBe(date.slice(0, 7))
      })
      // the once-every-12-months rule names the China date of the last approval
      const kinds = bodyOf<{ kinds: { kind: string; ineligibleReason: string | null }[] }>(
        await kindsHandler(eventFor(listWithdrawalKinds, {}, { token: (await openSession(p.session)).token })),
      ).kinds
      expect(kinds.find((k) => k.kind === 'rent')?.ineligibleReason).toBe(
        `12个月内只能办理一次房租提取，上次办理日期为${date}`,
      )
    },
  )
})

describe('销户利息 runs to the China date and from the last June 30 in China', () => {
  test.each([
    ...aroundChinaMidnight('2026-12-03').map(([i, d]) => [i, d, '2026-06-30', '2026-11-20T04:00:00Z']),
    ...aroundChinaMidnight('2026-07-01').map(([i, d], n) => [
      i,
      d,
      n === 0 ? '2025-06-30' : '2026-06-30',
      '2026-06-10T04:00:00Z',
    ]),
  ])('at %s the quote counts interest to %s from %s', async (instant, date, from, createdAt) => {
    const p = await atInstant(createdAt as string, () => sealed())
    const quote = await atInstant(instant as string, async () => {
      const { token } = await openSession(p.session)
      return bodyOf<{ interestFrom: string; interestTo: string }>(
        await quoteHandler(eventFor(getWithdrawalQuote, { kind: 'termination' }, { token })),
      )
    })
    expect(quote).toMatchObject({ interestFrom: from, interestTo: date })
  })
})

describe('还款计划 and 我的贷款 by China date', () => {
  // a loan disbursed 2025-12-20 is due on the 20th: period 12 falls due on 2026-12-20
  test.each(aroundChinaMidnight('2026-12-21').map(([i, d], n) => [i, d, n === 0]))(
    'at %s (China %s) the period due 2026-12-20 is still the next one: %s',
    async (instant, _date, stillDue) => {
      const p = await atInstant('2026-12-10T04:00:00Z', () => makeDepositor({ loan: testLoan() }))
      await atInstant(instant, async () => {
        p.token = (await openSession(p.session)).token
        const plan = bodyOf<{ items: { period: number; dueDate: string; status: string }[] }>(
          await planHandler(eventFor(listRepaymentPlan, { cursor: '12', limit: 1 }, { token: p.token })),
        )
        expect(plan.items[0]).toMatchObject({ period: 12, dueDate: '2026-12-20' })
        expect(plan.items[0]?.status).toBe(stillDue ? 'due' : 'paid')
        const { loan } = bodyOf<{ loan: { nextDueDate: string; lastDueDate: string } }>(
          await loanHandler(eventFor(getLoan, {}, { token: p.token })),
        )
        expect(loan.nextDueDate).toBe(stillDue ? '2026-12-20' : '2027-01-20')
        expect(loan.lastDueDate).toBe(stillDue ? '2026-11-20' : '2026-12-20')
      })
    },
  )
})

describe('sessions and login locks are counted in instants, across China midnight', () => {
  test.each(aroundChinaMidnight('2026-12-03'))(
    'a session opened at %s (China %s) lives 30 idle minutes',
    async (instant) => {
      const p = await atInstant(instant, () => makeDepositor())
      const call = (at: string) =>
        atInstant(at, async () => (await accountHandler(eventFor(getAccount, {}, { token: p.token }))).statusCode)
      expect(await call(minutes(instant, 29))).toBe(200)
      expect(await call(minutes(instant, 58))).toBe(200)
      expect(await call(minutes(instant, 89))).toBe(401)
    },
  )

  test.each(aroundChinaMidnight('2026-12-03'))(
    'a login locked at %s (China %s) opens again 30 minutes later',
    async (instant) => {
      const p = await makeDepositor()
      const sourceIp = `10.8.${randomInt(0, 250)}.${randomInt(0, 250)}`
      const attempt = (password: string) =>
        loginHandler(
          eventFor(
            login,
            {
              account: p.person.phone,
              password,
              centerCode: p.person.centerCode,
              channel: 'h5',
              deviceId: 'device-china-dates',
            },
            { sourceIp },
          ),
        )
      const locked = await atInstant(instant, async () => {
        for (let i = 0; i < 4; i++) expect((await attempt(`Wrong@${i}abc`)).statusCode).toBe(401)
        return attempt('Wrong@5abc')
      })
      expect(bodyOf<{ message: string }>(locked).message).toContain('请 30 分钟后再试')
      const later = await atInstant(minutes(instant, 29.5), () => attempt('Test@2026x'))
      expect(later.statusCode).toBe(429)
      expect(bodyOf<{ message: string }>(later).message).toContain('请 1 分钟后再试')
      expect((await atInstant(minutes(instant, 30), () => attempt('Test@2026x'))).statusCode).toBe(200)
    },
  )
})

describe('demo data is written relative to the China date', () => {
  test.each(aroundChinaMidnight('2026-12-03'))('seeded at %s it is the demo of %s', async (instant, date) => {
    await atInstant(instant, () => {
      expect(chinaToday()).toBe(date)
      for (const person of demoPeople) {
        const { ledger } = demoAccount(person, chinaToday())
        expect(ledger.every((e) => e.date <= date)).toBe(true)
        if (person.loan) {
          const { repayments } = demoLoan(person, person.loan, chinaToday())
          expect(repayments.every((r) => r.date <= date)).toBe(true)
        }
      }
    })
  })
})
