import type { ApplicationData } from '@gjj/shared/api/application'
import type { LoanFigures } from '@gjj/shared/api/loan-plan'
import { type ApplicationKind, KINDS, MONTHLY_DEDUCTION_ACTION_LABELS } from '@gjj/shared/catalog'
import { yuan } from './format'

/**
 * How an application reads, alike for the depositor (流程信息查询, 我的业务, the form's summary) and
 * the reviewer: its amount and what that amount is called, and its kind's own fields as rows.
 */
export const amountText = (fen: number | null) => (fen === null ? '—' : yuan(fen))

/** what the application's amount is called for its kind (null: the kind moves no money) */
export function amountLabel(kind: ApplicationKind): string | null {
  if (kind === 'monthlyDeduction') return null
  if (kind === 'prepayPart') return '提前还款金额'
  if (kind === 'settle') return '支取公积金还款金额'
  return KINDS[kind].closing ? '提取金额合计' : '提取金额'
}

export const LOAN_SOURCES = { ownCenter: '本中心公积金贷款', commercial: '商业贷款' } as const

const PREPAY_CHOICE_LABELS = { keepTerm: '减少月供（期限不变）', keepPayment: '缩短期限（月供不变）' } as const

export type Row = [label: string, value: string]

/**
 * The kind-specific fields of an application as label / value rows. The amount and the bank card
 * are shown apart, so they are left out here.
 */
export function dataRows(data: ApplicationData): Row[] {
  switch (data.kind) {
    case 'retirement':
    case 'termination':
      return []
    case 'rent':
      return [
        ['租房地址', data.rentAddress],
        ['月租金', yuan(data.monthlyRentFen)],
        ['租房月数', `${data.months} 个月`],
      ]
    case 'propertyFee':
      return [
        ['房屋地址', data.propertyAddress],
        ['物业费月数', `${data.months} 个月`],
      ]
    case 'loanRepayment':
      return data.loan.source === 'ownCenter'
        ? [['贷款来源', LOAN_SOURCES.ownCenter]]
        : [
            ['贷款来源', LOAN_SOURCES.commercial],
            ['贷款银行', data.loan.lenderName],
            ['借款合同编号', data.loan.contractNo],
          ]
    case 'prepayPart':
      return [['还款方式', PREPAY_CHOICE_LABELS[data.choice]]]
    case 'monthlyDeduction':
      return [['办理事项', MONTHLY_DEDUCTION_ACTION_LABELS[data.action]]]
    case 'settle':
      return []
  }
}

/**
 * A loan business's figures as rows, alike for 流程信息查询 and the review console: the split and
 * the chosen plan (提前还本), the amount due (提前结清), the monthly payment and balance (按月抵扣签约),
 * and the funding — as of `figures.date` (the submission, or for the reviewer the approval date).
 */
export function loanFigureRows(f: LoanFigures): Row[] {
  const rows: Row[] = [
    ['计算日期', f.date],
    ['贷款账号', f.loanNo],
    ['贷款余额', yuan(f.remainingPrincipalFen)],
  ]
  if (f.prepay) {
    const p = f.prepay
    rows.push(
      ['提前还款金额', yuan(p.amountFen)],
      [`提前归还利息（${p.days}天）`, yuan(p.interestFen)],
      ['提前归还本金', yuan(p.principalFen)],
      ['还款后剩余本金', yuan(p.newPrincipalFen)],
      ['新月供', yuan(p.plan.paymentFen)],
      ['剩余期数', `${p.plan.months} 期`],
      ['到期日期', p.plan.endDate],
      ['节省利息', yuan(p.plan.interestSavedFen)],
    )
  }
  if (f.settle) {
    const s = f.settle
    rows.push(
      ['剩余本金', yuan(s.principalFen)],
      [`利息（${s.days}天）`, yuan(s.interestFen)],
      ...(s.overdueFen ? ([['逾期利息及罚息', yuan(s.overdueFen)]] as Row[]) : []),
      ['应还总额', yuan(s.totalFen)],
    )
  }
  if (f.deduction) {
    const d = f.deduction
    rows.push(
      ['月供', yuan(d.paymentFen)],
      ['公积金账户余额', yuan(d.balanceFen)],
      ...(d.action === 'sign' ? ([['签约所需余额', yuan(d.minBalanceFen)]] as Row[]) : []),
    )
  }
  if (f.prepay || f.settle) rows.push(['支取公积金', yuan(f.fundFen)], ['自有资金', yuan(f.ownFen)])
  return rows
}
