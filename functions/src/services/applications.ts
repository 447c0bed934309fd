import type {
  ApplicationData,
  createApplication as createOp,
  submitApplication as submitOp,
  updateApplication as updateOp,
  requestUploadUrl as uploadOp,
} from '@gjj/shared/api/application'
import { MAX_ARCHIVE_FILE_BYTES } from '@gjj/shared/api/application'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { KINDS, missingCategories, noticeFor } from '@gjj/shared/catalog'
import { maskBankCard, maskIdNumber } from '@gjj/shared/validation'
import {
  type Actor,
  type ApplicationState,
  availableActions,
  STATE_LABELS,
  submitActionFor,
  transition,
} from '@gjj/shared/workflow'
import { nowIso } from '../lib/clock'
import { Conflict, NotFound, RuleViolation, ServiceUnavailable } from '../lib/errors'
import { newId } from '../lib/tokens'
import * as apps from '../repository/applications'
import { getDepositor } from '../repository/depositors'
import { cancellationCodes, isIdempotencyClash, isTransactionCanceled } from '../repository/errors'
import type { DepositorSession } from '../repository/sessions'
import { copyObject, deleteObject, headObject, presignUpload, presignView } from '../storage'
import { categoriesFor, checkAmount, closingAmounts, loadContext, type WithdrawalContext } from './withdrawals'

/**
 * Applications on the depositor's side: draft, archive files, submit, 我的业务, 结束流程. A
 * depositor only ever reaches their own applications: anyone else's is "not found".
 */
const NOT_FOUND = '未找到该申请'
const EDITABLE: ApplicationState[] = ['draft', 'returned']

export function summary(app: apps.ApplicationItem) {
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
    timeline: events
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((e) => ({
        at: e.at,
        action: e.action as 'create',
        actor: e.actor,
        actorName: e.actorName,
        from: e.from,
        to: e.to,
        opinion: e.opinion,
      })),
    notice: noticeFor(app.kind, ctx.policy),
    availableActions: availableActions(app.status, actor),
  }
}

async function ownBundle(session: DepositorSession, id: string) {
  const bundle = await apps.getBundle(id)
  if (!bundle || bundle.app.depositorId !== session.depositorId) throw new NotFound(NOT_FOUND)
  return bundle
}

function bankCardFor(ctx: WithdrawalContext, bankCardId: string) {
  const card = ctx.cards.find((c) => c.id === bankCardId)
  if (!card) {
    throw new RuleViolation('BANK_CARD', '请选择本人名下的收款银行账号', [
      { path: ['bankCardId'], message: '请选择本人名下的收款银行账号' },
    ])
  }
  return { id: card.id, bankName: card.bankName, cardNo: card.cardNo }
}

/** amount, closing breakdown and bank card of an application's data, checked against the rules */
async function evaluateData(data: ApplicationData, ctx: WithdrawalContext) {
  const closing = KINDS[data.kind].closing ? await closingAmounts(ctx.account, ctx.today) : null
  const amountFen = checkAmount(data, ctx, closing?.totalFen ?? 0)
  const bankCard = 'bankCardId' in data ? bankCardFor(ctx, data.bankCardId) : null
  return {
    amountFen,
    closing: closing
      ? { balanceFen: closing.balanceFen, closingInterestFen: closing.closingInterestFen, totalFen: closing.totalFen }
      : null,
    bankCard,
  }
}

function onlyWithdrawals(kind: ApplicationData['kind']) {
  if (KINDS[kind].group !== 'withdrawal') throw new RuleViolation('NOT_OPEN', '该业务暂未开放网上办理')
}

