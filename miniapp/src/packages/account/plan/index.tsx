import { View } from '@tarojs/components'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { PagedList } from '../../../components/PagedList'
import { Tag } from '../../../components/Tag'
import { yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged } from '../../../lib/use-request'

const STATE = {
  paid: <Tag tone="green">已还</Tag>,
  overdue: <Tag tone="red">逾期</Tag>,
  due: <Tag tone="blue">待还</Tag>,
}

/** manual 4.2 (5): 还款计划 — each period expands to its principal, interest and remaining principal */
export default function PlanPage() {
  const list = usePaged((cursor) => api.listRepaymentPlan({ limit: 12, ...(cursor ? { cursor } : {}) }))
  useRefresh(list.reload)
  return (
    <View className="page">
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
