import type { listReviewQueue } from '@gjj/shared/api/admin'
import type { ParsedInputOf } from '@gjj/shared/api/contract'
import { chinaDayRange } from '@gjj/shared/clock'
import { ACCOUNT_STATUS } from '@gjj/shared/codes'
import { maskPhone } from '@gjj/shared/validation'
import type { ApplicationState } from '@gjj/shared/workflow'
import { today } from '../lib/clock'
import { coded } from '../lib/codes'
import { NotFound } from '../lib/errors'
import * as accounts from '../repository/accounts'
import { getDepositor } from '../repository/depositors'
import { listQueue, queueCounts } from '../repository/queue'
import type { StaffSession } from '../repository/sessions'
import { centerBundle, detail, summary } from './applications'
import { reviewLoanFigures } from './loan-business'
import { staffWithRole } from './staff-roles'
import { policyOf } from './withdrawal-context'
import { retirementAgeReached } from './withdrawal-rules'

/**
 * The center's review console (审批), what a reviewer reads: the queue and an application with its
 * depositor. A reviewer reaches only their own center's applications. The review steps themselves
 * (退回, 审批通过) are steps of the lifecycle in applications.ts.
 */
export async function queue(caller: StaffSession, q: ParsedInputOf<typeof listReviewQueue>) {
  const status: ApplicationState = q.status ?? 'submitted'
  const [, page, counts] = await Promise.all([
    staffWithRole(caller, 'reviewer'),
    listQueue(caller.centerCode, status, {
      limit: q.limit ?? 20,
      ascending: q.order ? q.order === 'asc' : status === 'submitted', // the queue oldest first, history newest first
      ...(q.cursor ? { cursor: q.cursor } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...chinaDayRange(q.submittedFrom, q.submittedTo),
      ...(q.q ? { q: q.q } : {}),
    }),
    q.cursor ? null : queueCounts(caller.centerCode),
  ])
  return {
    // an entry holds what the queue shows; its one date is the submission
    items: page.items.map((e) => ({
      ...summary({ ...e, createdAt: e.submittedAt, updatedAt: e.submittedAt, returnReason: null }),
      depositorName: e.depositorName,
      idNumberMasked: e.idNumberMasked,
    })),
    nextCursor: page.nextCursor,
    counts,
  }
}

export async function reviewDetail(caller: StaffSession, id: string) {
  const [, bundle] = await Promise.all([staffWithRole(caller, 'reviewer'), centerBundle(caller, id)])
  const [depositor, account, policy] = await Promise.all([
    getDepositor(bundle.app.depositorId),
    accounts.getAccount(bundle.app.accountNo),
    policyOf(caller.centerCode),
  ])
  if (!depositor || !account) throw new NotFound('未找到该申请')
  const on = today()
  const [d, loanFigures] = await Promise.all([
    detail(bundle, { policy, depositor, today: on }, 'reviewer'),
    // a loan business awaiting review: its figures for the approval date (today), as approval would book them
    bundle.app.status === 'submitted' ? reviewLoanFigures(bundle.app) : (bundle.app.loanFigures ?? null),
  ])
  return {
    ...d,
    loanFigures,
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
