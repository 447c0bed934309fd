import type { ApplicationData } from '@gjj/shared/api/application'
import {
  type ApplicationKind,
  type ArchiveCategory,
  archiveCategoriesFor,
  type CenterPolicy,
  counterMessage,
  informationLimit,
  isOpen,
  KINDS,
  MIN_REMAINING_BALANCE_FEN,
  partialLimitsOf,
  type WithdrawalKind,
} from '@gjj/shared/catalog'
import { chinaDate } from '@gjj/shared/clock'
import { ACCOUNT_STATUS, codeLabel } from '@gjj/shared/codes'
import { addMonths, type IsoDate } from '@gjj/shared/date'
import { closingInterest, lastSettlementDay } from '@gjj/shared/loan/deposit-interest'
import { formatYuan } from '@gjj/shared/money'
import { hasReachedRetirementAge } from '@gjj/shared/retirement'
import { RuleViolation } from '../lib/errors'
import { newId } from '../lib/tokens'
import type { AccountItem, LedgerEntry } from '../repository/accounts'
import type { ApplicationItem, BankCardSnapshot, ClosingAmounts } from '../repository/applications'
import type { BankCardItem } from '../repository/bank-cards'
import type { DepositorItem } from '../repository/depositors'

/**
 * 我要提取 as rules (BUSINESS-RULES "Withdrawals"): who may withdraw what, how much, with which
 * archive categories, and what an approval books. Pure functions over a context loaded once per
 * request (withdrawal-context.ts); nothing here reads or writes anything.
 */
export interface ClosingQuote extends ClosingAmounts {
  interestFrom: IsoDate
  interestTo: IsoDate
}

export interface WithdrawalContext {
  depositor: DepositorItem
  account: AccountItem
  policy: CenterPolicy
  /** kind → the application of it in progress */
  active: Map<ApplicationKind, string>
  /** kind → when one was last approved */
  lastApproved: Map<ApplicationKind, string>
  cards: BankCardItem[]
  /** the own center's loan still owed (remaining principal + overdue interest and penalty) */
  loanOwedFen: number | null
  today: IsoDate
  /** 余额 + 销户利息 today: loaded when a closing kind is in question, else null */
  closing: ClosingQuote | null
}

export const IN_PROGRESS = '您有正在办理的同类业务，可在“我的业务”中查看办理进度'

export function retirementAgeReached(d: Pick<DepositorItem, 'birthDate' | 'gender'>, on: IsoDate): boolean {
  return hasReachedRetirementAge({ birthDate: d.birthDate, gender: d.gender }, on)
}

/**
 * 销户利息 up to `on` from the ledger's changes since the last June 30 (`entries`: ledgerSince that
 * day; the yearly interest credited on July 1 belongs to June 30).
 */
export function closingQuote(account: AccountItem, entries: LedgerEntry[], on: IsoDate): ClosingQuote {
  const from = lastSettlementDay(on)
  const creditedJuly1 = `${from.slice(0, 4)}-07-01`
  const changes = entries
    .filter((e) => !(e.type === '09' && e.date === creditedJuly1))
    .map((e) => ({ date: e.date, amountFen: e.amountFen }))
  const interest = closingInterest({
    openedOn: account.openedOn,
    balanceFen: account.balanceFen,
    changes,
    closingDate: on,
  })
  return {
    balanceFen: account.balanceFen,
    closingInterestFen: interest.interestFen,
    totalFen: account.balanceFen + interest.interestFen,
    interestFrom: interest.from,
    interestTo: interest.to,
  }
}

const statusLabel = (code: string) => codeLabel(ACCOUNT_STATUS, code)

export interface Evaluation {
  eligible: boolean
  reason: string | null
  maxAmountFen: number
}

const no = (reason: string): Evaluation => ({ eligible: false, reason, maxAmountFen: 0 })

