import type {
  ApplicationData,
  createApplication as createOp,
  submitApplication as submitOp,
  updateApplication as updateOp,
  requestUploadUrl as uploadOp,
} from '@gjj/shared/api/application'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { KINDS, MAX_ARCHIVE_FILE_BYTES, missingCategories, noticeFor } from '@gjj/shared/catalog'
import { maskBankCard, maskIdNumber } from '@gjj/shared/validation'
import {
  type Actor,
  type ApplicationState,
  availableActions,
  STATE_LABELS,
  submitActionFor,
  transition,
  type WorkflowStep,
} from '@gjj/shared/workflow'
import { nowIso } from '../lib/clock'
import { type AppError, Conflict, Forbidden, NotFound, RuleViolation, ServiceUnavailable } from '../lib/errors'
import { log } from '../lib/log'
import { newId } from '../lib/tokens'
import { type BalanceFailure, debitBalance, recordLedgerEntry } from '../repository/accounts'
import * as apps from '../repository/applications'
import type { LoanChanged } from '../repository/loans'
import type { DepositorSession, SessionEnded, StaffSession } from '../repository/sessions'
import { type StillHoldsFailure, stillHolds } from '../repository/staff'
import type { Write } from '../repository/transaction'
import * as steps from '../repository/workflow'
import { copyObject, deleteObject, headObject, presignUpload, presignView } from '../storage'
import { appraiseLoanApplication, loanApproval } from './loan-business'
import type { LoanData } from './loan-business-rules'
import { authenticateWith, endedSession } from './sessions'
import { passwordChangeRequired, REVIEWER_ROLE_MISSING, reviewerAtSignIn, staffWithRole } from './staff-roles'
import { loadApplicant, loadApproval, loadContext, withdrawalReads } from './withdrawal-context'
import { appraise, approvalBooking, categoriesFor, IN_PROGRESS, type WithdrawalContext } from './withdrawal-rules'

/**
 * The application lifecycle: every step of shared/src/workflow.ts as one function. The depositor
 * creates, updates (fields and archive files), submits or resubmits, and ends; the center's
 * reviewer returns and approves. Each step is checked against the workflow table and the rules of
 * the kind's family — withdrawal-rules.ts for the withdrawals, loan-business-rules.ts for the loan
 * businesses (`appraiseFor`, `approvalOf`: the only places the two families differ) — then written by the repository's step (repository/workflow.ts), whose
 * typed outcome becomes the answer. A depositor reaches only their own applications and a reviewer
 * only their center's: anything else is "not found".
 */
const NOT_FOUND = '未找到该申请'

export function summary(
  app: Pick<
    apps.ApplicationItem,
    'id' | 'kind' | 'status' | 'amountFen' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'returnReason'
  >,
) {
  return {
    id: app.id,
    kind: app.kind,
    kindName: KINDS[app.kind].name,
    status: app.status,
    statusLabel: STATE_LABELS[app.status],
    amountFen: app.amountFen,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    submittedAt: app.submittedAt,
    returnReason: app.status === 'returned' ? app.returnReason : null,
  }
}

export async function detail(
  bundle: apps.ApplicationBundle,
  ctx: Pick<WithdrawalContext, 'policy' | 'depositor' | 'today'>,
  actor: Actor,
) {
  const { app, events } = bundle
  const categories = categoriesFor(app.kind, ctx)
  // a registered upload that never reached the bucket (cut off, page left) is not a file yet
  const arrived = await Promise.all(
    bundle.files.map(async (f) => (f.attached || (await headObject(f.key)) ? f : undefined)),
  )
  const files = arrived.filter((f): f is apps.FileItem => f !== undefined)
  const withUrls = await Promise.all(
    files
      .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt))
      .map(async (f) => ({
        id: f.fileId,
        category: f.category,
        fileName: f.fileName,
        contentType: f.contentType as 'image/jpeg' | 'image/png' | 'application/pdf',
        size: f.size,
        uploadedAt: f.uploadedAt,
        url: await presignView(f.key),
      })),
  )
  return {
    ...summary(app),
    data: app.data,
    bankCard: app.bankCard
      ? { id: app.bankCard.id, bankName: app.bankCard.bankName, cardNoMasked: maskBankCard(app.bankCard.cardNo) }
      : null,
    closing: app.closing,
    archive: categories.map((c) => ({ ...c, files: withUrls.filter((f) => f.category === c.key) })),
    timeline: [...events].sort((a, b) => a.at.localeCompare(b.at)),
    notice: noticeFor(app.kind, ctx.policy),
    availableActions: availableActions(app.status, actor),
    loanFigures: app.loanFigures ?? null,
  }
}

