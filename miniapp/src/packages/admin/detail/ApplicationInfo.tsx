import { STATE_LABELS } from '@gjj/shared/workflow'
import { Text, View } from '@tarojs/components'
import { Rows } from '../../../components/Rows'
import { amountLabel, amountText, dataRows, loanFigureRows, type Row } from '../../../lib/application'
import { cardLabel, formatInstant, yuan } from '../../../lib/format'
import type { ReviewDetail } from './types'

/** the application: kind, status and amount up top, then its fields, bank card and 销户 breakdown */
export function ApplicationInfo({ detail }: { detail: ReviewDetail }) {
  const label = amountLabel(detail.kind)
  const rows: Row[] = [
    ['申请编号', detail.id],
    ['提交时间', formatInstant(detail.submittedAt)],
    ...dataRows(detail.data),
    ...(detail.bankCard ? [['收款银行卡', cardLabel(detail.bankCard)] as Row] : []),
    ...(detail.status === 'returned' && detail.returnReason ? [['退回原因', detail.returnReason] as Row] : []),
  ]
  return (
    <>
      <View className="summary">
        <View className="summary__line">
          <Text className="summary__kind">{detail.kindName}</Text>
          <Text className="summary__status">{STATE_LABELS[detail.status]}</Text>
        </View>
        {label && (
          <View className="summary__amount">
            <Text className="summary__amount-label">{label}</Text>
            <Text className="summary__amount-value">{amountText(detail.amountFen)}</Text>
          </View>
        )}
      </View>
      <View className="section-title">申请信息</View>
      <Rows rows={rows} />
      {detail.loanFigures && (
        <>
          <View className="section-title">
            {detail.status === 'submitted' ? '贷款业务信息（按审批日重新计算）' : '贷款业务信息'}
          </View>
          {detail.loanFigures.problem && (
            <View className="loan-problem">
              <Text>{detail.loanFigures.problem}</Text>
            </View>
          )}
          <Rows rows={loanFigureRows(detail.loanFigures)} />
        </>
      )}
      {detail.closing && (
        <>
          <View className="section-title">销户提取金额</View>
          <Rows
            rows={[
              ['个人账户余额', yuan(detail.closing.balanceFen)],
              ['销户利息', yuan(detail.closing.closingInterestFen)],
              ['提取金额合计', yuan(detail.closing.totalFen)],
            ]}
          />
        </>
      )}
    </>
  )
}
