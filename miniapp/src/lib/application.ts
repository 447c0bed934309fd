import type { ApplicationData } from '@gjj/shared/api/application'
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

const PREPAY_CHOICE_LABELS = { keepTerm: '期限不变，减少月供', keepPayment: '月供不变，缩短期限' } as const

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
