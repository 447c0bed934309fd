import * as z from 'zod/mini'
import '../zod-locale'
import { weeklyHoursSchema } from '../info/hours-schemas'
import { id, instant, isoDate, queryNumber } from './common'
import { defineOperation } from './contract'
import { centerCode } from './system'

/**
 * 服务网点查询 (manual 5.1.1): the center's outlets with address, phone (呼叫), weekly hours and
 * whether each is open now in China time, GCJ-02 coordinates (导航), and, when the caller gives a
 * position, the distance (nearest first). The position is used for sorting only: never stored or
 * logged. Public and cacheable for a minute (the status is computed at answer time).
 */
export const OUTLET_KINDS = ['服务大厅', '受理点'] as const
export const outletKindSchema = z.enum(OUTLET_KINDS, { error: '请选择网点类型（服务大厅或受理点）' })
export type OutletKind = (typeof OUTLET_KINDS)[number]

/** 可办理业务 */
export const OUTLET_SERVICES = ['缴存', '提取', '贷款', '还款', '查询', '转移接续'] as const
export const outletServiceSchema = z.enum(OUTLET_SERVICES, { error: '请选择可办理业务' })
export type OutletService = (typeof OUTLET_SERVICES)[number]

const statusCode = z.enum(['open', 'lunch', 'closed'])

export const outletStatusSchema = z.object({
  code: statusCode,
  /** 营业中 / 午休中 / 未到营业时间 / 已下班 / 今日不营业 / 暂停营业 */
  label: z.string(),
  next: z.nullable(z.object({ code: statusCode, at: instant, date: isoDate, time: z.string(), text: z.string() })),
})

export const outletSchema = z.object({
  id,
  name: z.string(),
  kind: outletKindSchema,
  address: z.string(),
  phone: z.string(),
  hours: weeklyHoursSchema,
  /** the week as lines to read: ['周一至周五 09:30–13:30、16:00–19:30', '周六、周日 不营业'] */
  hoursText: z.array(z.string()),
  /** now, in China time */
  status: outletStatusSchema,
  services: z.array(outletServiceSchema),
  /** GCJ-02 */
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  /** from the caller's position when given */
  distanceMeters: z.nullable(z.int().check(z.gte(0))),
})

const position = {
  latitude: z.optional(
    z.pipe(queryNumber, z.number({ error: '纬度不正确' }).check(z.gte(-90, '纬度不正确'), z.lte(90, '纬度不正确'))),
  ),
  longitude: z.optional(
    z.pipe(queryNumber, z.number({ error: '经度不正确' }).check(z.gte(-180, '经度不正确'), z.lte(180, '经度不正确'))),
  ),
}

const bothOrNeither = (p: { latitude?: number | undefined; longitude?: number | undefined }) =>
  (p.latitude === undefined) === (p.longitude === undefined)

export const listOutlets = defineOperation({
  name: 'listOutlets',
  method: 'GET',
  path: '/api/outlets',
  audience: 'public',
  summary: '服务网点列表：所选中心的网点；给出位置时按距离排序，否则按名称',
  cache: { maxAgeSeconds: 60 },
  input: z
    .strictObject({ centerCode, ...position })
    .check(z.refine(bothOrNeither, { error: '请同时提供纬度和经度', path: ['longitude'] })),
  output: z.object({ outlets: z.array(outletSchema) }),
})

export const getOutlet = defineOperation({
  name: 'getOutlet',
  method: 'GET',
  path: '/api/outlets/{id}',
  audience: 'public',
  summary: '服务网点详情（含交通指引）',
  cache: { maxAgeSeconds: 60 },
  input: z
    .strictObject({ centerCode, id, ...position })
    .check(z.refine(bothOrNeither, { error: '请同时提供纬度和经度', path: ['longitude'] })),
  output: z.extend(outletSchema, {
    /** 交通指引 */
    directions: z.nullable(z.string()),
  }),
})