async function ownBundle(session: DepositorSession, id: string) {
  const bundle = await apps.getBundle(id)
  if (!bundle || bundle.app.depositorId !== session.depositorId) throw new NotFound(NOT_FOUND)
  return bundle
}

export async function centerBundle(caller: StaffSession, id: string) {
  const bundle = await apps.getBundle(id)
  if (!bundle || bundle.app.centerCode !== caller.centerCode) throw new NotFound(NOT_FOUND)
  return bundle
}

const refusal = (step: WorkflowStep, message: string) =>
  new Conflict(step === 'update' ? 'NOT_EDITABLE' : 'INVALID_STATE', message)

/** the step is in the workflow table from where the application stands, for this actor */
function allow(app: apps.ApplicationItem, step: WorkflowStep, actor: Actor): void {
  const t = transition(app.status, step, actor)
  if (!t.ok) throw refusal(step, t.message)
}

/** the answer to a step that did not happen: another request changed the application first */
function failed(f: apps.StateFailure | { reason: 'duplicate' }, step: WorkflowStep, actor: Actor): AppError {
  // the SDK's own retry met this very call still running: the client may simply try again
  if (f.reason === 'duplicate') return new ServiceUnavailable()
  const t = transition(f.current.status, step, actor)
  if (!t.ok) return refusal(step, t.message)
  return new Conflict('CHANGED', step === 'update' ? '申请已被更新，请刷新后重试' : '申请状态已变化，请刷新后重试')
}

const depositor = (app: apps.ApplicationItem): steps.Party => ({ kind: 'depositor', name: app.depositorName })

/** the reviewing staff member, who must hold the reviewer role (a publisher alone may not review) */
async function reviewer(caller: StaffSession): Promise<steps.Party> {
  return { kind: 'reviewer', name: (await staffWithRole(caller, 'reviewer')).name }
}

const isLoanData = (data: ApplicationData): data is LoanData => KINDS[data.kind].group === 'loan'

/**
 * An application's figures from its data, checked against its family's rules for today (create,
 * update, submit): the amount, a withdrawal's closing breakdown and bank card, a loan business's
 * loan figures and the loan's version they were computed on. Also the context the answer needs.
 */
async function appraiseFor(session: DepositorSession, data: ApplicationData, own?: apps.ApplicationItem) {
  if (isLoanData(data)) {
    const { ctx, figures } = await appraiseLoanApplication(session, data, own)
    return { ctx, set: { ...figures, closing: null, bankCard: null } }
  }
  const ctx = await loadContext(session, { closing: KINDS[data.kind].closing, ...(own ? { own } : {}) })
  return { ctx, set: appraise(data, ctx) }
}

/** 填写申请: a draft, if no other application of the kind (of the loan, for a loan business) is in progress */
export async function create(session: DepositorSession, data: ParsedInputOf<typeof createOp>) {
  const { ctx, set } = await appraiseFor(session, data)
  const at = nowIso()
  const app: apps.ApplicationItem = {
    id: newId('A'),
    kind: data.kind,
    depositorId: session.depositorId,
    centerCode: session.centerCode,
    accountNo: session.accountNo,
    depositorName: ctx.depositor.name,
    idNumberMasked: maskIdNumber(ctx.depositor.idNumber),
    status: 'draft',
    data,
    ...set,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    returnReason: null,
    submitKeys: [],
    version: 1,
  }
  const outcome = await steps.create(app, depositor(app))
  if (!outcome.ok) throw new Conflict('IN_PROGRESS', IN_PROGRESS)
  return detail((await apps.getBundle(app.id)) as apps.ApplicationBundle, ctx, 'depositor')
}

