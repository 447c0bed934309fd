import { type CenterPolicy, defaultPolicy, KINDS } from '@gjj/shared/catalog'
import { centerPolicySchema } from '@gjj/shared/catalog-schemas'
import { lastSettlementDay } from '@gjj/shared/loan/deposit-interest'
import { today } from '../lib/clock'
import { NotFound, Unauthorized } from '../lib/errors'
import { log } from '../lib/log'
import * as accounts from '../repository/accounts'
import type { ApplicationItem } from '../repository/applications'
import { type CenterItem, centerFromItem, centerKey, getCenter } from '../repository/centers'
import {
  aggregateFromItems,
  aggregateKeysFor,
  type DepositorAggregate,
  getDepositorAggregate,
} from '../repository/depositor-partition'
import { getDepositor } from '../repository/depositors'
import { getLoan, listOverdue } from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'
import type { StoredItem } from '../repository/transaction'
import { closingQuote, type WithdrawalContext } from './withdrawal-rules'

/**
 * Loads what the withdrawal rules read, once per request and in parallel: the depositor's
 * partition (profile, cards, in-progress and last-approved kinds), the account, the center's
 * policy, the loan, and — when a closing kind is in question — the ledger since the last June 30.
 */
const NO_ACCOUNT = '未查询到您的公积金账户'

/** the center's policy over the fund's defaults; a broken stored policy logs loudly and the defaults apply */
export async function policyOf(centerCode: string): Promise<CenterPolicy> {
  return policyFrom(centerCode, await getCenter(centerCode))
}

/** policyOf, of a center item already read */
export function policyFrom(centerCode: string, center: CenterItem | undefined): CenterPolicy {
  if (!center?.policy) return defaultPolicy
  const parsed = centerPolicySchema.safeParse({ ...defaultPolicy, ...center.policy })
  if (parsed.success) return parsed.data
  log.error('invalid center policy, defaults apply', { centerCode, issues: parsed.error.issues })
  return defaultPolicy
}

export async function loadContext(
  session: DepositorSession,
  opts: {
    /** load the 销户 quote (the ledger since the last June 30) */
    closing: boolean
    /** the application being edited or submitted: its own in-progress lock does not count against it */
    own?: ApplicationItem
  },
): Promise<WithdrawalContext> {
  const on = today()
  const [aggregate, { account, entries }, policy, loan, overdue] = await Promise.all([
    getDepositorAggregate(session.depositorId),
    accountAndLedger(session.accountNo, opts.closing, on),
    policyOf(session.centerCode),
    session.loanNo ? getLoan(session.loanNo) : undefined,
    session.loanNo ? listOverdue(session.loanNo) : [],
  ])
  return contextOf(session, opts, { aggregate, account, entries, policy, loan, overdue, on })
}

/**
 * What a withdrawal's submission reads besides its application (decision 85), by the application's
 * own keys: `keys` — the center, the depositor's profile, the kind's markers, the bank card and (a
 * plain kind) the account — go into the BatchGetItem that also checks the session
 * (`authenticateWith`); `ledger` is the one Query of a closing kind (the account with its ledger
 * since June 30), run beside it. `context` then builds loadContext's answer from them for the session
 * found — reading afresh what the session names otherwise (another center or account: not expected)
 * — plus 2 calls for a person with a loan (the loan and its overdue periods).
 */
export function withdrawalReads(app: ApplicationItem) {
  const on = today()
  const closing = KINDS[app.kind].closing
  const own = (items: StoredItem[], key: { pk: string; sk: string }) =>
    items.find((i) => i.pk === key.pk && i.sk === key.sk)
  return {
    keys: [
      centerKey(app.centerCode),
      ...aggregateKeysFor(app.depositorId, app.kind, app.bankCard?.cardNo ?? null),
      ...(closing ? [] : [accounts.accountKey(app.accountNo)]),
    ],
    ledger: () => (closing ? accounts.accountWithLedgerSince(app.accountNo, lastSettlementDay(on)) : undefined),
    async context(
      session: DepositorSession,
      items: StoredItem[],
      ledger: Awaited<ReturnType<typeof accounts.accountWithLedgerSince>> | undefined,
    ): Promise<WithdrawalContext> {
      const sameCenter = session.centerCode === app.centerCode
      const sameAccount = session.accountNo === app.accountNo
      const [loan, overdue, policy, read] = await Promise.all([
        session.loanNo ? getLoan(session.loanNo) : undefined,
        session.loanNo ? listOverdue(session.loanNo) : [],
        sameCenter
          ? policyFrom(app.centerCode, maybe(own(items, centerKey(app.centerCode)), centerFromItem))
          : policyOf(session.centerCode),
        !sameAccount
          ? accountAndLedger(session.accountNo, closing, on)
          : ledger
            ? ledger
            : {
                account: maybe(own(items, accounts.accountKey(app.accountNo)), accounts.accountFromItem),
                entries: undefined,
              },
      ])
      const aggregate = aggregateFromItems(items, session.depositorId)
      return contextOf(session, { closing, own: app }, { aggregate, ...read, policy, loan, overdue, on })
    },
  }
}

const maybe = <T>(item: StoredItem | undefined, from: (i: StoredItem) => T): T | undefined =>
  item ? from(item) : undefined

function contextOf(
  session: DepositorSession,
  opts: { closing: boolean; own?: ApplicationItem },
  read: {
    aggregate: DepositorAggregate
    account: accounts.AccountItem | undefined
    entries: accounts.LedgerEntry[] | undefined
    policy: CenterPolicy
    loan: Awaited<ReturnType<typeof getLoan>>
    overdue: Awaited<ReturnType<typeof listOverdue>>
    on: string
  },
): WithdrawalContext {
  const { aggregate, account, entries, policy, loan, overdue, on } = read
  const { depositor, cards, active, lastApproved } = aggregate
  if (!depositor) throw new Unauthorized()
  if (!account || account.depositorId !== session.depositorId) throw new NotFound(NO_ACCOUNT)
  if (opts.own && active.get(opts.own.kind) === opts.own.id) active.delete(opts.own.kind)
  const loanOwedFen =
    loan && loan.status !== 'settled'
      ? loan.remainingPrincipalFen + overdue.reduce((sum, o) => sum + o.interestFen + o.penaltyFen, 0)
      : null
  return {
    depositor,
    account,
    policy,
    active,
    lastApproved,
    cards,
    loanOwedFen,
    today: on,
    closing: entries ? closingQuote(account, entries, on) : null,
  }
}

/**
 * The account and, for a closing kind, its ledger since the last June 30 (the 销户 quote's input):
 * one round trip either way (decision 68).
 */
async function accountAndLedger(accountNo: string, closing: boolean, on: string) {
  if (!closing) return { account: await accounts.getAccount(accountNo), entries: undefined }
  return accounts.accountWithLedgerSince(accountNo, lastSettlementDay(on))
}

/** what an approval books against: the account now and, for a closing kind, today's 销户 quote */
export async function loadApproval(app: ApplicationItem, closing: boolean) {
  const on = today()
  const { account, entries } = await accountAndLedger(app.accountNo, closing, on)
  if (!account) throw new NotFound(NO_ACCOUNT)
  return { account, quote: entries ? closingQuote(account, entries, on) : null, on }
}

/** who applies, for the archive categories of an application: the depositor, their center's policy, today */
export async function loadApplicant(depositorId: string, centerCode: string) {
  const [depositor, policy] = await Promise.all([getDepositor(depositorId), policyOf(centerCode)])
  if (!depositor) throw new Unauthorized()
  return { depositor, policy, today: today() }
}
