import * as z from 'zod/mini'
import '../zod-locale'
import { MAX_PERIODS_PER_DAY, normalizeHours, parseHhMm, WEEKDAYS, type Weekday } from './hours'

const timeSchema = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .check(
      z.refine((text) => parseHhMm(text) !== undefined, { error: `${what}应为 00:00 至 24:00 之间的时刻，格式 HH:MM` }),
    )

export const periodSchema = z
  .strictObject(
    { open: timeSchema('开始时间'), close: timeSchema('结束时间') },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? '营业时间段只能填写开始时间和结束时间' : '请填写营业时间段',
    },
  )
  .check(
    z.refine(({ open, close }) => (parseHhMm(close) as number) > (parseHhMm(open) as number), {
      error: '结束时间应晚于开始时间',
      path: ['close'],
      // only when both times are valid: otherwise their own message says what is wrong
      when: (payload) => {
        const value = payload.value as { open?: unknown; close?: unknown } | undefined
        return typeof value?.open === 'string' && typeof value.close === 'string' && payload.issues.length === 0
      },
    }),
  )

const daySchema = z.array(periodSchema, { error: '每天的营业时间应为时间段列表' }).check(
  z.superRefine((periods, ctx) => {
    // (not .max(): zod runs a length check even on a string that failed to be a list)
    if (periods.length > MAX_PERIODS_PER_DAY) {
      ctx.addIssue({ code: 'custom', message: `每天最多 ${MAX_PERIODS_PER_DAY} 个营业时间段` })
      return
    }
    const order = periods
      .map((p, index) => ({ index, open: parseHhMm(p.open) as number, close: parseHhMm(p.close) as number }))
      .sort((a, b) => a.open - b.open || a.close - b.close)
    for (let i = 1; i < order.length; i++) {
      const before = order[i - 1] as (typeof order)[number]
      const current = order[i] as (typeof order)[number]
      if (current.open < before.close) {
        ctx.addIssue({ code: 'custom', message: '营业时间段不能重叠', path: [Math.max(before.index, current.index)] })
      }
    }
  }),
)

/** an outlet's weekly hours; parse staff input with this, then `normalizeHours` is already applied */
export const weeklyHoursSchema = z.pipe(
  z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.optional(daySchema)])) as Record<
      Weekday,
      z.ZodMiniOptional<typeof daySchema>
    >,
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? '星期应为 1（周一）至 7（周日）' : '请填写营业时间'),
    },
  ),
  z.transform(normalizeHours),
)
