import { View } from '@tarojs/components'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { PagedList } from '../../../components/PagedList'
import { Tag } from '../../../components/Tag'
import { yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged } from '../../../lib/use-request'

/** manual 4.2 (4): 贷款还款明细 — the down arrow of each repayment shows its detail */
export default function RepaymentsPage() {
  const list = usePaged((cursor) => api.listRepayments({ limit: 20, ...(cursor ? { cursor } : {}) }))
  useRefresh(list.reload)
  return (
    <View className="page">
      <PagedList list={list} empty="暂无还款记录">
        {(r) => (
          <ExpandRow
            key={r.id}
            title={r.period ? `第 ${r.period} 期` : r.type.label}
            tag={r.type.code === '04' ? <Tag tone="red">逾期还款</Tag> : undefined}
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
        )}
      </PagedList>
    </View>
  )
}
