import { join, relative } from 'node:path'
import { root } from './lib/resources'
import { ensurePortsFree, StartError } from './lib/services'
import { followOutbox } from './lib/sms-outbox'
import { startStack } from './lib/stack'

/** `npm start`: the whole system on this machine, no cloud account needed. Ctrl-C stops it. */
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const ports = {
  dynamo: port('DYNAMODB_PORT', 8000),
  s3: port('S3_PORT', 4569),
  api: port('API_PORT', 3000),
  lambda: port('LAMBDA_PORT', 3002),
  web: port('WEB_PORT', 10086),
}

async function main() {
  const started = Date.now()
  await ensurePortsFree({
    'DynamoDB Local，可用 DYNAMODB_PORT 更换': ports.dynamo,
    's3rver，可用 S3_PORT 更换': ports.s3,
    'API，可用 API_PORT 更换': ports.api,
    'Lambda，可用 LAMBDA_PORT 更换': ports.lambda,
    'H5，可用 WEB_PORT 更换': ports.web,
  })
  console.log('正在启动 gjj 本地环境（首次启动需构建 H5，约 1 分钟）…')
  const stack = await startStack({
    dataDir: join(root, '.data'),
    ports,
    log: (l) => console.log(`  ${l}`),
    // a developer sees at once why a request failed; the whole log is in the file
    onApiProblem: (l) => console.error(`[API] ${l}`),
  })
  const { demoLogins } = await import('../functions/src/seed/demo')
  console.log(`
gjj 已就绪（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）
  手机公积金 H5   ${stack.webUrl}
  API            ${stack.apiUrl}/api/health
  数据目录        .data/   （npm run reset 清空）
  API 日志        ${relative(root, stack.apiLogFile)}   （警告和错误同时显示在下方，以 [API] 开头）
  短信验证码      本地不发短信，验证码显示在下方，以 [短信] 开头

演示账号（登录页先选择所在缴存中心）：
${demoLogins()
  .map((d) => `  ${d.center.padEnd(6, '　')} ${d.login}  密码 ${d.password}   ${d.note}`)
  .join('\n')}

按 Ctrl-C 停止。`)

  // the local SMS adapter's messages: a person using the app locally reads the code here
  const stopSms = followOutbox(stack.smsOutboxFile, (m) => console.log(`[短信] 发送到 ${m.phoneMasked}：${m.text}`))

  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    console.log('\n正在停止…')
    stopSms()
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  if (error instanceof StartError) {
    console.error(`启动失败：${error.message}`)
  } else {
    console.error('启动失败：', error)
  }
  process.exit(1)
})
