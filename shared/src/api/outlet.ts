import { z } from 'zod'
import { id, queryNumber } from './common'
import { defineOperation } from './contract'

/** 服务网点查询: address, phone (呼叫) and coordinates (导航) of the center's service outlets */
export const outletSchema = z.object({
  id,
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  /** 办公时间 */
  hours: z.string(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** from the caller's position when given */
  distanceMeters: z.int().min(0).nullable(),
})

export const listOutlets = defineOperation({
  name: 'listOutlets',
  method: 'GET',
  path: '/api/outlets',
  audience: 'depositor',
  summary: '服务网点列表（所在中心；给出位置时按距离排序）',
  input: z.strictObject({
    latitude: queryNumber.pipe(z.number({ error: '纬度不正确' }).min(-90).max(90)).optional(),
    longitude: queryNumber.pipe(z.number({ error: '经度不正确' }).min(-180).max(180)).optional(),
  }),
  output: z.object({ outlets: z.array(outletSchema) }),
})

export const getOutlet = defineOperation({
  name: 'getOutlet',
  method: 'GET',
  path: '/api/outlets/{id}',
  audience: 'depositor',
  summary: '服务网点详情',
  input: z.strictObject({ id }),
  output: outletSchema.extend({
    /** 可办理业务 */
    services: z.array(z.string()),
    /** 交通指引 */
    directions: z.string().nullable(),
  }),
})
