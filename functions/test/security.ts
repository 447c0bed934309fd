import { randomInt } from 'node:crypto'
import { completeFirstLoginVerification, login, startFirstLoginVerification } from '@gjj/shared/api/auth'
import { readOutbox } from '../../scripts/lib/sms-outbox'
import { handler as completeHandler } from '../src/handlers/complete-first-login-verification'
import { handler as loginHandler } from '../src/handlers/login'
import { handler as startHandler } from '../src/handlers/start-first-login-verification'
import { getDepositor } from '../src/repository/depositors'
import { phoneDigest } from '../src/sms/index'
import { freshIp } from './depositor'
import { bodyOf, eventFor } from './events'

/** the password makeDepositor gives every test person (login and 12329 alike) */
export const TEST_PASSWORD = 'Test@2026x'

/** a phone number no test person has (13 7xxx xxxx; makeDepositor uses 139…) */
export const freshPhone = () => `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`

/** the codes the local SMS adapter "sent" to `phone`, oldest first (functions/src/sms/local.ts) */
export function codesSentTo(phone: string, purpose?: string): string[] {
  const file = process.env.SMS_OUTBOX_FILE as string
  return readOutbox(file)
    .filter((m) => m.to === phoneDigest(phone) && (!purpose || m.purpose === purpose))
    .map((m) => m.code)
}

export function lastCodeSentTo(phone: string, purpose?: string): string {
  const code = codesSentTo(phone, purpose).at(-1)
  if (!code) throw new Error('no SMS was sent to that phone')
  return code
}

/** a code that is not `code` */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

/** logs in with an identifier and password; first-login verification passed through the local verifier */
export async function signIn(account: string, password: string, centerCode: string, channel = 'h5') {
  const sourceIp = freshIp()
  const first = await loginHandler(
    eventFor(login, { account, password, centerCode, channel, deviceId: `device-${Math.random()}` }, { sourceIp }),
  )
  if (first.statusCode !== 200) return { status: first.statusCode as number, body: bodyOf(first), token: undefined }
  const body = bodyOf<{ status: string; ticket?: string; session?: { token: string } }>(first)
  if (body.status === 'ok') return { status: 200, body, token: body.session?.token }
  // 刷脸 through the local verifier: no Alipay binding, so one person may sign in any number of times
  const started = await startHandler(eventFor(startFirstLoginVerification, { ticket: body.ticket, method: 'face' }))
  const { verifyId } = bodyOf<{ verifyId: string }>(started)
  const done = await completeHandler(
    eventFor(completeFirstLoginVerification, { ticket: body.ticket, method: 'face', verifyId }, { sourceIp }),
  )
  return {
    status: done.statusCode as number,
    body: bodyOf(done),
    token: bodyOf<{ session?: { token: string } }>(done).session?.token,
  }
}

export const storedDepositor = async (id: string) => {
  const d = await getDepositor(id)
  if (!d) throw new Error(`no depositor ${id}`)
  return d
}

/** everything written to stdout/stderr while `fn` runs */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; written: string }> {
  const written: string[] = []
  const restore = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk))
      return original(chunk as string, ...(rest as []))
    }) as typeof stream.write
    return () => {
      stream.write = original
    }
  })
  try {
    return { result: await fn(), written: written.join('') }
  } finally {
    for (const r of restore) r()
  }
}
