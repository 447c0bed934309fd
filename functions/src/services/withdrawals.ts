import type { ApplicationData } from '@gjj/shared/api/application'
import {
  type ArchiveCategory,
  archiveCategoriesFor,
  type CenterPolicy,
  centerPolicySchema,
  counterMessage,
  defaultPolicy,
  informationLimit,
  isOpen,
  KINDS,
  MIN_REMAINING_BALANCE_FEN,
  noticeFor,
  partialLimitsOf,
  WITHDRAWAL_KINDS,
  type WithdrawalKind,
} from '@gjj/shared/catalog'
import { chinaDate } from '@gjj/shared/clock'
import { ACCOUNT_STATUS, codeLabel } from '@gjj/shared/codes'
import { addMonths, type IsoDate } from '@gjj/shared/date'
import { closingInterest, lastSettlementDay } from '@gjj/shared/loan/deposit-interest'
import { formatYuan } from '@gjj/shared/money'
import { hasReachedRetirementAge } from '@gjj/shared/retirement'
import { maskIdNumber } from '@gjj/shared/validation'
import { today } from '../lib/clock'
import { coded } from '../lib/codes'
import { NotFound, RuleViolation, Unauthorized } from '../lib/errors'
import { log } from '../lib/log'
import * as accounts from '../repository/accounts'
import type { BankCardItem } from '../repository/bank-cards'
import { getCenter } from '../repository/centers'
import { type DepositorItem, getDepositorAggregate } from '../repository/depositors'
import { getLoan, listOverdue } from '../repository/loans'
import type { DepositorSession } from '../repository/sessions'

/**
 * 我要提取: who may withdraw what, and how much (BUSINESS-RULES "Withdrawals"). Everything is
 * computed from the depositor's own account, loan and applications; the center's policy is data.
 */
export interface WithdrawalContext {
  session: DepositorSession
  depositor: DepositorItem
  account: accounts.AccountItem
  policy: CenterPolicy
  active: Map<string, string>
  lastApproved: Map<string, string>
  cards: BankCardItem[]
  /** the own center's loan still owed (remaining principal + overdue principal and interest) */
  loanOwedFen: number | null
  today: IsoDate
}

export async function policyOf(centerCode: string): Promise<CenterPolicy> {
  const center = await getCenter(centerCode)
  if (!center?.policy) return defaultPolicy
  const parsed = centerPolicySchema.safeParse({ ...defaultPolicy, ...center.policy })
  if (parsed.success) return parsed.data
  // a broken policy is an operator's mistake: the fund's defaults apply and the error is loud
  log.error('invalid center policy, defaults apply', { centerCode, issues: parsed.error.issues })
  return defaultPolicy
}

export async function loadContext(session: DepositorSession): Promise<WithdrawalContext> {
  const [{ depositor, cards, active, lastApproved }, account, policy, loan, overdue] = await Promise.all([
    getDepositorAggregate(session.depositorId),
    accounts.getAccount(session.accountNo),
    policyOf(session.centerCode),
    session.loanNo ? getLoan(session.loanNo) : undefined,
    session.loanNo ? listOverdue(session.loanNo) : [],
  ])
  if (!depositor) throw new Unauthorized()
  if (!account || account.depositorId !== session.depositorId) throw new NotFound('未查询到您的公积金账户')
  const loanOwedFen =
    loan && loan.status !== 'settled'
      ? loan.remainingPrincipalFen + overdue.reduce((sum, o) => sum + o.interestFen + o.penaltyFen, 0)
      : null
  return { session, depositor, account, policy, active, lastApproved, cards, loanOwedFen, today: today() }
}

export function retirementAgeReached(d: Pick<DepositorItem, 'birthDate' | 'gender'>, on: IsoDate): boolean {
  return hasReachedRetirementAge({ birthDate: d.birthDate, gender: d.gender }, on)
}

