import { Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { ListFooter } from '../../../components/ListFooter'
import { LoadError } from '../../../components/LoadError'
import { yuan } from '../../../lib/format'
import { usePaged } from '../../../lib/use-paged'

/** manual 4.2 (4): 贷款还款明细 — the down arrow of each repayment shows its detail */
export default function RepaymentsPage() {
  const list = usePaged((cursor) => api.listRepayments({ limit: 20, ...(cursor ? { cursor } : {}) }))
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  if (list.error) return <LoadError message={list.error.message} onRetry={list.refresh} />
  return (
    <View className="page">
      {!list.loaded && <Skeleton rows={6} animated />}
      {list.loaded && list.items.length === 0 && <View className="empty">暂无还款记录</View>}
      {list.items.map((r) => (
        <ExpandRow
          key={r.id}
          title={r.period ? `第 ${r.period} 期` : r.type.label}
          tag={r.type.code === '04' ? <Text className="tag tag--red">逾期还款</Text> : undefined}
          subtitle={r.date}
          amount={yuan(r.totalFen)}
          details={[
            ['还款日期', r.date],
            ['还款类型', r.type.label],
            ['归还本金', yuan(r.principalFen)],
            ['归还利息', yuan(r.interestFen)],
            ['罚息', yuan(r.penaltyFen)],
            ['还款来源', r.source === 'fund' ? '公积金账户扣划' : '银行卡扣款'],
            ['剩余本金', yuan(r.remainingPrincipalFen)],
          ]}
        />
      ))}
      {list.loaded && list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
      )}
    </View>
  )
}
