import { isoDate } from '@gjj/shared/api/common'
import { chinaDate } from '@gjj/shared/clock'
import type { Context } from 'aws-lambda'
import * as z from 'zod/mini'
import { log } from '../lib/log'
import { DEDUCTION_SHARDS } from '../repository/loans'
import {
  allShards,
  type DeductionOptions,
  type DeductionTask,
  deductShard,
  type ShardResult,
} from '../services/monthly-deduction'
import { invokeSelf } from './invoke'

/**
 * The scheduled job of 按月委托提取 (not an HTTP operation: EventBridge calls it, serverless.yml
 * `monthlyDeduction`, decision 59). Three kinds of event:
 * - the daily schedule (EventBridge's Scheduled Event, `time` = the scheduled instant), or a manual
 *   `{ "date": "2026-12-20" }`: the dispatcher — one asynchronous invocation per shard of that China date;
 * - `{ date, shard, cursor?, hop? }`: a worker — books the shard's due loans page by page and, when
 *   less than STOP_MARGIN_MS of its time is left, hands its cursor to a new invocation of itself.
 */
export const STOP_MARGIN_MS = 90_000
/** a shard run never chains more invocations than this (200,000 loans need far fewer, decision 59) */
export const MAX_HOPS = 50

const scheduled = z.object({ 'detail-type': z.literal('Scheduled Event'), time: z.string() })
const manual = z.strictObject({ date: isoDate })
const work = z.strictObject({
  date: isoDate,
  shard: z.int().check(z.gte(0), z.lte(DEDUCTION_SHARDS - 1)),
  cursor: z.nullish(z.string()),
  hop: z.optional(z.int().check(z.gte(0))),
})
export type WorkEvent = z.infer<typeof work>

export type DispatchResult = { dispatched: WorkEvent[] }

/**
 * The job with its way of starting the next invocation (Lambda's own here; tests pass a recorder)
 * and its page size and concurrency (the defaults of services/monthly-deduction.ts).
 */
export function createHandler(
  invoke: (event: WorkEvent) => Promise<void>,
  opts: Pick<DeductionOptions, 'pageSize' | 'concurrency'> = {},
) {
  return async (
    event: unknown,
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<DispatchResult | ShardResult> => {
    const tick = scheduled.safeParse(event)
    const asked = manual.safeParse(event)
    if (tick.success || asked.success) {
      const date = tick.success ? chinaDate(tick.data.time) : (asked.data as { date: string }).date
      const dispatched = allShards().map((shard) => ({ date, shard }))
      await Promise.all(dispatched.map(invoke))
      log.info('monthly deduction dispatched', { date, shards: dispatched.length })
      return { dispatched }
    }
    const task = work.parse(event)
    const result = await deductShard(task as DeductionTask, {
      ...opts,
      shouldStop: () => context.getRemainingTimeInMillis() < STOP_MARGIN_MS,
    })
    const hop = (task.hop ?? 0) + 1
    if (result.next && hop > MAX_HOPS) {
      log.error('monthly deduction stopped: too many invocations for one shard', { ...task, hop })
    } else if (result.next) {
      await invoke({ ...result.next, hop })
    }
    log.info('monthly deduction shard done', {
      date: task.date,
      shard: task.shard,
      pages: result.pages,
      ...result.counts,
      more: Boolean(result.next),
    })
    return result
  }
}

export const handler = createHandler(invokeSelf)
