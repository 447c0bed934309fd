import * as z from 'zod/mini'
import '../zod-locale'
import { defineOperation, emptyInput } from './contract'

export const centerCode = z.string({ error: '请选择公积金中心' }).check(z.regex(/^C\d{5}$/, '公积金中心代码不正确'))

export const centerSchema = z.object({
  code: centerCode,
  name: z.string(),
  shortName: z.string(),
  hotline: z.string(),
  website: z.optional(z.string()),
})
export type Center = z.infer<typeof centerSchema>

export const health = defineOperation({
  name: 'health',
  method: 'GET',
  path: '/api/health',
  audience: 'public',
  summary: '服务健康检查：报告能否访问数据表和文件存储桶',
  input: emptyInput,
  output: z.object({
    status: z.enum(['ok', 'degraded']),
    stage: z.string(),
    table: z.object({ name: z.string(), reachable: z.boolean() }),
    bucket: z.object({ name: z.string(), reachable: z.boolean() }),
  }),
})

export const listCenters = defineOperation({
  name: 'listCenters',
  method: 'GET',
  path: '/api/centers',
  audience: 'public',
  summary: '公积金中心列表（登录页选择所在缴存中心）',
  input: emptyInput,
  output: z.object({ centers: z.array(centerSchema) }),
})
