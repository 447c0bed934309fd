import { health, listCenters } from '@gjj/shared/api/system'
import { beforeAll, describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { seedDemoData } from '../seed/index'
import { handler as healthHandler } from './health'
import { handler as listCentersHandler } from './list-centers'
import { handler as notFoundHandler } from './not-found'

beforeAll(async () => {
  await seedDemoData()
})

describe('GET /api/health', () => {
  test('reports the table and the bucket it reached', async () => {
    const res = await healthHandler(eventFor(health))
    expect(res.statusCode).toBe(200)
    const body = bodyOf(res)
    expect(body).toMatchObject({
      status: 'ok',
      stage: 'local',
      table: { name: 'gjj-local', reachable: true },
      bucket: { name: 'gjj-local-archives', reachable: true },
    })
  })
})

describe('GET /api/centers', () => {
  test('lists the 15 Xinjiang centers in code order, 阿勒泰 among them', async () => {
    const res = await listCentersHandler(eventFor(listCenters))
    expect(res.statusCode).toBe(200)
    const { centers } = bodyOf<{ centers: { code: string; name: string; hotline: string }[] }>(res)
    expect(centers).toHaveLength(15)
    expect(centers.map((c) => c.code)).toEqual([...centers.map((c) => c.code)].sort())
    expect(centers).toContainEqual(
      expect.objectContaining({ code: 'C65430', name: '阿勒泰地区住房公积金管理中心', hotline: '12329' }),
    )
  })

  test('seeding a second time keeps the data and writes nothing', async () => {
    expect(await seedDemoData()).toBe(false)
  })

  test('an unknown query parameter is refused with a Chinese message', async () => {
    const res = await listCentersHandler(eventFor(listCenters, { foo: 'bar' }))
    expect(res.statusCode).toBe(422)
    expect(bodyOf<{ code: string; message: string }>(res).code).toBe('VALIDATION_FAILED')
  })
})

describe('a route no operation has', () => {
  test("answers the API's own JSON 404 in Chinese", async () => {
    const event = { ...eventFor(health), routeKey: '$default', rawPath: '/api/no-such-thing' }

    const res = await notFoundHandler(event)

    expect(res.statusCode).toBe(404)
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8')
    expect(bodyOf(res)).toEqual({ code: 'NOT_FOUND', message: '请求的功能不存在，请升级到最新版本后重试' })
  })
})
