import { createHash, randomBytes, randomUUID } from 'node:crypto'
import {
  DOCUMENT_TITLES,
  DOCUMENT_VALID_MONTHS,
  type DocumentKind,
  type IssuedDocument,
} from '@gjj/shared/api/documents'
import { KINDS, WITHDRAWAL_KINDS, type WithdrawalKind } from '@gjj/shared/catalog'
import { chinaDate, chinaDateTime } from '@gjj/shared/clock'
import { ACCOUNT_STATUS } from '@gjj/shared/codes'
import { addDays, addMonths } from '@gjj/shared/date'
import { formatYuan } from '@gjj/shared/money'
import { maskBankCard, maskIdNumber } from '@gjj/shared/validation'
import { renderDocumentPdf } from '../documents/pdf'
import { clock, today } from '../lib/clock'
import { NotFound, RuleViolation } from '../lib/errors'
import { log } from '../lib/log'
import * as accounts from '../repository/accounts'
import * as applications from '../repository/applications'
import * as centers from '../repository/centers'
import * as depositors from '../repository/depositors'
import * as documents from '../repository/documents'
import * as loans from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'
import { deleteObject, presignView, putObject } from '../storage'
import { verifyUrlOf } from './document-verify'
import { ownLoan } from './loan'

/**
 * 电子证明 (issue 15): a depositor issues a PDF about their own account, settled loan or approved
 * withdrawal; anyone verifies it with its number and code. Idempotent per person, document,
 * subject and China day (decision 75); verification answers wrong and tampered alike and is
 * rate-limited per client (decision 76).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'
function randomChars(n: number): string {
  const bytes = randomBytes(n)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}
export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

const yuan = (fen: number) => `${formatYuan(fen)} 元`
const LOAN_STATUS_TEXT = { normal: '正常还款', overdue: '逾期', settled: '已结清' } as const

interface Subject {
  subjectId: string
  statement: string
  rows: { label: string; value: string }[]
}

/** best effort: a PDF no document names is deleted; when that fails it stays, logged (decision 84) */
async function dropUnrecorded(objectKey: string) {
  await deleteObject(objectKey).catch((error: unknown) =>
    log.warn('an unrecorded document PDF could not be deleted', { objectKey, error: String(error) }),
  )
}

async function personOf(session: DepositorSession) {
  const [person, account, center] = await Promise.all([
    depositors.getDepositor(session.depositorId),
    accounts.getAccount(session.accountNo),
    centers.getCenter(session.centerCode),
  ])
  if (!person || !account || account.depositorId !== session.depositorId) {
    throw new NotFound('未查询到您的公积金账户')
  }
  return { person, account, centerName: center?.name ?? session.centerCode }
}

type Person = Awaited<ReturnType<typeof personOf>>

function identityRows(p: Person, idShown: string) {
  return [
    { label: '姓名', value: p.person.name },
    { label: '身份证号', value: idShown },
  ]
}

async function depositSubject(session: DepositorSession, p: Person, idShown: string): Promise<Subject> {
  const a = p.account
  const loan = session.loanNo ? await loans.getLoan(session.loanNo) : undefined
  const loanText = !loan
    ? '无住房公积金贷款'
    : loan.status === 'settled'
      ? `住房公积金贷款已结清（贷款编号 ${loan.loanNo}）`
      : `有住房公积金贷款（${LOAN_STATUS_TEXT[loan.status]}），贷款余额 ${yuan(loan.remainingPrincipalFen)}`
  return {
    subjectId: a.accountNo,
    statement: `兹证明 ${p.person.name} 在${p.centerName}缴存住房公积金，截至 ${today()} 缴存及使用情况如下：`,
    rows: [
      ...identityRows(p, idShown),
      { label: '个人账号', value: a.accountNo },
      { label: '缴存单位', value: a.employerName },
      { label: '开户日期', value: a.openedOn },
      { label: '账户状态', value: ACCOUNT_STATUS[a.status as keyof typeof ACCOUNT_STATUS] ?? a.status },
      { label: '缴存基数', value: yuan(a.depositBaseFen) },
      { label: '月缴存额', value: yuan(a.personalMonthlyFen + a.employerMonthlyFen) },
      { label: '缴至年月', value: a.paidUpTo ?? '—' },
      { label: '账户余额', value: yuan(a.balanceFen) },
      { label: '贷款情况', value: loanText },
    ],
  }
}

async function loanSettledSubject(
  session: DepositorSession,
  p: Person,
  idShown: string,
  loanNo: string | undefined,
): Promise<Subject> {
  if (!loanNo) throw new NotFound('您暂无公积金贷款')
  const loan = await ownLoan(session, loanNo)
  if (loan.status !== 'settled' || !loan.settledOn) {
    throw new RuleViolation('LOAN_NOT_SETTLED', '该笔贷款尚未结清，结清后才能开具贷款结清证明')
  }
  return {
    subjectId: loan.loanNo,
    statement: `兹证明 ${p.person.name} 在${p.centerName}办理的住房公积金贷款已于 ${loan.settledOn} 全部结清，贷款信息如下：`,
    rows: [
      ...identityRows(p, idShown),
      { label: '贷款编号', value: loan.loanNo },
      { label: '借款合同号', value: loan.contractNo },
      { label: '贷款金额', value: yuan(loan.principalFen) },
      { label: '发放日期', value: loan.disbursedOn },
      { label: '约定到期日期', value: loan.endDate },
      { label: '结清日期', value: loan.settledOn },
      { label: '贷款余额', value: yuan(0) },
    ],
  }
}