/** 销户利息 up to `on`: the ledger's changes since the last June 30 (the yearly interest credited on July 1 belongs to June 30) */
export async function closingAmounts(account: accounts.AccountItem, on: IsoDate) {
  const from = lastSettlementDay(on)
  const entries = await accounts.ledgerSince(account.accountNo, from)
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

interface Evaluation {
  eligible: boolean
  reason: string | null
  maxAmountFen: number
}

const no = (reason: string): Evaluation => ({ eligible: false, reason, maxAmountFen: 0 })

/** whether a kind may be applied for now, and the most it allows (closing kinds: the quote's total) */
export function evaluate(kind: WithdrawalKind, ctx: WithdrawalContext, closingTotalFen?: number): Evaluation {
  const { account, policy } = ctx
  const def = KINDS[kind]
  if (!isOpen(kind, policy)) return no('本中心暂未开放此项业务')
  if (ctx.active.has(kind)) return no('您有正在办理的同类业务，可在“我的业务”中查看办理进度')
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
    const total = closingTotalFen ?? account.balanceFen
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
  kind: WithdrawalKind | ApplicationData['kind'],
  ctx: Pick<WithdrawalContext, 'policy' | 'depositor' | 'today'>,
): ArchiveCategory[] {
  return archiveCategoriesFor(kind, ctx.policy, {
    retirementAgeReached: kind === 'retirement' && retirementAgeReached(ctx.depositor, ctx.today),
  })
}

export async function listKinds(session: DepositorSession) {
  const ctx = await loadContext(session)
  const closing = await closingAmounts(ctx.account, ctx.today)
  const retired = retirementAgeReached(ctx.depositor, ctx.today)
  return {
    balanceFen: ctx.account.balanceFen,
    accountStatus: coded(ACCOUNT_STATUS, ctx.account.status),
    limits: partialLimitsOf(ctx.policy),
    kinds: WITHDRAWAL_KINDS.filter((k) => isOpen(k, ctx.policy)).map((kind) => {
      const def = KINDS[kind]
      const inProgress = ctx.active.get(kind) ?? null
      // the limit is shown even while an application of the kind is in progress (修改重新上传)
      const open = evaluate(kind, { ...ctx, active: new Map() }, closing.totalFen)
      const e = inProgress
        ? { ...open, eligible: false, reason: '您有正在办理的同类业务，可在“我的业务”中查看办理进度' }
        : open
      return {
        kind,
        code: def.code as NonNullable<typeof def.code>,
        name: def.name,
        closing: def.closing,
        eligible: e.eligible,
        ineligibleReason: e.reason,
        maxAmountFen: e.maxAmountFen,
        hint: kind === 'retirement' && e.eligible && !retired ? '未达法定退休年龄的，须上传离、退休证明' : null,
        inProgressApplicationId: inProgress,
        notice: noticeFor(kind, ctx.policy),
        archiveCategories: categoriesFor(kind, ctx),
      }
    }),
  }
}

export async function quote(session: DepositorSession, kind: 'retirement' | 'termination') {
  const ctx = await loadContext(session)
  const amounts = await closingAmounts(ctx.account, ctx.today)
  // the quote answers for the person's own application of the kind too (修改重新上传)
  const e = evaluate(kind, { ...ctx, active: new Map() }, amounts.totalFen)
  return {
    kind,
    holderName: ctx.depositor.name,
    idNumberMasked: maskIdNumber(ctx.depositor.idNumber),
    ...amounts,
    eligible: e.eligible,
    ineligibleReason: e.reason,
  }
}

/**
 * The amount an application moves and the checks of its own fields (BUSINESS-RULES): > 0, within
 * the kind's limit and the balance, 2 decimals at most (fen are integers by the contract).
 */
export function checkAmount(data: ApplicationData, ctx: WithdrawalContext, closingTotalFen: number): number | null {
  if (
    data.kind !== 'retirement' &&
    data.kind !== 'termination' &&
    data.kind !== 'rent' &&
    data.kind !== 'propertyFee' &&
    data.kind !== 'loanRepayment'
  ) {
    return null
  }
  const e = evaluate(data.kind, ctx, closingTotalFen)
  if (!e.eligible) throw new RuleViolation('NOT_ELIGIBLE', e.reason as string)
  if (data.kind === 'retirement' || data.kind === 'termination') return closingTotalFen
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
