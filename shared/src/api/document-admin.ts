import * as z from 'zod/mini'
import '../zod-locale'
import { instant } from './common'
import { defineOperation } from './contract'
import { documentNumber, documentStandingSchema } from './documents'

/**
 * 证明作废 (issue 15 gap): a reviewer of the issuing center looks an 电子证明 up by its number and
 * annuls it with a reason. A document of another center is "not found" (no enumeration); a
 * document annulled once cannot be annulled again (409). After it, the public verification page
 * answers 已作废 to whoever holds the right code.
 */
export const staffDocumentSchema = z.extend(documentStandingSchema, {
  revokedAt: z.nullable(instant),
  revokeReason: z.nullable(z.string()),
  /** the name of the reviewer who annulled it */
  revokedBy: z.nullable(z.string()),
})

export const getStaffDocument = defineOperation({
  name: 'getStaffDocument',
  method: 'GET',
  path: '/api/admin/documents/{number}',
  audience: 'staff',
  summary: '按编号查询本中心开具的电子证明（作废前核对）：关键信息、状态、开具中心',
  input: z.strictObject({ number: documentNumber }),
  output: staffDocumentSchema,
})

export const REVOKE_REASON_MAX = 100

export const revokeDocument = defineOperation({
  name: 'revokeDocument',
  method: 'POST',
  path: '/api/admin/documents/{number}/revoke',
  audience: 'staff',
  summary: '作废本中心开具的电子证明：必须填写作废原因；作废后验证页显示“已作废”',
  input: z.strictObject({
    number: documentNumber,
    reason: z
      .string({ error: '请填写作废原因' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请填写作废原因' }),
        z.maxLength(REVOKE_REASON_MAX, { error: `作废原因不能超过${REVOKE_REASON_MAX}个字` }),
      ),
  }),
  output: staffDocumentSchema,
})
