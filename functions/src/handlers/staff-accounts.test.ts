import { listReviewQueue, returnApplication, staffLogin, staffMe } from '@gjj/shared/api/admin'
import {
  changeStaffPassword,
  createStaff,
  disableStaff,
  enableStaff,
  listStaff,
  listStaffAudit,
  resetStaffPassword,
} from '@gjj/shared/api/staff-accounts'
import { chinaToday } from '@gjj/shared/clock'
import { atInstant } from '@gjj/shared/testing/clock'
import { beforeAll, describe, expect, test } from 'vitest'
import { create, sealed, submit, uploadRequired } from '../../test/applications'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeReviewer } from '../../test/factory'
import { makeStaff } from '../../test/publishing'
import { nowIso } from '../lib/clock'
import { newId } from '../lib/tokens'
import * as staffRepo from '../repository/staff'
import { seedDemoData } from '../seed/index'
import { createFirstAdmin } from '../services/staff-accounts'
import { handler as changePasswordHandler } from './change-staff-password'
import { handler as createHandler } from './create-staff'
import { handler as disableHandler } from './disable-staff'
import { handler as enableHandler } from './enable-staff'
import { handler as queueHandler } from './list-review-queue'
import { handler as listHandler } from './list-staff'
import { handler as auditHandler } from './list-staff-audit'
import { handler as resetHandler } from './reset-staff-password'
import { handler as returnHandler } from './return-application'
import { handler as loginHandler } from './staff-login'
import { handler as meHandler } from './staff-me'

/** 账号管理 and 操作日志 (issue 13): center admins manage their own center's staff accounts */
beforeAll(async () => {
  await seedDemoData()
})

type Account = { id: string; username: string; version: number; disabled: boolean; mustChangePassword: boolean }
const PASSWORD = 'Desk@2026a'
const uniq = () => newId('').slice(-8).toLowerCase()
/** a center of its own per test: its admins and audit log are the test's alone */
const freshCenter = () => `CT${uniq()}`

const login = (username: string, password: string) =>
  loginHandler(eventFor(staffLogin, { username, password }, { sourceIp: freshIp() }))

async function newReviewer(adminToken: string, roles: string[] = ['reviewer']) {
  const username = `r${uniq()}`
  const res = await createHandler(
    eventFor(createStaff, { username, name: '新审批员', roles, initialPassword: PASSWORD }, { token: adminToken }),
  )
  expect(res.statusCode, res.body).toBe(200)
  return bodyOf<Account>(res)
}

async function signIn(username: string, password = PASSWORD) {
  const res = await login(username, password)
  expect(res.statusCode, res.body).toBe(200)
  return bodyOf<{ session: { token: string }; staff: { mustChangePassword: boolean } }>(res)
}

