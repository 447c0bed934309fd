import * as z from 'zod/mini'
import '../zod-locale'
import { isInChina, NOT_IN_CHINA } from './geo'

/** GCJ-02 coordinates inside China's bounding box (finite numbers; strings are refused) */
export const gcj02Schema = z
  .strictObject(
    {
      latitude: z.number({ error: '纬度应为数字' }),
      longitude: z.number({ error: '经度应为数字' }),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? '坐标只能包含纬度和经度' : '请提供坐标') },
  )
  .check(
    z.refine(isInChina, {
      error: NOT_IN_CHINA,
      when: (payload) => payload.issues.length === 0,
    }),
  )
