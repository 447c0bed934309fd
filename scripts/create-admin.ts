import { randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'
import { runningStackEnv } from './lib/stack'

/**
 * The first center admin of a deployment (账号管理 needs one to start from):
 *
 *   npm run create-admin -- --center 650100 --username admin --name 张敏            # local stack (npm start)
 *   npm run create-admin -- --stage prod --region cn-northwest-1 --center 650100 --username admin --name 张敏
 *
 * With --stage it writes to the deployed table `gjj-<stage>` with this machine's AWS credentials
 * (the default SDK chain: AWS_PROFILE, environment, …). The password is GJJ_ADMIN_PASSWORD if set
 * (it must meet the password policy), else a generated one printed once; it must be changed at the
 * first sign-in to the console (/admin/).
 */
const { values } = parseArgs({
  options: {
    center: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    stage: { type: 'string' },
    region: { type: 'string' },
  },
})
if (!values.center || !values.username || !values.name) {
  console.error(
    '用法：npm run create-admin -- --center <中心代码> --username <用户名> --name <姓名> [--stage <stage> --region <region>]',
  )
  process.exit(1)
}

/** a password meeting the policy: upper, lower, digit, symbol, 12 characters */
function generated(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%*+-=?']
  const pick = (set: string) => set[randomInt(set.length)] as string
  const chars = [...sets.map(pick), ...Array.from({ length: 8 }, () => pick(sets.join('')))]
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
  }
  return chars.join('')
}

if (values.stage && values.stage !== 'local') {
  Object.assign(process.env, {
    STAGE: values.stage,
    TABLE_NAME: `gjj-${values.stage}`,
    BUCKET_NAME: `gjj-${values.stage}-archives`,
    AWS_REGION: values.region ?? process.env.AWS_REGION ?? 'cn-northwest-1',
    SMS_PROVIDER: 'aliyun',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  })
} else {
  Object.assign(process.env, runningStackEnv())
}
process.env.LOG_LEVEL ??= 'WARN'

const password = process.env.GJJ_ADMIN_PASSWORD || generated()
const { createFirstAdmin } = await import('../functions/src/services/staff-accounts')
try {
  const admin = await createFirstAdmin({
    centerCode: values.center,
    username: values.username,
    name: values.name,
    password,
  })
  console.log(`已创建中心管理员 ${admin.username}（${admin.name}），中心 ${values.center}`)
  if (!process.env.GJJ_ADMIN_PASSWORD) console.log(`初始密码：${password}（仅显示这一次，首次登录须修改）`)
} catch (error) {
  const e = error as Error & { status?: number }
  if (e.status) console.error(e.message)
  else if (/ECONNREFUSED/.test(String(e.message))) console.error('无法连接本地 DynamoDB：请先运行 npm start')
  else console.error(error)
  process.exit(1)
}
