import type { listReviewQueue, staffLogin } from '@gjj/shared/api/admin'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { KINDS } from '@gjj/shared/catalog'
import { chinaDayRange } from '@gjj/shared/clock'
import { ACCOUNT_STATUS } from '@gjj/shared/codes'
import { maskPhone } from '@gjj/shared/validation'
import { type ApplicationState, STATE_LABELS, transition } from '@gjj/shared/workflow'
import { nowIso, today } from '../lib/clock'
import { coded } from '../lib/codes'
import { Conflict, NotFound, RuleViolation, Unauthorized } from '../lib/errors'
import { log } from '../lib/log'
import { newId } from '../lib/tokens'
import * as accounts from '../repository/accounts'
import * as apps from '../repository/applications'
import { getCenter } from '../repository/centers'
import { getDepositor } from '../repository/depositors'
import { failedConditionIndex, isTransactionCanceled } from '../repository/errors'
import type { StaffSession } from '../repository/sessions'
import * as staff from '../repository/staff'
import { detail, summary } from './applications'
import { checkPassword } from './login-guard'
import { openSession } from './sessions'
import { closingAmounts, policyOf, retirementAgeReached } from './withdrawals'

/**
 * The center's review (审批). A reviewer reaches only their own center's applications: any other
 * is "not found". Approval moves the money in one transaction, exactly once.
 */
const NOT_FOUND = '未找到该申请'

async function staffProfile(s: staff.StaffItem) {
  const center = await getCenter(s.centerCode)
  return {
    id: s.staffId,
    username: s.username,
    name: s.name,
    centerCode: s.centerCode,
    centerName: center?.name ?? s.centerCode,
  }
}

export async function login(input: ParsedInputOf<typeof staffLogin>, client: string) {
  const s = await checkPassword({
    scope: 'staff-login',
    client,
    identifier: `staff#${input.username}`,
    password: input.password,
    find: async () => {
      const id = await staff.findStaffId(input.username)
      return id ? staff.getStaff(id) : undefined
    },
    wrong: (left) => `用户名或密码错误，还可尝试 ${left} 次`,
  })
  const [session, profile] = await Promise.all([
    openSession({ kind: 'staff', staffId: s.staffId, centerCode: s.centerCode, role: s.role }),
    staffProfile(s),
  ])
  return { session, staff: profile }
}

export async function me(caller: StaffSession) {
  const s = await staff.getStaff(caller.staffId)
  if (!s) throw new Unauthorized()
  return staffProfile(s)
}

export async function queue(caller: StaffSession, q: ParsedInputOf<typeof listReviewQueue>) {
  const status: ApplicationState = q.status ?? 'submitted'
  const page = await apps.listQueue(caller.centerCode, status, {
    limit: q.limit ?? 20,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...chinaDayRange(q.submittedFrom, q.submittedTo),
    ...(q.q ? { q: q.q } : {}),
  })
  return {
    items: page.items.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindName: KINDS[e.kind].name,
      status: e.status,
      statusLabel: STATE_LABELS[e.status],
      amountFen: e.amountFen,
      createdAt: e.submittedAt,
      updatedAt: e.submittedAt,
      submittedAt: e.submittedAt,
      returnReason: null,
      depositorName: e.depositorName,
      idNumberMasked: e.idNumberMasked,
    })),
    nextCursor: page.nextCursor,
  }
}

async function centerBundle(caller: StaffSession, id: string) {
  const bundle = await apps.getBundle(id)
  if (!bundle || bundle.app.centerCode !== caller.centerCode) throw new NotFound(NOT_FOUND)
  return bundle
}

export async function reviewDetail(caller: StaffSession, id: string) {
  const bundle = await centerBundle(caller, id)
  const [depositor, account, policy] = await Promise.all([
    getDepositor(bundle.app.depositorId),
    accounts.getAccount(bundle.app.accountNo),
    policyOf(caller.centerCode),
  ])
  if (!depositor || !account) throw new NotFound(NOT_FOUND)
  const on = today()
  const d = await detail(bundle, { policy, depositor, today: on }, 'reviewer')
  return {
    ...d,
    depositor: {
      name: depositor.name,
      idNumberMasked: bundle.app.idNumberMasked,
      phoneMasked: maskPhone(depositor.phone),
      gender: depositor.gender,
      birthDate: depositor.birthDate,
      accountNo: account.accountNo,
      accountStatus: coded(ACCOUNT_STATUS, account.status),
      balanceFen: account.balanceFen,
      retirementAgeReached: retirementAgeReached(depositor, on),
    },
  }
}

async function reviewerName(caller: StaffSession) {
  return (await staff.getStaff(caller.staffId))?.name ?? caller.staffId
}

function refuse(app: apps.ApplicationItem, action: 'approve' | 'return'): never {
  const t = transition(app.status, action, 'reviewer')
  throw new Conflict('INVALID_STATE', t.ok ? '申请状态已变化，请刷新后重试' : t.message)
}

/**
 * 审批通过: one transaction — the application becomes 审批通过 (if still 待审批 at the version
 * read), the balance falls by the amount (if it still covers it, at the version read), the ledger
 * records it (业务明细 11 部分提取 / 12 销户提取, with 销户利息 credited first), a closing
 * withdrawal sets the account to 05 提取销户, the queue and the in-progress lock move, and the
 * timeline and audit log get their entries. A lost version race is retried with fresh reads.
 */