/** whether a kind may be applied for now, and the most it allows (closing kinds: the quote's total) */
export function evaluate(kind: WithdrawalKind, ctx: WithdrawalContext): Evaluation {
  const { account, policy } = ctx
  const def = KINDS[kind]
  if (!isOpen(kind, policy)) return no('本中心暂未开放此项业务')
  if (ctx.active.has(kind)) return no(IN_PROGRESS)
  const counterCap = policy.counterThresholdFen - 1
  if (def.closing) {
    if (account.status !== '01' && account.status !== '02') {
      return no(`您的账户状态为“${statusLabel(account.status)}”，不能办理此业务`)
    }
    if (kind === 'termination') {
      const sealedLongEnough =
        account.status === '02' &&
        account.sealedOn !== null &&
        addMonths(account.sealedOn, policy.termination.minSealedMonths) <= ctx.today
      if (!sealedLongEnough) {
        return no(`账户封存满${policy.termination.minSealedMonths}个月且期间未再缴存，方可办理终止劳动关系提取`)
      }
    }
    const total = ctx.closing?.totalFen ?? account.balanceFen
    if (total <= 0) return no('您的账户余额为零，无需办理提取')
    if (total > counterCap) return no(counterMessage(policy))
    return { eligible: true, reason: null, maxAmountFen: total }
  }
  if (account.status !== '01') return no(`您的账户状态为“${statusLabel(account.status)}”，不能办理此业务`)
  if (ctx.loanOwedFen !== null && kind !== 'loanRepayment') {
    return no('您有未结清的公积金贷款，仅可办理偿还购房贷款本息提取')
  }
  const available = account.balanceFen - MIN_REMAINING_BALANCE_FEN
  if (available <= 0) return no('您的账户余额不足，不能办理提取')
  const once = (months: number) => {
    const last = ctx.lastApproved.get(kind)
    const lastOn = last ? chinaDate(last) : undefined
    return lastOn && addMonths(lastOn, months) > ctx.today
      ? `${months}个月内只能办理一次${def.name}，上次办理日期为${lastOn}`
      : null
  }
  let cap = available
  if (kind === 'rent') {
    const again = once(policy.rent.onceEveryMonths)
    if (again) return no(again)
    cap = Math.min(cap, policy.rent.monthlyCapFen * policy.rent.maxMonths)
  } else if (kind === 'propertyFee') {
    const again = once(policy.propertyFee.onceEveryMonths)
    if (again) return no(again)
    cap = Math.min(cap, policy.propertyFee.maxAmountFen)
  } else if (kind === 'loanRepayment' && ctx.loanOwedFen !== null) {
    cap = Math.min(cap, ctx.loanOwedFen)
  }
  return { eligible: true, reason: null, maxAmountFen: Math.min(cap, counterCap) }
}

export function categoriesFor(
  kind: ApplicationKind,
  ctx: Pick<WithdrawalContext, 'policy' | 'depositor' | 'today'>,
): ArchiveCategory[] {
  return archiveCategoriesFor(kind, ctx.policy, {
    retirementAgeReached: kind === 'retirement' && retirementAgeReached(ctx.depositor, ctx.today),
  })
}

const isWithdrawal = (kind: ApplicationKind): kind is WithdrawalKind => KINDS[kind].group === 'withdrawal'

/**
 * The amount an application moves and the checks of its own fields (BUSINESS-RULES): > 0, within
 * the kind's limit and the balance, 2 decimals at most (fen are integers by the contract).
 */
