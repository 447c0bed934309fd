import { parseArgs } from 'node:util'
import { chinaToday } from '@gjj/shared/clock'
import { isIsoDate } from '@gjj/shared/date'
import { runningStackEnv } from './lib/stack'

/**
 * `npm run deduct -- --date 2026-12-20`: the daily 按月委托提取 for that China date (default today)
 * against the running local stack (`npm start`), in this process: every shard, each continuation
 * handed on as the deployed job does it between invocations. `--page-size` sets the Query page;
 * `--shard N` (repeatable) runs only those shards of the deduction index.
 */
const { values } = parseArgs({
  options: { date: { type: 'string' }, 'page-size': { type: 'string' }, shard: { type: 'string', multiple: true } },
})
const date = values.date ?? chinaToday()
if (!isIsoDate(date)) {
  console.error(`日期格式应为 YYYY-MM-DD：${date}`)
  process.exit(1)
}
const pageSize = values['page-size'] ? Number(values['page-size']) : undefined
const shards = values.shard?.map(Number)

Object.assign(process.env, runningStackEnv(), {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
})

const { deductDate } = await import('../functions/src/services/monthly-deduction')
try {
  const started = performance.now()
  const { counts, invocations, pages } = await deductDate(date, {
    ...(pageSize ? { pageSize } : {}),
    ...(shards ? { shards } : {}),
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`按月委托提取 ${date}：${invocations} 次调用，${pages} 页，用时 ${seconds} 秒`)
  console.log(
    `  全额扣款 ${counts.full}，部分扣款 ${counts.partial}，余额不足（全部银行代扣）${counts.noBalance}，` +
      `账户非正常（全部银行代扣）${counts.accountNotNormal}`,
  )
  console.log(
    `  改到下一还款日 ${counts.moved}，已解约/已结清移出 ${counts.left}，已由其他运行扣过 ${counts.alreadyBooked}，失败待重试 ${counts.failed}`,
  )
  if (counts.failed) process.exitCode = 2
} catch (error) {
  const name = (error as Error).name
  if (name === 'ResourceNotFoundException' || /ECONNREFUSED/.test(String((error as Error).message ?? error))) {
    console.error('无法连接本地 DynamoDB：请先运行 npm start')
  } else {
    console.error(error)
  }
  process.exit(1)
}
