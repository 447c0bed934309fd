import * as z from 'zod/mini'
import '../zod-locale'
import { instant } from './common'
import { defineOperation, emptyInput } from './contract'

/**
 * 隐私声明 consent. The text is shared/src/info/privacy.ts (the app shows it without a request);
 * the depositor's acceptance of a version is recorded on their record for the center's audit, and
 * `me` / login answer `privacyAcceptedVersion` so the app knows whether to ask (needsConsent).
 */
export const acceptPrivacy = defineOperation({
  name: 'acceptPrivacy',
  method: 'POST',
  path: '/api/privacy/accept',
  audience: 'depositor',
  summary: '同意隐私声明（记录同意的版本和时间）',
  input: z.strictObject({
    version: z.string({ error: '隐私声明版本不正确' }).check(
      z.minLength(1, { error: '隐私声明版本不正确' }),
      z.maxLength(20, {
        error: '隐私声明版本不正确',
      }),
    ),
  }),
  output: z.object({ version: z.string(), acceptedAt: instant }),
})

export const withdrawPrivacy = defineOperation({
  name: 'withdrawPrivacy',
  method: 'POST',
  path: '/api/privacy/withdraw',
  audience: 'depositor',
  summary: '撤回对隐私声明的同意（记录撤回时间；之后除房贷计算器和隐私声明外的功能须重新同意）',
  input: emptyInput,
  output: z.object({ withdrawnAt: instant }),
})