export async function create(session: DepositorSession, data: ParsedInputOf<typeof createOp>) {
  onlyWithdrawals(data.kind)
  const ctx = await loadContext(session)
  const evaluated = await evaluateData(data, ctx)
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
    ...evaluated,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    returnReason: null,
    submitKey: null,
    version: 1,
  }
  try {
    await apps.createApplication(app, {
      at,
      action: 'create',
      actor: 'depositor',
      actorName: ctx.depositor.name,
      from: null,
      to: 'draft',
      opinion: null,
    })
  } catch (error) {
    if (isTransactionCanceled(error))
      throw new Conflict('IN_PROGRESS', '您有正在办理的同类业务，可在“我的业务”中查看办理进度')
    throw error
  }
  return detail((await apps.getBundle(app.id)) as apps.ApplicationBundle, ctx, 'depositor')
}

function editable(app: apps.ApplicationItem) {
  if (!EDITABLE.includes(app.status)) {
    const t = transition(app.status, 'end', 'depositor')
    throw new Conflict('NOT_EDITABLE', t.ok ? '该申请当前不能修改' : t.message.replace('不能结束', '不能修改'))
  }
}

export async function update(session: DepositorSession, input: ParsedInputOf<typeof updateOp>) {
  const { id, ...data } = input
  const bundle = await ownBundle(session, id)
  editable(bundle.app)
  if (bundle.app.kind !== data.kind) throw new RuleViolation('KIND_MISMATCH', '不能更改申请的业务类型')
  const ctx = await loadContext(session)
  // the application's own in-progress lock must not make it ineligible
  ctx.active.delete(data.kind)
  const evaluated = await evaluateData(data as ApplicationData, ctx)
  try {
    await apps.transact([
      apps.appUpdate(bundle.app, { data: data as ApplicationData, ...evaluated, updatedAt: nowIso() }, EDITABLE),
    ])
  } catch (error) {
    if (isTransactionCanceled(error)) throw new Conflict('CHANGED', '申请已被更新，请刷新后重试')
    throw error
  }
  return detail((await apps.getBundle(id)) as apps.ApplicationBundle, ctx, 'depositor')
}

export async function requestUpload(session: DepositorSession, input: ParsedInputOf<typeof uploadOp>) {
  const bundle = await ownBundle(session, input.id)
  editable(bundle.app)
  const ctx = await loadContext(session)
  const category = categoriesFor(bundle.app.kind, ctx).find((c) => c.key === input.category)
  if (!category)
    throw new RuleViolation('CATEGORY', '档案分类不正确', [{ path: ['category'], message: '档案分类不正确' }])
  const fileId = newId('F')
  const key = `uploads/${input.id}/${fileId}`
  const post = await presignUpload(key, input.contentType, MAX_ARCHIVE_FILE_BYTES)
  const at = nowIso()
  await apps.putFile(input.id, {
    fileId,
    category: input.category,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    key,
    uploadedAt: at,
    attached: false,
  })
  return {
    fileId,
    url: post.url,
    fields: post.fields,
    expiresAt: new Date(Date.parse(at) + 5 * 60_000).toISOString(),
  }
}

export async function removeFile(session: DepositorSession, id: string, fileId: string) {
  const bundle = await ownBundle(session, id)
  editable(bundle.app)
  const file = bundle.files.find((f) => f.fileId === fileId)
  if (!file) throw new NotFound('未找到该文件')
  await apps.transact([apps.fileDelete(id, fileId)])
  // an attached file stays in archives/ (it was part of a submitted application); an upload goes
  if (!file.attached) await deleteObject(file.key)
  return { ok: true as const }
}

/**
 * 提交中心审批 (or 重新提交 after a return), exactly once: the same idempotency key answers the same
 * result; a concurrent submit loses the version race and changes nothing.
 */