/** 修改: a draft's or returned application's fields, checked again against the rules */
export async function update(session: DepositorSession, input: ParsedInputOf<typeof updateOp>) {
  const { id, ...fields } = input
  const data = fields as ApplicationData
  const bundle = await ownBundle(session, id)
  allow(bundle.app, 'update', 'depositor')
  if (bundle.app.kind !== data.kind) throw new RuleViolation('KIND_MISMATCH', '不能更改申请的业务类型')
  const { ctx, set } = await appraiseFor(session, data, bundle.app)
  const outcome = await steps.edit(bundle.app, { data, ...set, updatedAt: nowIso() })
  if (!outcome.ok) throw failed(outcome, 'update', 'depositor')
  return detail({ ...bundle, app: outcome.app }, ctx, 'depositor')
}

/** 上传档案: registers a file of an archive category and answers the presigned POST for it */
export async function requestUpload(session: DepositorSession, input: ParsedInputOf<typeof uploadOp>) {
  const [bundle, applicant] = await Promise.all([
    ownBundle(session, input.id),
    loadApplicant(session.depositorId, session.centerCode),
  ])
  allow(bundle.app, 'update', 'depositor')
  const category = categoriesFor(bundle.app.kind, applicant).find((c) => c.key === input.category)
  if (!category)
    throw new RuleViolation('CATEGORY', '档案分类不正确', [{ path: ['category'], message: '档案分类不正确' }])
  const fileId = newId('F')
  const key = `uploads/${input.id}/${fileId}`
  const post = await presignUpload(key, input.contentType, MAX_ARCHIVE_FILE_BYTES)
  const at = nowIso()
  const outcome = await steps.addFile(bundle.app, {
    fileId,
    category: input.category,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    key,
    uploadedAt: at,
    attached: false,
  })
  if (!outcome.ok) throw failed(outcome, 'update', 'depositor')
  return {
    fileId,
    url: post.url,
    fields: post.fields,
    expiresAt: new Date(Date.parse(at) + 5 * 60_000).toISOString(),
  }
}

export async function removeFile(session: DepositorSession, id: string, fileId: string) {
  const bundle = await ownBundle(session, id)
  allow(bundle.app, 'update', 'depositor')
  const file = bundle.files.find((f) => f.fileId === fileId)
  if (!file) throw new NotFound('未找到该文件')
  const outcome = await steps.removeFile(bundle.app, fileId)
  if (!outcome.ok)
    throw outcome.reason === 'noSuchFile' ? new NotFound('未找到该文件') : failed(outcome, 'update', 'depositor')
  // an attached file stays in archives/ (it was part of a submitted application); an upload goes
  if (!file.attached) await deleteObject(file.key)
  return { ok: true as const }
}

/**
 * What an idempotency key means for this application: the key of the attempt that made it
 * 待审批 (answer the same), the key of an earlier attempt (that request is over), or a new one.
 */
function attempt(app: apps.ApplicationItem, key: string): 'done' | 'past' | 'new' {
  if (app.status === 'submitted' && app.submitKeys.at(-1) === key) return 'done'
  return app.submitKeys.includes(key) ? 'past' : 'new'
}

