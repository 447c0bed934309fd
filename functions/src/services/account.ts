import { ACCOUNT_STATUS, PERSONAL_DETAIL_TYPE } from '@gjj/shared/codes'
import { coded } from '../lib/codes'
import { NotFound } from '../lib/errors'
import * as accounts from '../repository/accounts'
import type { DepositorSession } from '../repository/sessions'

/** 公积金账户查询 (manual 4.2): the caller's own account only, from the session */
export const DEFAULT_PAGE = 20

function present(a: accounts.AccountItem) {
  return {
    accountNo: a.accountNo,
    status: coded(ACCOUNT_STATUS, a.status),
    balanceFen: a.balanceFen,
    openedOn: a.openedOn,
    employerName: a.employerName,
    depositBaseFen: a.depositBaseFen,
    monthlyDepositFen: a.personalMonthlyFen + a.employerMonthlyFen,
    personalMonthlyFen: a.personalMonthlyFen,
    employerMonthlyFen: a.employerMonthlyFen,
    paidUpTo: a.paidUpTo,
    sealedOn: a.sealedOn,
  }
}

type HistoryQuery = { cursor?: string; limit?: number; year?: number; accountNo?: string }

/** an account number in a query must be the caller's own: anyone else's is simply not found */
function own(session: DepositorSession, accountNo: string | undefined) {
  if (accountNo !== undefined && accountNo !== session.accountNo) throw new NotFound('未查询到您的公积金账户')
}

export async function history(session: DepositorSession, { accountNo, ...page }: HistoryQuery) {
  own(session, accountNo)
  const { items, nextCursor } = await accounts.listLedger(session.accountNo, {
    ...page,
    limit: page.limit ?? DEFAULT_PAGE,
  })
  return {
    items: items.map((e) => ({ ...e, type: coded(PERSONAL_DETAIL_TYPE, e.type) })),
    nextCursor,
  }
}

export async function accountWithHistory(session: DepositorSession, page: HistoryQuery) {
  own(session, page.accountNo)
  // the screen's usual read, the newest page: the account and the page in one Query (decision 68)
  if (page.cursor === undefined && page.year === undefined) {
    const { account, items, nextCursor } = await accounts.getAccountWithLedger(
      session.accountNo,
      page.limit ?? DEFAULT_PAGE,
    )
    if (!account || account.depositorId !== session.depositorId) throw new NotFound('未查询到您的公积金账户')
    return {
      account: present(account),
      history: { items: items.map((e) => ({ ...e, type: coded(PERSONAL_DETAIL_TYPE, e.type) })), nextCursor },
    }
  }
  const [account, firstPage] = await Promise.all([accounts.getAccount(session.accountNo), history(session, page)])
  if (!account || account.depositorId !== session.depositorId) throw new NotFound('未查询到您的公积金账户')
  return { account: present(account), history: firstPage }
}
