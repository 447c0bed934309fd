import { getAccount } from '@gjj/shared/api/account'
import { staffLogin, staffLogout, staffMe } from '@gjj/shared/api/admin'
import { beforeAll, describe, expect, test } from 'vitest'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { DEMO_STAFF_PASSWORD, demoStaff } from '../seed/demo'
import { seedDemoData } from '../seed/index'
import { handler as getAccountHandler } from './get-account'
import { handler as loginHandler } from './staff-login'
import { handler as logoutHandler } from './staff-logout'
import { handler as meHandler } from './staff-me'

beforeAll(async () => {
  await seedDemoData()
})

const reviewer = demoStaff[0]
const login = (username: string, password: string, sourceIp = freshIp()) =>
  loginHandler(eventFor(staffLogin, { username, password }, { sourceIp }))

describe('staff login', () => {
  test('a reviewer logs in to their own center and out again', async () => {
    const res = await login(reviewer.username, DEMO_STAFF_PASSWORD)
    expect(res.statusCode).toBe(200)
    const body = bodyOf<{ session: { token: string }; staff: { centerCode: string; centerName: string } }>(res)
    expect(body.staff).toMatchObject({
      centerCode: 'C65430',
      centerName: '阿勒泰地区住房公积金管理中心',
      roles: ['reviewer'],
    })
    const token = body.session.token
    expect((await meHandler(eventFor(staffMe, {}, { token }))).statusCode).toBe(200)
    expect((await logoutHandler(eventFor(staffLogout, {}, { token }))).statusCode).toBe(200)
    expect((await meHandler(eventFor(staffMe, {}, { token }))).statusCode).toBe(401)
  })

  test('tells the console which roles the staff member holds (what it may offer)', async () => {
    const res = await login('region.admin', DEMO_STAFF_PASSWORD)
    const { session } = bodyOf<{ session: { token: string } }>(res)
    const me = bodyOf<{ roles: string[] }>(await meHandler(eventFor(staffMe, {}, { token: session.token })))
    expect(me.roles).toEqual(expect.arrayContaining(['regionAdmin', 'publisher']))
    expect(me.roles).not.toContain('reviewer')
  })

  test('a wrong password and an unknown username get the same answer', async () => {
    const wrong = await login(reviewer.username, 'Wrong@pass9')
    const unknown = await login('nobody.here', 'Wrong@pass9')
    expect(wrong.statusCode).toBe(401)
    expect(bodyOf(wrong)).toEqual(bodyOf(unknown))
  })

  test('five wrong passwords lock the staff login for 30 minutes', async () => {
    const username = demoStaff[2].username
    for (let i = 0; i < 4; i++) expect((await login(username, `Wrong@${i}abcd`)).statusCode).toBe(401)
    const fifth = await login(username, 'Wrong@5abcd')
    expect(fifth.statusCode).toBe(429)
    expect((await login(username, DEMO_STAFF_PASSWORD)).statusCode).toBe(429)
  })

  test('a staff token on a depositor route is refused with 403', async () => {
    const { session } = bodyOf<{ session: { token: string } }>(await login(demoStaff[1].username, DEMO_STAFF_PASSWORD))
    const res = await getAccountHandler(eventFor(getAccount, {}, { token: session.token }))
    expect(res.statusCode).toBe(403)
  })
})
