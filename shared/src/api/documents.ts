import * as z from 'zod/mini'
import '../zod-locale'
import { fen, id, instant, isoDate, queryInt } from './common'
import { defineOperation } from './contract'

/**
 * 电子证明 (我 → 证明开具) and 年度账单 (beyond the manual, issue 15). A depositor issues a PDF
 * document about their own account, loan or withdrawal; anyone holding the document can check it
 * on the public verification page (the QR code's address) with its number and verification code.
 */
export const DOCUMENT_KINDS = ['deposit', 'loanSettled', 'withdrawalReceipt'] as const
export const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: '证明类型不正确' })
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  deposit: '个人住房公积金缴存使用证明',
  loanSettled: '住房公积金贷款结清证明',
  withdrawalReceipt: '住房公积金提取业务回单',
}

/** how long a document proves something, in months from its China issue date (decision 74) */
export const DOCUMENT_VALID_MONTHS: Record<DocumentKind, number> = {
  deposit: 3,
  loanSettled: 12,
  withdrawalReceipt: 12,
}

/** document number: ZM + China issue date + 10 random characters; verification code: 8 characters */
export const documentNumber = z
  .string({ error: '请输入证明编号' })
  .check(z.regex(/^ZM\d{8}[0-9A-Z]{10}$/, { error: '证明编号格式不正确' }))
export const verificationCode = z
  .string({ error: '请输入验证码' })
  .check(z.regex(/^[0-9A-Z]{8}$/, { error: '验证码应为8位字母或数字' }))

export const documentFactSchema = z.object({ label: z.string(), value: z.string() })

export const issuedDocumentSchema = z.object({
  number: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  issuedAt: instant,
  /** the last China date it is valid on */
  validUntil: isoDate,
  verificationCode: z.string(),
  /** SHA-256 of the PDF bytes as issued, hex */
  sha256: z.string(),
  sizeBytes: z.int().check(z.gte(1)),
  /** the PDF, for a few minutes (presigned) */
  pdfUrl: z.url(),
  /** the public verification page (the QR code's address) */
  verifyUrl: z.url(),
  /** the key facts printed on it */
  facts: z.array(documentFactSchema),
  /** this document had already been issued today for the same subject: the same one is given back */
  reused: z.boolean(),
})
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>

export const issueDocument = defineOperation({
  name: 'issueDocument',
  method: 'POST',
  path: '/api/documents',
  audience: 'depositor',
  summary: '开具电子证明（PDF）：缴存使用证明、贷款结清证明、提取业务回单',
  input: z.strictObject({
    kind: documentKindSchema,
    /** 贷款结清证明: the loan number; 提取业务回单: the application id; 缴存证明: none */
    subjectId: z.optional(id),
    /** print the whole ID number (a bank may ask for it); default masked */
    fullIdNumber: z.optional(z.boolean({ error: '请选择是否显示完整身份证号' })),
  }),
  output: issuedDocumentSchema,
})

export const VERIFY_STATUSES = ['valid', 'expired', 'revoked'] as const

/** what a document is, whoever looks (the verification page, the counter's 证明作废) */
export const documentStandingSchema = z.object({
  status: z.enum(VERIFY_STATUSES),
  number: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  /** the issuing center */
  centerName: z.string(),
  issuedAt: instant,
  validUntil: isoDate,
  sha256: z.string(),
  /** the key facts printed on it (ID number as printed: masked unless the full one was chosen) */
  facts: z.array(documentFactSchema),
})

export const verifyDocument = defineOperation({
  name: 'verifyDocument',
  method: 'GET',
  path: '/api/documents/verify',
  audience: 'public',
  summary: '电子证明验证（无需登录）：编号和验证码都正确时给出证明的关键信息',
  input: z.strictObject({ number: documentNumber, code: verificationCode }),
  output: z.extend(documentStandingSchema, { sizeBytes: z.int() }),
})

export const annualMonthSchema = z.object({
  /** 1–12 */
  month: z.int().check(z.gte(1), z.lte(12)),
  depositFen: fen,
})

export const annualFiguresSchema = z.object({
  year: z.int(),
  openingBalanceFen: fen,
  closingBalanceFen: fen,
  /** 汇缴 + 补缴 */
  depositFen: fen,
  /** 年终结息 booked in the year (interest of the year to June 30) */
  interestFen: fen,
  /** 部分提取 + 销户提取 */
  withdrawalFen: fen,
  /** 贷款还款 paid in the year (principal + interest + penalty), whatever paid it */
  loanRepaymentFen: fen,
})

export const getAnnualStatement = defineOperation({
  name: 'getAnnualStatement',
  method: 'GET',
  path: '/api/account/annual-statement',
  audience: 'depositor',
  summary: '年度账单：某年逐月缴存、结息、提取、贷款还款、年初年末余额，与上年对比',
  input: z.strictObject({ year: queryInt(1990, 2100, '年份应在1990到2100之间') }),
  output: z.extend(annualFiguresSchema, {
    months: z.array(annualMonthSchema).check(z.length(12)),
    /** the China date interest was settled on in the year (June 30), or null when none was booked */
    interestSettledOn: z.nullable(isoDate),
    previous: z.nullable(annualFiguresSchema),
  }),
})