const archived = (key: string) => key.replace(/^uploads\//, 'archives/')

/**
 * 提交中心审批 (or 重新提交 after a return), exactly once per attempt: an idempotency key scopes one
 * attempt. The same key again answers the same 待审批; a key of an earlier attempt (e.g. the
 * first submit's, after a return) is refused; a concurrent submit loses the version race and
 * changes nothing.
 */
export async function submit(token: string, input: ParsedInputOf<typeof submitOp>) {
  // the application's collection first; then, in one BatchGetItem, the session and what the rules
  // read by key, beside the closing kind's account Query (decision 85). Nothing is answered before
  // the session is found good.
  const bundle = await apps.getBundle(input.id)
  const reads = bundle && !isLoanData(bundle.app.data) ? withdrawalReads(bundle.app) : undefined
  const [auth, ledger] = await Promise.allSettled([
    authenticateWith(token, 'depositor', reads?.keys ?? []),
    reads?.ledger(),
  ])
  if (auth.status === 'rejected') throw auth.reason
  if (ledger.status === 'rejected') throw ledger.reason
  const { caller: session, items, refresh } = auth.value
  if (!bundle || bundle.app.depositorId !== session.depositorId) throw new NotFound(NOT_FOUND)
  const { app } = bundle
  const key = input.idempotencyKey
  const seen = attempt(app, key)
  if (seen === 'done') return summary(app)
  if (seen === 'past') throw new Conflict('SUBMIT_KEY_USED', '该提交请求已处理，请刷新后重试')
  const action = submitActionFor(app.status)
  allow(app, action, 'depositor')

  const { ctx, set: figures } = reads
    ? await reads.context(session, items, ledger.value).then((c) => ({ ctx: c, set: appraise(app.data, c) }))
    : await appraiseFor(session, app.data, app)

  // every required category has a file that really is in the bucket, of the size and type registered
  const present: apps.FileItem[] = []
  await Promise.all(
    bundle.files.map(async (f) => {
      const head = await headObject(f.key)
      if (head && head.size === f.size && head.contentType === f.contentType) present.push(f)
    }),
  )
  const missing = missingCategories(
    categoriesFor(app.kind, ctx),
    present.map((f) => f.category),
  )
  if (missing.length) {
    const names = missing.map((c) => c.name).join('、')
    throw new RuleViolation('MISSING_ARCHIVES', `请上传必传档案：${names}`, [
      { path: ['archive', missing[0]?.key as string], message: `请上传${names}` },
    ])
  }
  // attach: copy uploads to archives/ (idempotent), which the lifecycle rule leaves alone
  const uploaded = present.filter((f) => !f.attached)
  await Promise.all(uploaded.map((f) => copyObject(f.key, archived(f.key))))

  const at = nowIso()
  const outcome = await steps.move(app, {
    action,
    to: 'submitted',
    at,
    by: depositor(app),
    set: { ...figures, submittedAt: at, returnReason: null, submitKeys: [...app.submitKeys, key] },
    attach: uploaded.map((f) => ({ fileId: f.fileId, key: archived(f.key) })),
    // the session's idle deadline moves with the submission, if the session still stands then
    effects: [refresh],
  })
  if (outcome.ok) return summary(outcome.app)
  if (outcome.reason === 'sessionEnded') throw endedSession()
  // another request got there first: a twin of this attempt (answer the same) or another one
  const now = outcome.reason === 'duplicate' ? await apps.getApplication(app.id) : outcome.current
  if (now && attempt(now, key) === 'done') return summary(now)
  throw failed(outcome, action, 'depositor')
}

export async function get(session: DepositorSession, id: string) {
  const [bundle, applicant] = await Promise.all([
    ownBundle(session, id),
    loadApplicant(session.depositorId, session.centerCode),
  ])
  return detail(bundle, applicant, 'depositor')
}

export async function listMine(
  session: DepositorSession,
  q: { cursor?: string; limit?: number; status?: ApplicationState; kind?: string },
) {
  const page = await apps.listByDepositor(session.depositorId, { limit: q.limit ?? 20, cursor: q.cursor })
  const items = page.items.filter((a) => (!q.status || a.status === q.status) && (!q.kind || a.kind === q.kind))
  return { items: items.map(summary), nextCursor: page.nextCursor }
}

export async function listTodo(session: DepositorSession, q: { cursor?: string; limit?: number }) {
  return listMine(session, { ...q, status: 'returned' })
}

/** 结束流程: a draft or returned application ends; the person may apply again */
export async function end(session: DepositorSession, id: string) {
  const { app } = await ownBundle(session, id)
  allow(app, 'end', 'depositor')
  const outcome = await steps.move(app, { action: 'end', to: 'ended', at: nowIso(), by: depositor(app) })
  if (!outcome.ok) throw failed(outcome, 'end', 'depositor')
  return summary(outcome.app)
}

/** 退回: the reason is required and shown to the depositor in 待办事项 */
export async function returnApplication(caller: StaffSession, id: string, reason: string) {
  const [by, { app }] = await Promise.all([reviewer(caller), centerBundle(caller, id)])
  allow(app, 'return', 'reviewer')
  const outcome = await steps.move(app, {
    action: 'return',
    to: 'returned',
    at: nowIso(),
    by,
    opinion: reason,
    set: { returnReason: reason },
    audit: { id: newId('E'), actor: `staff:${caller.staffId}`, action: 'returnApplication', detail: { reason } },
  })
  if (!outcome.ok) throw failed(outcome, 'return', 'reviewer')
  return summary(outcome.app)
}

/**
 * What an approval books besides the workflow's own writes, by the kind's family: a withdrawal's
 * balance debit and ledger entries (approvalBooking), a loan business's fund debit and loan change
 * (loanApproval). Both answer the application's changed fields, the effects and the audit detail.
 */
async function approvalOf(app: apps.ApplicationItem, at: string) {
  if (KINDS[app.kind].group === 'loan') return loanApproval(app, at)
  const { account, quote, on } = await loadApproval(app, KINDS[app.kind].closing)
  const booking = approvalBooking(app, account, quote, on)
  return {
    set: { amountFen: booking.paidFen, closing: booking.closing },
    effects: [
      debitBalance(account, booking.debitFen, booking.closeWithStatus),
      ...booking.ledger.map((e) => recordLedgerEntry(account.accountNo, e)),
    ],
    detail: {
      accountNo: account.accountNo,
      amountFen: booking.paidFen,
      kind: app.kind,
      ledger: booking.ledger.map((e) => e.id),
    },
  }
}

/**
 * 审批通过: one transaction — the application becomes 审批通过 (if still 待审批 at the version
 * read), the money moves as the kind's family books it (the balance falls if it still covers the
 * amount at the version read, the ledger records it; a closing withdrawal closes the account; a
 * loan business changes the loan at the version read), the queue and the per-kind markers move,
 * and the timeline and the audit log get their entries. A lost race with another movement of the
 * account or the loan is retried with fresh reads, which then decide (a loan changed since the
 * submission is refused with the reason).
 */
export async function approve(token: string, id: string, opinion: string | undefined) {
  // the session and the application in one BatchGetItem; the reviewer's name and role as at sign-in,
  // the role checked again inside the transaction (decision 85)
  const { caller, items, refresh } = await authenticateWith(token, 'staff', [apps.applicationKey(id)])
  const by = { kind: 'reviewer' as const, name: (await reviewerAtSignIn(caller)).name }
  const read = items.find((i) => i.pk === apps.applicationKey(id).pk)
  for (let round = 0; round < 3; round++) {
    const app = round === 0 ? (read ? apps.applicationFromItem(read) : undefined) : await apps.getApplication(id)
    if (!app || app.centerCode !== caller.centerCode) throw new NotFound(NOT_FOUND)
    allow(app, 'approve', 'reviewer')
    const at = nowIso()
    const booking = await approvalOf(app, at).catch(async (error: unknown) => {
      // refused on a read made while a concurrent approval committed: that approval is the answer
      const now = await apps.getApplication(app.id)
      if (now && now.status !== app.status) throw failed({ reason: 'wrongState', current: now }, 'approve', 'reviewer')
      throw error
    })
    const effects: Write<BalanceFailure | LoanChanged | SessionEnded | StillHoldsFailure>[] = [
      ...booking.effects,
      refresh,
      stillHolds(caller.staffId, 'reviewer'),
    ]
    const outcome = await steps.move(app, {
      action: 'approve',
      to: 'approved',
      at,
      by,
      opinion: opinion || null,
      set: booking.set,
      audit: {
        id: newId('E'),
        actor: `staff:${caller.staffId}`,
        action: 'approveApplication',
        detail: { ...booking.detail, ...(opinion ? { opinion } : {}) },
      },
      effects,
    })
    if (outcome.ok) {
      log.info('application approved', { applicationId: app.id, kind: app.kind, staffId: caller.staffId })
      return summary(outcome.app)
    }
    switch (outcome.reason) {
      case 'sessionEnded':
        throw endedSession()
      case 'roleTaken':
        throw new Forbidden(REVIEWER_ROLE_MISSING)
      case 'passwordChange':
        throw passwordChangeRequired()
      case 'insufficientBalance':
        throw new RuleViolation('INSUFFICIENT_BALANCE', '账户余额不足')
      case 'stale':
      case 'accountChanged':
      case 'loanChanged':
        continue // only a version moved: read again
      default:
        throw failed(outcome, 'approve', 'reviewer')
    }
  }
  throw new Conflict('BUSY', '账户正在办理其他业务，请稍后重试')
}
