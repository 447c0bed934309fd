import { Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { ListFooter } from '../../../components/ListFooter'
import { LoadError } from '../../../components/LoadError'
import { yuan } from '../../../lib/format'
import { usePaged } from '../../../lib/use-paged'

const STATE = {
  paid: <Text className="tag tag--green">已还</Text>,
  overdue: <Text className="tag tag--red">逾期</Text>,
  due: <Text className="tag tag--blue">待还</Text>,
}

/** manual 4.2 (5): 还款计划 — each period expands to its principal, interest and remaining principal */
export default function PlanPage() {
  const list = usePaged((cursor) => api.listRepaymentPlan({ limit: 12, ...(cursor ? { cursor } : {}) }))
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  if (list.error) return <LoadError message={list.error.message} onRetry={list.refresh} />
  return (
    <View className="page">
      {!list.loaded && <Skeleton rows={6} animated />}
      {list.items.map((p) => (
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
      ))}
      {list.loaded && <ListFooter hasMore={list.hasMore} loading={list.loading} onMore={list.more} />}
    </View>
  )
}