describe('a center admin manages their center’s staff', () => {
  test('creates a reviewer, who logs in, must change the password first, and then reviews', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const created = await newReviewer(admin.token)
    expect(created).toMatchObject({ disabled: false, mustChangePassword: true, version: 1 })

    const first = await signIn(created.username)
    expect(first.staff.mustChangePassword).toBe(true)
    const token = first.session.token
    const blocked = await queueHandler(eventFor(listReviewQueue, {}, { token }))
    expect(blocked.statusCode).toBe(403)
    expect(bodyOf(blocked)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' })

    const weak = await changePasswordHandler(
      eventFor(changeStaffPassword, { oldPassword: PASSWORD, newPassword: 'abc', confirmPassword: 'abc' }, { token }),
    )
    expect(weak.statusCode).toBe(422)
    const changed = await changePasswordHandler(
      eventFor(
        changeStaffPassword,
        { oldPassword: PASSWORD, newPassword: 'Mine@2026b', confirmPassword: 'Mine@2026b' },
        { token },
      ),
    )
    expect(changed.statusCode, changed.body).toBe(200)
    expect((await queueHandler(eventFor(listReviewQueue, {}, { token }))).statusCode).toBe(200)
    const me = bodyOf<{ mustChangePassword: boolean }>(await meHandler(eventFor(staffMe, {}, { token })))
    expect(me.mustChangePassword).toBe(false)
    expect((await login(created.username, PASSWORD)).statusCode).toBe(401)
    expect((await login(created.username, 'Mine@2026b')).statusCode).toBe(200)

    const list = bodyOf<{ items: Account[] }>(await listHandler(eventFor(listStaff, {}, { token: admin.token })))
    expect(list.items.map((s) => s.username)).toContain(created.username)
  })

  test('an initial password outside the policy and a taken username are 422, nothing created', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const weak = await createHandler(
      eventFor(
        createStaff,
        { username: `w${uniq()}`, name: '甲', roles: ['reviewer'], initialPassword: 'password' },
        { token: admin.token },
      ),
    )
    expect(weak.statusCode).toBe(422)
    const taken = await createHandler(
      eventFor(
        createStaff,
        { username: 'altay.reviewer', name: '乙', roles: ['reviewer'], initialPassword: PASSWORD },
        { token: admin.token },
      ),
    )
    expect(taken.statusCode).toBe(422)
    expect(bodyOf(taken)).toMatchObject({ code: 'USERNAME_TAKEN' })
    const centerAdmin = await createHandler(
      eventFor(
        createStaff,
        { username: `w${uniq()}`, name: '丙', roles: ['centerAdmin'], initialPassword: PASSWORD },
        { token: admin.token },
      ),
    )
    expect(centerAdmin.statusCode).toBe(422)
  })

  test('a reviewer or a publisher creating or listing accounts gets 403', async () => {
    const reviewer = await makeReviewer('C65430')
    const publisher = await makeStaff('C65430', ['publisher'])
    for (const token of [reviewer.token, publisher.token]) {
      const res = await createHandler(
        eventFor(
          createStaff,
          { username: `x${uniq()}`, name: '甲', roles: ['reviewer'], initialPassword: PASSWORD },
          { token },
        ),
      )
      expect(res.statusCode).toBe(403)
      expect((await listHandler(eventFor(listStaff, {}, { token }))).statusCode).toBe(403)
      expect((await auditHandler(eventFor(listStaffAudit, {}, { token }))).statusCode).toBe(403)
    }
  })

  test('another center’s staff are not found: disable, enable, reset and the audit filter are 404', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const other = await makeStaff('C65010', ['centerAdmin'])
    const theirs = await newReviewer(other.token)
    const input = { id: theirs.id, version: theirs.version }
    expect((await disableHandler(eventFor(disableStaff, input, { token: admin.token }))).statusCode).toBe(404)
    expect((await enableHandler(eventFor(enableStaff, input, { token: admin.token }))).statusCode).toBe(404)
    expect(
      (await resetHandler(eventFor(resetStaffPassword, { ...input, newPassword: PASSWORD }, { token: admin.token })))
        .statusCode,
    ).toBe(404)
    expect(
      (await auditHandler(eventFor(listStaffAudit, { staffId: theirs.id }, { token: admin.token }))).statusCode,
    ).toBe(404)
    const list = bodyOf<{ items: Account[] }>(await listHandler(eventFor(listStaff, {}, { token: admin.token })))
    expect(list.items.map((s) => s.id)).not.toContain(theirs.id)
    expect((await login(theirs.username, PASSWORD)).statusCode).toBe(200)
  })

  test('a disabled account’s open sessions get 401 at once and it cannot log in; re-enabled, it can', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const created = await newReviewer(admin.token)
    const { session } = await signIn(created.username)
    const token = session.token
    expect((await meHandler(eventFor(staffMe, {}, { token }))).statusCode).toBe(200)

    const disabled = await disableHandler(
      eventFor(disableStaff, { id: created.id, version: created.version }, { token: admin.token }),
    )
    expect(disabled.statusCode, disabled.body).toBe(200)
    expect(bodyOf<Account>(disabled)).toMatchObject({ disabled: true, version: 2 })
    expect((await meHandler(eventFor(staffMe, {}, { token }))).statusCode).toBe(401)
    expect((await queueHandler(eventFor(listReviewQueue, {}, { token }))).statusCode).toBe(401)
    const refused = await login(created.username, PASSWORD)
    expect(refused.statusCode).toBe(403)
    expect(bodyOf(refused)).toMatchObject({ code: 'ACCOUNT_DISABLED' })
    // a wrong password still says only that the password is wrong
    expect((await login(created.username, 'Wrong@2026x')).statusCode).toBe(401)

    const stale = await enableHandler(
      eventFor(enableStaff, { id: created.id, version: created.version }, { token: admin.token }),
    )
    expect(stale.statusCode).toBe(409)
    const enabled = await enableHandler(eventFor(enableStaff, { id: created.id, version: 2 }, { token: admin.token }))
    expect(enabled.statusCode, enabled.body).toBe(200)
    expect((await login(created.username, PASSWORD)).statusCode).toBe(200)
  })

  test('a password reset ends the account’s sessions and forces a change at the next login', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const created = await newReviewer(admin.token)
    const { session } = await signIn(created.username)
    await changePasswordHandler(
      eventFor(
        changeStaffPassword,
        { oldPassword: PASSWORD, newPassword: 'Mine@2026b', confirmPassword: 'Mine@2026b' },
        { token: session.token },
      ),
    )
    const reset = await resetHandler(
      eventFor(resetStaffPassword, { id: created.id, version: 2, newPassword: 'Reset@2026c' }, { token: admin.token }),
    )
    expect(reset.statusCode, reset.body).toBe(200)
    expect((await meHandler(eventFor(staffMe, {}, { token: session.token }))).statusCode).toBe(401)
    expect((await login(created.username, 'Mine@2026b')).statusCode).toBe(401)
    const again = await signIn(created.username, 'Reset@2026c')
    expect(again.staff.mustChangePassword).toBe(true)
  })

  test('an admin cannot disable their own account', async () => {
    const admin = await makeStaff(freshCenter(), ['centerAdmin'])
    const res = await disableHandler(eventFor(disableStaff, { id: admin.staffId, version: 1 }, { token: admin.token }))
    expect(res.statusCode).toBe(422)
    expect(bodyOf(res)).toMatchObject({ code: 'SELF_DISABLE' })
  })

  test('the last active admin of a center cannot be disabled, even by two admins disabling each other at once', async () => {
    const center = freshCenter()
    const a = await makeStaff(center, ['centerAdmin'])
    const b = await makeStaff(center, ['centerAdmin'])
    const [ab, ba] = await Promise.all([
      disableHandler(eventFor(disableStaff, { id: b.staffId, version: 1 }, { token: a.token })),
      disableHandler(eventFor(disableStaff, { id: a.staffId, version: 1 }, { token: b.token })),
    ])
    const codes = [ab.statusCode, ba.statusCode].sort()
    expect(codes[0]).toBe(200)
    expect(codes[1]).not.toBe(200)
    const people = await staffRepo.listCenterStaff(center)
    expect(people.filter((s) => !s.disabled)).toHaveLength(1)

    // the one left: no way to disable it (the repository refuses it whoever asks)
    const last = people.find((s) => !s.disabled) as staffRepo.StaffItem
    const outcome = await staffRepo.changeStaff(last, { disabled: true }, nowIso())
    expect(outcome).toMatchObject({ ok: false, reason: 'lastAdmin' })
  })
})

