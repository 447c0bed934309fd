import { Skeleton } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { LoadError } from '../../../components/LoadError'
import { Rows } from '../../../components/Rows'
import { yuan } from '../../../lib/format'
import { useRequest } from '../../../lib/use-request'

/** manual 4.2 (6): 逾期还款明细, or "您暂无逾期还款记录" */
export default function OverduePage() {
  const overdue = useRequest(() => api.listOverdue())
  usePullDownRefresh(async () => {
    await overdue.reload()
    Taro.stopPullDownRefresh()
  })
  if (overdue.error) return <LoadError message={overdue.error.message} onRetry={overdue.reload} />
  if (!overdue.data) return <Skeleton rows={4} animated />
  if (overdue.data.items.length === 0) return <View className="empty">您暂无逾期还款记录</View>
  return (
    <View className="page">
      <Rows rows={[['逾期应还合计', yuan(overdue.data.totalFen)]]} />
      {overdue.data.items.map((o) => (
        <ExpandRow
          key={o.period}
          title={`第 ${o.period} 期`}
          subtitle={`应还日期 ${o.dueDate} · 逾期 ${o.overdueDays} 天`}
          amount={yuan(o.totalFen)}
          details={[
            ['应还日期', o.dueDate],
            ['逾期天数', `${o.overdueDays} 天`],
            ['逾期本金', yuan(o.principalFen)],
            ['逾期利息', yuan(o.interestFen)],
            ['罚息', yuan(o.penaltyFen)],
          ]}
        />
      ))}
    </View>
  )
}
