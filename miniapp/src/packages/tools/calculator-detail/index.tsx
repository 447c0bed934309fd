import { formatRatePercent } from '@gjj/shared/loan/rates'
import { groupByYear, type RepaymentMethod, type Schedule } from '@gjj/shared/loan/schedule'
import { formatWan, formatYuan } from '@gjj/shared/money'
import { Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { LoadError } from '../../../components/Loaded'
import { type CalculatorInput, computeSchedule, fromQuery, loanTypeLabel, METHODS } from '../calculator/form'
import { Chart } from './Chart'
import { yearBars } from './year-bars'
import './index.css'

/** years of monthly rows shown at first and added by each 查看更多数据: never hundreds of rows at once */
const YEARS_PER_PAGE = 2

const monthOfYear = (period: number) => `${((period - 1) % 12) + 1}月`

/** the loan the figures are for: "公积金贷款 · 30年" and one line per part */
function describe(input: CalculatorInput): { title: string; parts: string[] } {
  return {
    title: `${loanTypeLabel(input.type)} · ${input.years}年`,
    parts: input.parts.map((p) => {
      const name = input.type === 'combined' ? (p.kind === 'fund' ? '公积金 ' : '商业 ') : ''
      return `${name}${formatWan(p.principalFen)}万元 · 年利率 ${formatRatePercent(p.annualRatePpm)}%`
    }),
  }
}

function Totals({ schedule }: { schedule: Schedule }) {
  const cells: [string, string][] = [
    ['总还款(万)', formatWan(schedule.totalPaymentFen)],
    ['总利息(万)', formatWan(schedule.totalInterestFen)],
    ['总贷款(万)', formatWan(schedule.principalFen)],
    ['贷款月数', String(schedule.months)],
  ]
  return (
    <View className="detail__totals">
      {cells.map(([label, value]) => (
        <View className="detail__total" key={label}>
          <Text className="detail__total-value">{value}</Text>
          <Text className="detail__total-label">{label}</Text>
        </View>
      ))}
    </View>
  )
}

function Table({ schedule, years, onMore }: { schedule: Schedule; years: number; onMore: () => void }) {
  const groups = useMemo(() => groupByYear(schedule.periods), [schedule])
  const shown = groups.slice(0, years)
  const more = groups.length > shown.length
  // the largest figure in the table is at most the total payment: smaller type for long numbers
  const digits = String(Math.trunc(schedule.totalPaymentFen / 100)).length
  const size = digits <= 7 ? '' : digits === 8 ? ' detail__table--small' : ' detail__table--tiny'
  return (
    <View className={`detail__table${size}`}>
      <View className="detail__tr detail__th">
        <Text className="detail__td detail__td--month">月份</Text>
        <Text className="detail__td">月供本金</Text>
        <Text className="detail__td">月供利息</Text>
        <Text className="detail__td">剩余本金</Text>
        <Text className="detail__td">剩余应还</Text>
      </View>
      {shown.map((group) => (
        <View className="detail__year" key={group.year}>
          <Text className="detail__year-title">第{group.year}年</Text>
          {group.periods.map((p) => (
            <View className="detail__tr" key={p.period}>
              <Text className="detail__td detail__td--month">{monthOfYear(p.period)}</Text>
              <Text className="detail__td">{formatYuan(p.principalFen)}</Text>
              <Text className="detail__td">{formatYuan(p.interestFen)}</Text>
              <Text className="detail__td">{formatYuan(p.remainingPrincipalFen)}</Text>
              <Text className="detail__td">{formatYuan(p.remainingPayableFen)}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="detail__more" onClick={() => more && onMore()}>
        <Text className={more ? 'detail__more-link' : 'muted'}>
          {more ? '查看更多数据' : `已显示全部 ${groups.length} 年`}
        </Text>
      </View>
    </View>
  )
}

/**
 * 还款详情 (manual 5.1.2 (3)): both methods from the same inputs; totals in 万元; monthly rows by
 * year, a few years at a time; the yearly chart below. All from the query, without network.
 */
export default function CalculatorDetailPage() {
  const { params } = useRouter()
  // the query is fixed for the page's life: read and check it once
  const [query] = useState(() => fromQuery(params))
  const [method, setMethod] = useState<RepaymentMethod>(query.ok ? query.method : 'equalInstallment')
  const [years, setYears] = useState<Record<RepaymentMethod, number>>({
    equalInstallment: YEARS_PER_PAGE,
    equalPrincipal: YEARS_PER_PAGE,
  })
  const schedules = useMemo(
    () =>
      query.ok
        ? {
            equalInstallment: computeSchedule(query.input, 'equalInstallment'),
            equalPrincipal: computeSchedule(query.input, 'equalPrincipal'),
          }
        : undefined,
    [query],
  )
  const schedule = schedules?.[method]
  const bars = useMemo(() => (schedule ? yearBars(schedule) : []), [schedule])

  if (!query.ok || !schedule) {
    return (
      <View className="page">
        <LoadError
          message={query.ok ? '计算失败' : query.message}
          action="重新计算"
          onRetry={() => Taro.redirectTo({ url: '/packages/tools/calculator/index' })}
        />
      </View>
    )
  }

  const terms = describe(query.input)
  return (
    <View className="page detail">
      <View className="detail__head">
        <View className="detail__terms">
          <Text className="detail__terms-title">{terms.title}</Text>
          {terms.parts.map((line) => (
            <Text className="detail__terms-part" key={line}>
              {line}
            </Text>
          ))}
        </View>
        <Tabs
          className="detail__tabs"
          value={method}
          onChange={(v) => setMethod(v as RepaymentMethod)}
          activeType="line"
          align="left"
          duration={0}
        >
          {METHODS.map((m) => (
            <Tabs.TabPane key={m.value} title={m.label} value={m.value} />
          ))}
        </Tabs>
        <Totals schedule={schedule} />
      </View>
      <Table
        schedule={schedule}
        years={years[method]}
        onMore={() => setYears((y) => ({ ...y, [method]: y[method] + YEARS_PER_PAGE }))}
      />
      <Chart key={method} bars={bars} principalFen={schedule.principalFen} />
      <Text className="detail__note">计算结果仅供参考，实际以贷款合同为准</Text>
    </View>
  )
}
