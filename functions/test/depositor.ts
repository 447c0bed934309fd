import { completeFirstLoginVerification, login } from '@gjj/shared/api/auth'
import { handler as completeHandler } from '../src/handlers/complete-first-login-verification'
import { handler as loginHandler } from '../src/handlers/login'
import { DEMO_PASSWORD, demoPeople, idNumberOf } from '../src/seed/demo'
import { bodyOf, eventFor } from './events'

export const wang = demoPeople[0] as (typeof demoPeople)[number] // 阿勒泰, loan with a late repayment
export const chen = demoPeople.find((p) => p.name === '陈志强') as (typeof demoPeople)[number] // 阿勒泰, loan with overdue
export const ayi = demoPeople[1] as (typeof demoPeople)[number] // 阿勒泰, no loan
export const ma = demoPeople[4] as (typeof demoPeople)[number] // 乌鲁木齐, loan

/**
 * A fresh client address, so tests do not share the per-client login rate limit. Test files run in
 * parallel workers against one table, each with its own copy of this module: each starts at a
 * random point of the 10.0.0.0/8 space, or two files would hand out the same addresses.
 */
let ip = Math.floor(Math.random() * 250 ** 3)
export const freshIp = () => {
  ip = (ip + 1) % 250 ** 3
  return `10.${Math.floor(ip / 250 ** 2)}.${Math.floor(ip / 250) % 250}.${ip % 250}`
}

/** logs a demo person in through the real handlers, passing first-login verification with the local verifier */
export async function loginAs(
  person: (typeof demoPeople)[number],
  deviceId = `device-${person.depositorId}-${Math.random()}`,
) {
  const sourceIp = freshIp()
  const first = await loginHandler(
    eventFor(
      login,
      { account: person.phone, password: DEMO_PASSWORD, centerCode: person.centerCode, channel: 'h5', deviceId },
      { sourceIp },
    ),
  )
  const body = bodyOf<{ status: string; ticket?: string; session?: { token: string } }>(first)
  if (body.status === 'ok') return (body.session as { token: string }).token
  const done = await completeHandler(
    eventFor(
      completeFirstLoginVerification,
      { ticket: body.ticket, method: 'alipay', authCode: `local-${person.depositorId}` },
      { sourceIp },
    ),
  )
  if (done.statusCode !== 200) throw new Error(`verification failed: ${done.body}`)
  return bodyOf<{ session: { token: string } }>(done).session.token
}

export { idNumberOf }
