import { AliyunSmsSender } from './aliyun'
import { createLocalSmsSender } from './local'
import type { SmsPurpose, SmsSender } from './sender'

export { phoneDigest } from './local'
export type { SmsPurpose, SmsSender } from './sender'
export { SmsRefused, SmsUnavailable } from './sender'

export interface SmsOptions {
  stage: string
  provider: 'local' | 'aliyun'
  outboxFile?: string
  aliyun?: {
    accessKeyId?: string | undefined
    accessKeySecret?: string | undefined
    signName?: string | undefined
    templates?: Partial<Record<SmsPurpose, string | undefined>>
    endpoint?: string | undefined
  }
}

/**
 * The SMS sender of a stage: `local` on the local stage only, `aliyun` with every setting present
 * (the error names the missing ones, never their values).
 */
export function createSmsSender(opts: SmsOptions): SmsSender {
  if (opts.provider === 'local') return createLocalSmsSender({ stage: opts.stage, outboxFile: opts.outboxFile ?? '' })
  if (opts.provider !== 'aliyun')
    throw new Error(`Unknown SMS provider "${String(opts.provider)}"; use local or aliyun`)
  const a = opts.aliyun ?? {}
  const settings = {
    SMS_ACCESS_KEY_ID: a.accessKeyId,
    SMS_ACCESS_KEY_SECRET: a.accessKeySecret,
    SMS_SIGN_NAME: a.signName,
    SMS_TEMPLATE_CHANGE_PHONE: a.templates?.changePhone,
    SMS_TEMPLATE_RESET_PASSWORD: a.templates?.resetPassword,
  }
  const missing = Object.entries(settings)
    .filter(([, v]) => !v?.trim())
    .map(([k]) => k)
  if (missing.length > 0) throw new Error(`The aliyun SMS sender is missing ${missing.join(', ')}`)
  return new AliyunSmsSender({
    accessKeyId: a.accessKeyId as string,
    accessKeySecret: a.accessKeySecret as string,
    signName: a.signName as string,
    templates: { changePhone: a.templates?.changePhone as string, resetPassword: a.templates?.resetPassword as string },
    ...(a.endpoint ? { endpoint: a.endpoint } : {}),
  })
}
