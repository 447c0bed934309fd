/**
 * SMS codes go out through one `SmsSender` (BUSINESS-RULES "Identity and security"; DESIGN §3): a
 * real adapter that speaks the vendor's documented API (aliyun.ts: Alibaba Cloud SMS, dysmsapi
 * SendSms with signature V3) and a `local` adapter that only the local stage accepts (local.ts).
 * index.ts picks one from the configuration.
 *
 * This folder is self-contained like identity/: its errors are plain classes that carry the status
 * the error boundary answers with, a Chinese message for the person and an English `detail` for the
 * logs that never holds a phone number, a code or a secret.
 */
export type SmsPurpose = 'changePhone' | 'resetPassword'

export interface SmsSender {
  readonly name: 'local' | 'aliyun'
  /** sends the verification code `code` for `purpose` to `phone` (11 digits, mainland China) */
  sendCode(phone: string, code: string, purpose: SmsPurpose): Promise<void>
}

/** The vendor refused this number (malformed, blocked, its own per-number limit). Not retryable as is. */
export class SmsRefused extends Error {
  readonly code = 'SMS_REFUSED'
  readonly status = 422
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message)
    this.name = 'SmsRefused'
  }
}

/** The vendor is down, slow, misconfigured or out of credit. Retry later. */
export class SmsUnavailable extends Error {
  readonly code = 'SMS_UNAVAILABLE'
  readonly status = 503
  constructor(
    readonly detail: string,
    message = '短信服务暂时不可用，请稍后重试',
  ) {
    super(message)
    this.name = 'SmsUnavailable'
  }
}

/** what the SMS says beside the code (the local adapter prints it; the vendor template holds its own text) */
export const PURPOSE_TEXT: Record<SmsPurpose, string> = {
  changePhone: '修改手机号码',
  resetPassword: '找回密码',
}
