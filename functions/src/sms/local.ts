import { createHash } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { maskPhone } from '@gjj/shared/validation'
import { PURPOSE_TEXT, type SmsPurpose, type SmsSender } from './sender'

/**
 * The `local` SMS adapter: no vendor, the local stage only (it refuses to exist on any other).
 * Every code goes into an outbox file, one JSON line per message:
 * `{"at","to":"<sha256 of the phone>","phoneMasked","purpose","code"}`. `npm start` follows that file
 * and prints each message at its console, so a person can use the app locally; the browser tests
 * read it to type the code (decision 49). The phone is only there hashed and masked.
 */
export interface LocalSmsOptions {
  stage: string
  /** the outbox file (scripts/lib/stack.ts: `<data dir>/sms-outbox.jsonl`) */
  outboxFile: string
  now?: () => Date
}

export interface OutboxMessage {
  at: string
  to: string
  phoneMasked: string
  purpose: SmsPurpose
  code: string
  text: string
}

export const phoneDigest = (phone: string) => createHash('sha256').update(`sms-outbox:${phone}`).digest('hex')

export function createLocalSmsSender(options: LocalSmsOptions): SmsSender {
  if (options.stage !== 'local') {
    throw new Error(
      `The local SMS sender is only allowed on the local stage, not on stage "${options.stage}"; use SMS_PROVIDER=aliyun`,
    )
  }
  if (!options.outboxFile) throw new Error('The local SMS sender needs SMS_OUTBOX_FILE')
  const now = options.now ?? (() => new Date())
  return {
    name: 'local',
    async sendCode(phone: string, code: string, purpose: SmsPurpose) {
      const message: OutboxMessage = {
        at: now().toISOString(),
        to: phoneDigest(phone),
        phoneMasked: maskPhone(phone),
        purpose,
        code,
        text: `【公积金】您正在${PURPOSE_TEXT[purpose]}，验证码 ${code}，5分钟内有效，请勿告诉他人。`,
      }
      appendFileSync(options.outboxFile, `${JSON.stringify(message)}\n`)
    },
  }
}
