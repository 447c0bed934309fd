import { Text, View } from '@tarojs/components'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { PagedList } from '../../../components/PagedList'
import { Tag } from '../../../components/Tag'
import { yuan } from '../../../lib/format'
import './index.css'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged, useRequest } from '../../../lib/use-request'

const STATE = {
  paid: <Tag tone="green">已还</Tag>,
  overdue: <Tag tone="red">逾期</Tag>,
  due: <Tag tone="blue">待还</Tag>,
}

/**
 * manual 4.2 (5): 还款计划 — the plan in force (after a 提前还本, the plan chosen then), its term on
 * top, and each period expanding to its principal, interest and remaining principal.
 */
export default function PlanPage() {
  const list = usePaged((cursor) => api.listRepaymentPlan({ limit: 12, ...(cursor ? { cursor } : {}) }))
  const loan = useRequest(() => api.getLoan().then((r) => r.loan))
  useRefresh(async () => {
    await Promise.all([list.reload(), loan.reload()])
  })
  const l = loan.data
  return (
    <View className="page">
      {l && (
        <View className="plan__summary">
          <Text className="plan__term">
            共 {l.months} 期，已还 {l.paidMonths} 期，剩余 {l.remainingMonths} 期
          </Text>
          <Text className="plan__end">
            到期日期 {l.endDate}　剩余本金 {yuan(l.remainingPrincipalFen)}
          </Text>
        </View>
      )}
      <PagedList list={list}>
        {(p) => (
          <ExpandRow
            key={p.period}
            title={`第 ${p.period} 期`}
            tag={STATE[p.status]}
            subtitle={`应还日期 ${p.dueDate}`}
            amount={yuan(p.paymentFen)}
            details={[
              ['应还日期', p.dueDate],
              ['月供本金', yuan(p.principalFen)],
              ['月供利息', yuan(p.interestFen)],
              ['剩余本金', yuan(p.remainingPrincipalFen)],
            ]}
          />
        )}
      </PagedList>
    </View>
  )
}