describe('the center’s audit log', () => {
  test('shows who returned what and when, filtered by staff and date, the reason as plain text', async () => {
    const admin = await makeStaff('C65430', ['centerAdmin'])
    const reviewer = await makeReviewer('C65430')
    const p = await sealed()
    const { body: app } = await create(p, { kind: 'termination' })
    await uploadRequired(p, app)
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reason = '<img src=x onerror=alert(1)> 请重新上传'
    const returned = await returnHandler(eventFor(returnApplication, { id: app.id, reason }, { token: reviewer.token }))
    expect(returned.statusCode).toBe(200)

    const today = chinaToday()
    const entries: { action: string; actionLabel: string; target: string; note: string; staffName: string }[] = []
    let cursor: string | undefined
    do {
      const res = await auditHandler(
        eventFor(
          listStaffAudit,
          { staffId: reviewer.staffId, from: today, to: today, ...(cursor ? { cursor } : {}) },
          { token: admin.token },
        ),
      )
      expect(res.statusCode, res.body).toBe(200)
      const page = bodyOf<{ items: typeof entries; nextCursor: string | null }>(res)
      entries.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'returnApplication',
        actionLabel: '退回',
        note: reason,
        target: `申请 ${app.id}`,
      }),
    ])
    expect(entries[0]?.staffName).toMatch(/^审批员/)

    // a day before: nothing
    const yesterday = new Date(Date.parse(`${today}T00:00:00+08:00`) - 86_400_000).toISOString().slice(0, 10)
    const none = bodyOf<{ items: unknown[] }>(
      await auditHandler(
        eventFor(
          listStaffAudit,
          { staffId: reviewer.staffId, from: yesterday, to: yesterday, limit: 100 },
          { token: admin.token },
        ),
      ),
    )
    expect(none.items).toEqual([])
  })

  test('records the admin’s own actions: create, disable, enable, reset', async () => {
    const center = freshCenter()
    const admin = await makeStaff(center, ['centerAdmin'])
    const created = await newReviewer(admin.token)
    await disableHandler(eventFor(disableStaff, { id: created.id, version: 1 }, { token: admin.token }))
    await enableHandler(eventFor(enableStaff, { id: created.id, version: 2 }, { token: admin.token }))
    await resetHandler(
      eventFor(resetStaffPassword, { id: created.id, version: 3, newPassword: 'Reset@2026c' }, { token: admin.token }),
    )
    const log = bodyOf<{ items: { actionLabel: string; target: string }[] }>(
      await auditHandler(eventFor(listStaffAudit, { staffId: admin.staffId }, { token: admin.token })),
    )
    expect(log.items.map((e) => e.actionLabel)).toEqual(['重置密码', '启用账号', '停用账号', '新建账号'])
    expect(log.items[0]?.target).toContain(created.username)
  })
})

