import { View } from '@tarojs/components'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'

/** manual 4.2 (6): 逾期还款明细, or "您暂无逾期还款记录" */
export default function OverduePage() {
  const overdue = useRequest(() => api.listOverdue())
  useRefresh(overdue.reload)
  return (
    <View className="page">
      <Loaded state={overdue} rows={4}>
        {({ items, totalFen }) =>
          items.length === 0 ? (
            <View className="empty">您暂无逾期还款记录</View>
          ) : (
            <>
              <Rows rows={[['逾期应还合计', yuan(totalFen)]]} />
              {items.map((o) => (
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
            </>
          )
        }
      </Loaded>
    </View>
  )
}
