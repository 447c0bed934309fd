import { getOutlet, listOutlets } from '@gjj/shared/api/outlet'
import { deleteOutlet, listStaffOutlets, upsertOutlet } from '@gjj/shared/api/publishing'
import { atInstant } from '@gjj/shared/testing/clock'
import { beforeAll, describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer } from '../../test/factory'
import { auditsOf, countCalls, makeStaff } from '../../test/publishing'
import { nowIso } from '../lib/clock'
import { seedDemoData } from '../seed/index'
import { handler as deleteHandler } from './delete-outlet'
import { handler as getHandler } from './get-outlet'
import { handler as listHandler } from './list-outlets'
import { handler as listStaffHandler } from './list-staff-outlets'
import { handler as upsertHandler } from './upsert-outlet'

type Outlet = {
  id: string
  name: string
  kind: string
  distanceMeters: number | null
  status: { code: string; label: string; next: { text: string } | null }
  hoursText: string[]
  services: string[]
  directions?: string | null
  version?: number
}
type ErrorBody = { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] }

const TEST_CENTER = 'C69911'
const OTHER_CENTER = 'C69912'

const list = (centerCode: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  listHandler(eventFor(listOutlets, { centerCode, ...extra }, { headers }))

const HALL = {
  name: '测试服务大厅',
  kind: '服务大厅',
  address: '测试市测试路 1 号',
  phone: '0906-2329999',
  hours: {
    '1': [
      { open: '10:00', close: '14:00' },
      { open: '15:30', close: '19:30' },
    ],
  },
  services: ['提取', '贷款'],
  location: { latitude: 47.84, longitude: 88.14 },
}

let publisher: { token: string }
let otherPublisher: { token: string }

beforeAll(async () => {
  await seedDemoData()
  publisher = await makeStaff(TEST_CENTER, ['publisher'])
  otherPublisher = await makeStaff(OTHER_CENTER, ['publisher', 'reviewer'])
})

describe('the public outlet list (demo data)', () => {
  test('every center has at least one outlet, 乌鲁木齐 three', async () => {
    const { listCenters } = await import('../repository/centers')
    for (const c of await listCenters()) {
      const { outlets } = bodyOf<{ outlets: Outlet[] }>(await list(c.code))
      expect(outlets.length, c.code).toBeGreaterThanOrEqual(c.code === 'C65010' ? 3 : 1)
    }
  })

  test('without a position: by name, no distance, in ONE Query', async () => {
    const { result, calls } = await countCalls(() => list('C65010'))
    const { outlets } = bodyOf<{ outlets: Outlet[] }>(result)

    expect(calls).toEqual(['QueryCommand'])
    expect(outlets.map((o) => o.name)).toEqual([...outlets.map((o) => o.name)].sort())
    expect(outlets.every((o) => o.distanceMeters === null)).toBe(true)
  })

  test('with a position: nearest first, each with its distance', async () => {
    // beside the 米东区 受理点
    const { outlets } = bodyOf<{ outlets: Outlet[] }>(
      await list('C65010', { latitude: '43.9600', longitude: '87.6500' }),
    )

    expect(outlets[0]?.id).toBe('O650103')
    const distances = outlets.map((o) => o.distanceMeters as number)
    expect(distances[0]).toBeLessThan(1000)
    expect([...distances].sort((a, b) => a - b)).toEqual(distances)
  })

  test.each([
    ['2026-12-02T03:00:00Z', 'open', '营业中', '14:00 午休'], // Wednesday 11:00 China time
    ['2026-12-02T06:30:00Z', 'lunch', '午休中', '15:30 开始营业'], // 14:30
    ['2026-12-02T12:00:00Z', 'closed', '已下班', '明天 10:00 开始营业'], // 20:00
    ['2026-12-05T03:00:00Z', 'closed', '今日不营业', '后天 10:00 开始营业'], // Saturday 11:00
  ])('at %s the status is %s (%s) in China time', async (instant, code, label, next) => {
    const res = await atInstant(instant, () => list('C65010'))
    const hall = bodyOf<{ outlets: Outlet[] }>(res).outlets.find((o) => o.id === 'O650101')

    expect(hall?.status).toMatchObject({ code, label, next: { text: next } })
  })

  test('is cacheable: Cache-Control, ETag and 304', async () => {
    const first = await list('C65430')
    expect(first.headers?.['cache-control']).toBe('public, max-age=60')
    const again = await list('C65430', {}, { 'if-none-match': first.headers?.etag as string })
    expect(again.statusCode).toBe(304)
  })

  test.each([
    [{ latitude: '47.8' }, '请同时提供纬度和经度'],
    [{ latitude: '91', longitude: '88' }, '纬度不正确'],
    [{ latitude: 'north', longitude: '88' }, '请输入数字'],
  ])('a bad position %j is a 422 in Chinese', async (position, message) => {
    const res = await list('C65430', position)
    expect(res.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(res).message).toBe(message)
  })
})

describe('an outlet', () => {
  test('comes with its directions, in ONE GetItem', async () => {
    const { result, calls } = await countCalls(() =>
      getHandler(eventFor(getOutlet, { centerCode: 'C65430', id: 'O654301' })),
    )
    expect(calls).toEqual(['GetCommand'])
    const o = bodyOf<Outlet>(result)
    expect(o.directions).toContain('团结路')
    expect(o.hoursText).toEqual(['周一至周五 10:30–14:00、15:30–19:00', '周六、周日 不营业'])
  })

  test("another center's outlet is 404", async () => {
    const res = await getHandler(eventFor(getOutlet, { centerCode: 'C65010', id: 'O654301' }))
    expect(res.statusCode).toBe(404)
    expect(bodyOf<ErrorBody>(res).message).toBe('未找到该服务网点')
  })
})

describe('staff outlets', () => {
  test('a publisher adds, changes and deletes an outlet; the public list follows; each change is audited', async () => {
    const added = await upsertHandler(eventFor(upsertOutlet, HALL, { token: publisher.token }))
    expect(added.statusCode).toBe(200)
    const o = bodyOf<Outlet & { version: number }>(added)
    expect(bodyOf<{ outlets: Outlet[] }>(await list(TEST_CENTER)).outlets.map((x) => x.id)).toEqual([o.id])

    const changed = await upsertHandler(
      eventFor(upsertOutlet, { ...HALL, id: o.id, version: o.version, name: '改名大厅' }, { token: publisher.token }),
    )
    expect(bodyOf<Outlet>(changed).name).toBe('改名大厅')
    const stale = await upsertHandler(
      eventFor(upsertOutlet, { ...HALL, id: o.id, version: o.version }, { token: publisher.token }),
    )
    expect(stale.statusCode).toBe(409)

    const staffList = bodyOf<{ outlets: Outlet[] }>(
      await listStaffHandler(eventFor(listStaffOutlets, {}, { token: publisher.token })),
    )
    expect(staffList.outlets.map((x) => x.name)).toEqual(['改名大厅'])

    expect((await deleteHandler(eventFor(deleteOutlet, { id: o.id }, { token: publisher.token }))).statusCode).toBe(200)
    expect(bodyOf<{ outlets: Outlet[] }>(await list(TEST_CENTER)).outlets).toEqual([])

    const audits = await auditsOf(`outlet:${TEST_CENTER}:${o.id}`, nowIso())
    expect(audits.map((a) => a.action).sort()).toEqual(['outlet.delete', 'outlet.upsert', 'outlet.upsert'])
  })

  test.each([
    [
      'overlapping periods',
      {
        hours: {
          '1': [
            { open: '09:00', close: '13:00' },
            { open: '12:00', close: '18:00' },
          ],
        },
      },
      '营业时间段不能重叠',
    ],
    [
      'a period that ends before it starts',
      { hours: { '2': [{ open: '14:00', close: '10:00' }] } },
      '结束时间应晚于开始时间',
    ],
    [
      'a bad time',
      { hours: { '3': [{ open: '9点', close: '12:00' }] } },
      '开始时间应为 00:00 至 24:00 之间的时刻，格式 HH:MM',
    ],
    ['an unknown weekday', { hours: { '8': [] } }, '星期应为 1（周一）至 7（周日）'],
    ['coordinates outside China', { location: { latitude: 48.85, longitude: 2.35 } }, '坐标不在中国境内'],
    ['swapped coordinates', { location: { latitude: 87.6, longitude: 43.8 } }, '坐标不在中国境内'],
    ['a bad phone number', { phone: '12345' }, '电话应为 12329、0906-1234567 或手机号码'],
    ['an unknown kind', { kind: '旗舰店' }, '请选择网点类型（服务大厅或受理点）'],
    ['no services', { services: [] }, '请选择可办理业务'],
  ])('%s is a 422 in Chinese', async (_, change, message) => {
    const res = await upsertHandler(eventFor(upsertOutlet, { ...HALL, ...change }, { token: publisher.token }))
    expect(res.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(res).issues?.map((i) => i.message)).toContain(message)
  })

  test("another center's outlet is 404 to change or delete, and stays", async () => {
    const mine = bodyOf<Outlet & { version: number }>(
      await upsertHandler(eventFor(upsertOutlet, HALL, { token: publisher.token })),
    )
    const t = otherPublisher.token
    const change = await upsertHandler(
      eventFor(upsertOutlet, { ...HALL, id: mine.id, version: mine.version }, { token: t }),
    )
    const remove = await deleteHandler(eventFor(deleteOutlet, { id: mine.id }, { token: t }))

    expect([change.statusCode, remove.statusCode]).toEqual([404, 404])
    expect(bodyOf<{ outlets: Outlet[] }>(await list(TEST_CENTER)).outlets.map((x) => x.id)).toContain(mine.id)
    await deleteHandler(eventFor(deleteOutlet, { id: mine.id }, { token: publisher.token }))
  })

  test('a reviewer without the publisher role and a depositor get 403', async () => {
    const reviewer = await makeReviewer(TEST_CENTER)
    const depositor = await makeDepositor()
    const asReviewer = await upsertHandler(eventFor(upsertOutlet, HALL, { token: reviewer.token }))
    const asDepositor = await upsertHandler(eventFor(upsertOutlet, HALL, { token: depositor.token }))
    const listAsReviewer = await listStaffHandler(eventFor(listStaffOutlets, {}, { token: reviewer.token }))

    expect([asReviewer.statusCode, asDepositor.statusCode, listAsReviewer.statusCode]).toEqual([403, 403, 403])
    expect(bodyOf<ErrorBody>(asReviewer).message).toBe('您没有发布信息的权限，请联系中心管理员开通')
  })
})