describe('staff sessions', () => {
  test('end after 30 idle minutes', async () => {
    const created = await (async () => {
      const admin = await makeStaff('C65430', ['centerAdmin'])
      return newReviewer(admin.token)
    })()
    const start = Date.now()
    const token = await atInstant(new Date(start), async () => (await signIn(created.username)).session.token)
    const at = (minutes: number) => new Date(start + minutes * 60_000)
    expect(await atInstant(at(29), async () => (await meHandler(eventFor(staffMe, {}, { token }))).statusCode)).toBe(
      200,
    )
    // used at 29 minutes: good until 59
    expect(await atInstant(at(58), async () => (await meHandler(eventFor(staffMe, {}, { token }))).statusCode)).toBe(
      200,
    )
    expect(await atInstant(at(89), async () => (await meHandler(eventFor(staffMe, {}, { token }))).statusCode)).toBe(
      401,
    )
  })
})

describe('the first admin of a deployment (npm run create-admin)', () => {
  test('is created for an existing center with a password to change at the first login', async () => {
    const username = `a${uniq()}`
    const admin = await createFirstAdmin({ centerCode: 'C65010', username, name: '首位管理员', password: PASSWORD })
    expect(admin.roles).toEqual(['centerAdmin'])
    const first = await signIn(username)
    expect(first.staff.mustChangePassword).toBe(true)
    await expect(
      createFirstAdmin({ centerCode: 'C99999', username: `a${uniq()}`, name: '甲', password: PASSWORD }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      createFirstAdmin({ centerCode: 'C65010', username, name: '甲', password: PASSWORD }),
    ).rejects.toMatchObject({
      status: 422,
    })
    await expect(
      createFirstAdmin({ centerCode: 'C65010', username: `a${uniq()}`, name: '甲', password: 'short' }),
    ).rejects.toMatchObject({ status: 422 })
  })
})
