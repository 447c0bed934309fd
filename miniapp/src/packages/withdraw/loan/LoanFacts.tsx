import type { LoanFacts as Facts } from '@gjj/shared/api/loan-business'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Rows } from '../../../components/Rows'
import { amount, rate, yuan } from '../../../lib/format'
import './loan.css'

/** the loan's facts at the top of every 贷款业务 page (manual 6.3.x (1): 显示贷款的相关信息) */
export function LoanFacts({ loan, extra = [] }: { loan: Facts; extra?: [string, ReactNode][] }) {
  return (
    <>
      <View className="wd-banner loan-banner">
        <Text className="wd-banner__label">贷款余额（元）</Text>
        <Text className="wd-banner__value loan-banner__principal">{amount(loan.remainingPrincipalFen)}</Text>
        <Text className="wd-banner__meta">
          贷款账号：{loan.loanNo}　{loan.overdue ? '有逾期' : '无逾期'}
        </Text>
      </View>
      <Rows
        rows={[
          ['月供', yuan(loan.paymentFen)],
          ['剩余期数', `${loan.remainingMonths} 期`],
          ['下次还款日', loan.nextDueDate ?? '—'],
          ['到期日期', loan.endDate],
          ['贷款利率', rate(loan.annualRatePpm)],
          ['还款方式', loan.repaymentMethodName],
          ['是否逾期', loan.overdue ? `是（逾期金额 ${yuan(loan.overdueFen)}）` : '否'],
          ...extra,
        ]}
      />
    </>
  )
}

/** a step's title bar */
export function StepTitle({ children }: { children: ReactNode }) {
  return <View className="section-title">{children}</View>
}