async function withdrawalSubject(
  session: DepositorSession,
  p: Person,
  idShown: string,
  applicationId: string | undefined,
): Promise<Subject> {
  const app = applicationId ? await applications.getApplication(applicationId) : undefined
  if (!app || app.depositorId !== session.depositorId) throw new NotFound('未找到该业务申请')
  if (!(WITHDRAWAL_KINDS as readonly string[]).includes(app.kind)) {
    throw new RuleViolation('NOT_A_WITHDRAWAL', '提取业务回单仅限提取业务，该申请不是提取业务')
  }
  if (app.status !== 'approved' || app.amountFen === null) {
    throw new RuleViolation('WITHDRAWAL_NOT_APPROVED', '该提取申请尚未审批通过，审批通过后才能开具回单')
  }
  const kind = KINDS[app.kind as WithdrawalKind]
  return {
    subjectId: app.id,
    statement: `${p.person.name} 的住房公积金提取申请已由${p.centerName}审批通过，提取款项已转入本人银行账户。业务信息如下：`,
    rows: [
      ...identityRows(p, idShown),
      { label: '个人账号', value: app.accountNo },
      { label: '业务类型', value: `${kind.name}（${kind.code}）` },
      { label: '业务编号', value: app.id },
      { label: '提取金额', value: yuan(app.amountFen) },
      ...(app.closing
        ? [
            { label: '其中账户余额', value: yuan(app.closing.balanceFen) },
            { label: '其中销户利息', value: yuan(app.closing.closingInterestFen) },
          ]
        : []),
      {
        label: '收款账户',
        value: app.bankCard ? `${app.bankCard.bankName} ${maskBankCard(app.bankCard.cardNo)}` : '—',
      },
      { label: '申请日期', value: chinaDate(app.submittedAt ?? app.createdAt) },
      { label: '审批通过日期', value: chinaDate(app.updatedAt) },
    ],
  }
}

async function present(doc: documents.DocumentItem, reused: boolean): Promise<IssuedDocument> {
  return {
    number: doc.number,
    kind: doc.kind,
    title: DOCUMENT_TITLES[doc.kind],
    issuedAt: doc.issuedAt,
    validUntil: doc.validUntil,
    verificationCode: doc.code,
    sha256: doc.sha256,
    sizeBytes: doc.sizeBytes,
    pdfUrl: await presignView(doc.objectKey),
    verifyUrl: verifyUrlOf(doc.number, doc.code),
    facts: doc.facts,
    reused,
  }
}

export async function issue(
  session: DepositorSession,
  input: { kind: DocumentKind; subjectId?: string; fullIdNumber?: boolean },
): Promise<IssuedDocument> {
  const p = await personOf(session)
  const fullIdNumber = input.fullIdNumber === true
  const masked = maskIdNumber(p.person.idNumber)
  const idShown = fullIdNumber ? p.person.idNumber : masked
  const subject =
    input.kind === 'deposit'
      ? await depositSubject(session, p, idShown)
      : input.kind === 'loanSettled'
        ? await loanSettledSubject(session, p, idShown, input.subjectId)
        : await withdrawalSubject(session, p, idShown, input.subjectId)

  const issuedOn = today()
  const issueKey = documents.issueKeyOf({
    depositorId: session.depositorId,
    kind: input.kind,
    subjectId: subject.subjectId,
    chinaDate: issuedOn,
    fullIdNumber,
  })
  const already = await documents.findIssued(issueKey)
  if (already) return present(already, true)

  const issuedAt = clock.now()
  const number = `ZM${issuedOn.replaceAll('-', '')}${randomChars(10)}`
  const code = randomChars(8)
  const validUntil = addDays(addMonths(issuedOn, DOCUMENT_VALID_MONTHS[input.kind]), -1)
  const pdf = await renderDocumentPdf({
    title: DOCUMENT_TITLES[input.kind],
    centerName: p.centerName,
    number,
    issuedAtText: chinaDateTime(issuedAt),
    validUntil,
    statement: subject.statement,
    rows: subject.rows,
    verifyUrl: verifyUrlOf(number, code),
    code,
    issuedAt,
  })
  const objectKey = `documents/${number}.pdf`
  await putObject(objectKey, pdf, 'application/pdf')
  const doc: documents.DocumentItem = {
    number,
    kind: input.kind,
    depositorId: session.depositorId,
    centerCode: session.centerCode,
    centerName: p.centerName,
    subjectId: subject.subjectId,
    fullIdNumber,
    issueKey,
    codeHash: sha256(code),
    code,
    sha256: sha256(pdf),
    sizeBytes: pdf.length,
    objectKey,
    // what the public page shows: the ID number always masked there
    facts: subject.rows.map((r) => (r.label === '身份证号' ? { ...r, value: masked } : r)),
    issuedAt: issuedAt.toISOString(),
    validUntil,
    revoked: false,
    revokedAt: null,
    revokeReason: null,
    revokedBy: null,
  }
  const outcome = await documents.recordIssued(doc, randomUUID()).catch(async (error: unknown) => {
    // nothing was recorded (a conflicting transaction, throttling): this PDF belongs to no document
    await dropUnrecorded(objectKey)
    throw error
  })
  if (outcome.ok) return present(doc, false)
  // another request issued it first: give back that one; this PDF was never recorded (decision 84)
  await dropUnrecorded(objectKey)
  const first = await documents.getDocument(outcome.number)
  if (!first) throw new Error(`issue key ${issueKey} names a missing document`)
  return present(first, true)
}