export async function submit(session: DepositorSession, input: ParsedInputOf<typeof submitOp>) {
  const bundle = await ownBundle(session, input.id)
  const { app } = bundle
  if (app.submitKey === input.idempotencyKey && app.status === 'submitted') return summary(app)
  const action = submitActionFor(app.status)
  const t = transition(app.status, action, 'depositor')
  if (!t.ok) throw new Conflict('INVALID_STATE', t.message)

  const ctx = await loadContext(session)
  ctx.active.delete(app.kind)
  const evaluated = await evaluateData(app.data, ctx)

  // every required category has a file that really is in the bucket, of the size and type registered
  const categories = categoriesFor(app.kind, ctx)
  const present: apps.FileItem[] = []
  await Promise.all(
    bundle.files.map(async (f) => {
      const head = await headObject(f.key)
      if (head && head.size === f.size && head.contentType === f.contentType) present.push(f)
    }),
  )
  const missing = missingCategories(
    categories,
    present.map((f) => f.category),
  )
  if (missing.length) {
    const names = missing.map((c) => c.name).join('、')
    throw new RuleViolation('MISSING_ARCHIVES', `请上传必传档案：${names}`, [
      { path: ['archive', missing[0]?.key as string], message: `请上传${names}` },
    ])
  }
  // attach: copy uploads to archives/ (idempotent), which the lifecycle rule leaves alone
  const attach = present.filter((f) => !f.attached)
  await Promise.all(attach.map((f) => copyObject(f.key, f.key.replace(/^uploads\//, 'archives/'))))

  const at = nowIso()
  const updated: Partial<apps.ApplicationItem> = {
    status: 'submitted',
    submittedAt: at,
    submitKey: input.idempotencyKey,
    returnReason: null,
    updatedAt: at,
    ...evaluated,
  }
  const next = { ...app, ...updated } as apps.ApplicationItem
  try {
    await apps.transact(
      [
        apps.appUpdate(app, updated, [app.status]),
        apps.queuePut(next, 'submitted', at),
        ...(app.status === 'returned' && app.submittedAt ? [apps.queueDelete(app, 'returned', app.submittedAt)] : []),
        apps.eventPut(app.id, {
          at,
          action,
          actor: 'depositor',
          actorName: ctx.depositor.name,
          from: app.status,
          to: 'submitted',
          opinion: null,
        }),
        ...attach.map((f) => apps.fileAttach(app.id, f.fileId, f.key.replace(/^uploads\//, 'archives/'))),
      ],
      input.idempotencyKey,
    )
  } catch (error) {
    // another request won: with a different key (its condition held first) or with this very key
    // (its transaction, same token, other timestamps, is either done or still in progress)
    const lost = isTransactionCanceled(error) && cancellationCodes(error).includes('ConditionalCheckFailed')
    const sameKey = isIdempotencyClash(error)
    if (!lost && !sameKey) throw error
    const now = await apps.getApplication(app.id)
    if (now?.submitKey === input.idempotencyKey && now.status === 'submitted') return summary(now)
    if (sameKey) throw new ServiceUnavailable('提交正在处理中，请稍后刷新查看', 1)
    throw new Conflict('INVALID_STATE', '该申请正在审批中，请勿重复提交')
  }
  return summary(next)
}

export async function get(session: DepositorSession, id: string) {
  const [bundle, ctx] = await Promise.all([ownBundle(session, id), loadContext(session)])
  return detail(bundle, ctx, 'depositor')
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
  const t = transition(app.status, 'end', 'depositor')
  if (!t.ok) throw new Conflict('INVALID_STATE', t.message)
  const at = nowIso()
  const depositor = await getDepositor(session.depositorId)
  try {
    await apps.transact([
      apps.appUpdate(app, { status: 'ended', updatedAt: at }, [app.status]),
      apps.activeDelete(app),
      ...(app.status === 'returned' && app.submittedAt ? [apps.queueDelete(app, 'returned', app.submittedAt)] : []),
      apps.eventPut(app.id, {
        at,
        action: 'end',
        actor: 'depositor',
        actorName: depositor?.name ?? '',
        from: app.status,
        to: 'ended',
        opinion: null,
      }),
    ])
  } catch (error) {
    if (isTransactionCanceled(error)) throw new Conflict('CHANGED', '申请状态已变化，请刷新后重试')
    throw error
  }
  return summary({ ...app, status: 'ended', updatedAt: at })
}