export function checkAmount(data: ApplicationData, ctx: WithdrawalContext): number | null {
  if (!isWithdrawal(data.kind)) return null
  const e = evaluate(data.kind, ctx)
  if (!e.eligible) throw new RuleViolation('NOT_ELIGIBLE', e.reason as string)
  if (data.kind === 'retirement' || data.kind === 'termination') return ctx.closing?.totalFen ?? 0
  if (!('amountFen' in data)) return null
  const amount = data.amountFen
  const issue = (message: string, path = 'amountFen') =>
    new RuleViolation('INVALID_AMOUNT', message, [{ path: [path], message }])
  if (amount <= 0) throw issue('提取金额必须大于0')
  if (amount > ctx.account.balanceFen - MIN_REMAINING_BALANCE_FEN) {
    throw new RuleViolation('INSUFFICIENT_BALANCE', '账户余额不足', [{ path: ['amountFen'], message: '账户余额不足' }])
  }
  if (data.kind === 'rent' || data.kind === 'propertyFee') {
    const own = informationLimit(data, partialLimitsOf(ctx.policy))
    if (own.monthsError) throw issue(own.monthsError, 'months')
    if (amount > own.capFen) throw issue(own.capMessage)
  }
  if (amount >= ctx.policy.counterThresholdFen) throw issue(counterMessage(ctx.policy))
  if (amount > e.maxAmountFen) throw issue(`本次最多可提取${formatYuan(e.maxAmountFen)}元`)
  return amount
}

function bankCardFor(ctx: WithdrawalContext, bankCardId: string): BankCardSnapshot {
  const card = ctx.cards.find((c) => c.id === bankCardId)
  if (!card) {
    throw new RuleViolation('BANK_CARD', '请选择本人名下的收款银行账号', [
      { path: ['bankCardId'], message: '请选择本人名下的收款银行账号' },
    ])
  }
  return { id: card.id, bankName: card.bankName, cardNo: card.cardNo }
}

/** an application's figures from its data, checked against the rules: amount, closing breakdown, bank card */
export function appraise(data: ApplicationData, ctx: WithdrawalContext) {
  const quote = KINDS[data.kind].closing ? ctx.closing : null
  return {
    amountFen: checkAmount(data, ctx),
    closing: quote
      ? { balanceFen: quote.balanceFen, closingInterestFen: quote.closingInterestFen, totalFen: quote.totalFen }
      : null,
    bankCard: 'bankCardId' in data ? bankCardFor(ctx, data.bankCardId) : null,
  }
}

/** what an approval books: the balance debit, the ledger entries, the amount paid */
export interface Booking {
  debitFen: number
  paidFen: number
  closing: ClosingAmounts | null
  ledger: LedgerEntry[]
  /** a closing withdrawal leaves the account 05 提取销户 */
  closeWithStatus: string | undefined
}

/**
 * 审批通过 of a withdrawal: 业务明细 11 部分提取, or for a closing kind 销户利息 credited (09) and
 * the whole 12 销户提取. `quote` is today's closing quote (closing kinds only).
 */
export function approvalBooking(
  app: ApplicationItem,
  account: AccountItem,
  quote: ClosingQuote | null,
  on: IsoDate,
): Booking {
  const summary = `${KINDS[app.kind].name}（申请 ${app.id}）`
  const entry = (type: string, amountFen: number, balanceFen: number, text: string): LedgerEntry => ({
    id: newId('L'),
    date: on,
    type,
    amountFen,
    balanceFen,
    month: null,
    summary: text,
  })
  if (KINDS[app.kind].closing && quote) {
    const interest = quote.closingInterestFen
    return {
      debitFen: account.balanceFen,
      paidFen: quote.totalFen,
      closing: { balanceFen: quote.balanceFen, closingInterestFen: interest, totalFen: quote.totalFen },
      ledger: [
        ...(interest > 0 ? [entry('09', interest, account.balanceFen + interest, '销户结息')] : []),
        entry('12', -quote.totalFen, 0, summary),
      ],
      closeWithStatus: '05',
    }
  }
  const debit = app.amountFen ?? 0
  if (debit > account.balanceFen) throw new RuleViolation('INSUFFICIENT_BALANCE', '账户余额不足')
  return {
    debitFen: debit,
    paidFen: debit,
    closing: app.closing,
    ledger: [entry('11', -debit, account.balanceFen - debit, summary)],
    closeWithStatus: undefined,
  }
}