export async function approve(caller: StaffSession, id: string, opinion: string | undefined) {
  const name = await reviewerName(caller)
  for (let attempt = 0; attempt < 3; attempt++) {
    const { app } = await centerBundle(caller, id)
    if (app.status !== 'submitted') refuse(app, 'approve')
    const account = await accounts.getAccount(app.accountNo)
    if (!account) throw new NotFound(NOT_FOUND)
    const at = nowIso()
    const on = today()
    const closing = KINDS[app.kind].closing
    let debit: number
    const ledger: accounts.LedgerEntry[] = []
    let closingFigures = app.closing
    if (closing) {
      const q = await closingAmounts(account, on)
      closingFigures = { balanceFen: q.balanceFen, closingInterestFen: q.closingInterestFen, totalFen: q.totalFen }
      debit = account.balanceFen
      if (q.closingInterestFen > 0) {
        ledger.push({
          id: newId('L'),
          date: on,
          type: '09',
          amountFen: q.closingInterestFen,
          balanceFen: account.balanceFen + q.closingInterestFen,
          month: null,
          summary: '销户结息',
        })
      }
      ledger.push({
        id: newId('L'),
        date: on,
        type: '12',
        amountFen: -q.totalFen,
        balanceFen: 0,
        month: null,
        summary: `${KINDS[app.kind].name}（申请 ${app.id}）`,
      })
    } else {
      debit = app.amountFen ?? 0
      if (debit > account.balanceFen) throw new RuleViolation('INSUFFICIENT_BALANCE', '账户余额不足')
      ledger.push({
        id: newId('L'),
        date: on,
        type: '11',
        amountFen: -debit,
        balanceFen: account.balanceFen - debit,
        month: null,
        summary: `${KINDS[app.kind].name}（申请 ${app.id}）`,
      })
    }
    const paid = closing ? (closingFigures?.totalFen ?? debit) : debit
    const approved = { ...app, status: 'approved' as const, updatedAt: at, amountFen: paid, closing: closingFigures }
    const items = [
      apps.appUpdate(app, { status: 'approved', updatedAt: at, amountFen: paid, closing: closingFigures }, [
        'submitted',
      ]),
      accounts.balanceDebit(account, debit, closing ? '05' : undefined),
      ...ledger.map((e) => accounts.ledgerPut(account.accountNo, e)),
      apps.queueDelete(app, 'submitted', app.submittedAt as string),
      apps.queuePut(approved, 'approved', app.submittedAt as string),
      apps.activeDelete(app),
      apps.lastPut(app, at),
      apps.eventPut(app.id, {
        at,
        action: 'approve',
        actor: 'reviewer',
        actorName: name,
        from: 'submitted',
        to: 'approved',
        opinion: opinion || null,
      }),
      apps.auditPut({
        at,
        id: newId('E'),
        actor: `staff:${caller.staffId}`,
        action: 'approveApplication',
        target: `APP#${app.id}`,
        detail: { accountNo: account.accountNo, amountFen: paid, kind: app.kind, ledger: ledger.map((e) => e.id) },
      }),
    ]
    try {
      await apps.transact(items)
      log.info('application approved', { applicationId: app.id, amountFen: paid, staffId: caller.staffId })
      return summary(approved)
    } catch (error) {
      if (!isTransactionCanceled(error)) throw error
      const failed = failedConditionIndex(error)
      if (failed === -1) throw error // throttled or conflicting: the boundary answers a retryable 503
      if (failed === 0) {
        const now = await apps.getApplication(id)
        if (now && now.status !== 'submitted') refuse(now, 'approve')
        continue // only the version moved: read again
      }
      if (failed === 1) {
        const now = await accounts.getAccount(app.accountNo)
        if (now && now.balanceFen < debit) throw new RuleViolation('INSUFFICIENT_BALANCE', '账户余额不足')
        continue // another movement changed the account: read again
      }
      throw error
    }
  }
  throw new Conflict('BUSY', '账户正在办理其他业务，请稍后重试')
}

/** 退回: the reason is required and shown to the depositor in 待办事项 */
export async function returnApplication(caller: StaffSession, id: string, reason: string) {
  const name = await reviewerName(caller)
  const { app } = await centerBundle(caller, id)
  if (app.status !== 'submitted') refuse(app, 'return')
  const at = nowIso()
  const returned = { ...app, status: 'returned' as const, returnReason: reason, updatedAt: at }
  try {
    await apps.transact([
      apps.appUpdate(app, { status: 'returned', returnReason: reason, updatedAt: at }, ['submitted']),
      apps.queueDelete(app, 'submitted', app.submittedAt as string),
      apps.queuePut(returned, 'returned', app.submittedAt as string),
      apps.eventPut(app.id, {
        at,
        action: 'return',
        actor: 'reviewer',
        actorName: name,
        from: 'submitted',
        to: 'returned',
        opinion: reason,
      }),
      apps.auditPut({
        at,
        id: newId('E'),
        actor: `staff:${caller.staffId}`,
        action: 'returnApplication',
        target: `APP#${app.id}`,
        detail: { reason },
      }),
    ])
  } catch (error) {
    if (isTransactionCanceled(error) && failedConditionIndex(error) === 0) {
      const now = await apps.getApplication(id)
      if (now) refuse(now, 'return')
    }
    throw error
  }
  return summary(returned)
}
