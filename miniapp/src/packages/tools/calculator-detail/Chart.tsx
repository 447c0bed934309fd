import { formatWan } from '@gjj/shared/money'
import { Text, View } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import { labelledYear, type YearBar } from './year-bars'
import './Chart.css'

/**
 * 还款走势: one column per year, principal and interest stacked against the largest yearly
 * payment, and below it the principal still owed at each year's end. Plain Views with percentage
 * heights, so weapp, alipay and h5 draw it alike without a canvas. Tapping a year shows its figures.
 */
export function Chart({ bars, principalFen }: { bars: YearBar[]; principalFen: number }) {
  const [picked, setPicked] = useState(1)
  const last = bars.length
  const chosen = bars.find((b) => b.year === picked) ?? bars[0]
  const highest = Math.max(0, ...bars.map((b) => b.principalFen + b.interestFen))

  const columns = (draw: (bar: YearBar) => ReactNode) => (
    <View className="chart__bars">
      {bars.map((bar) => (
        <View
          key={bar.year}
          className={`chart__col${bar.year === chosen?.year ? ' chart__col--on' : ''}`}
          onClick={() => setPicked(bar.year)}
        >
          {draw(bar)}
        </View>
      ))}
    </View>
  )

  return (
    <View className="chart">
      <Text className="chart__title">还款走势</Text>
      <View className="chart__legend">
        <View className="chart__key">
          <View className="chart__swatch chart__swatch--principal" />
          <Text>还本金</Text>
        </View>
        <View className="chart__key">
          <View className="chart__swatch chart__swatch--interest" />
          <Text>还利息</Text>
        </View>
        <View className="chart__key">
          <View className="chart__swatch chart__swatch--remaining" />
          <Text>年末剩余本金</Text>
        </View>
      </View>

      <Text className="chart__caption">每年还款（万元）</Text>
      <View className="chart__plot chart__plot--payments">
        <View className="chart__axis">
          <Text>{formatWan(highest)}</Text>
          <Text>0</Text>
        </View>
        {columns((bar) => (
          <View className="chart__stack">
            <View className="chart__bar chart__bar--interest" style={{ height: `${bar.interestPct}%` }} />
            <View className="chart__bar chart__bar--principal" style={{ height: `${bar.principalPct}%` }} />
          </View>
        ))}
      </View>

      <Text className="chart__caption">年末剩余本金（万元）</Text>
      <View className="chart__plot chart__plot--remaining">
        <View className="chart__axis">
          <Text>{formatWan(principalFen)}</Text>
          <Text>0</Text>
        </View>
        {columns((bar) => (
          <View className="chart__stack">
            <View className="chart__bar chart__bar--remaining" style={{ height: `${bar.remainingPct}%` }} />
          </View>
        ))}
      </View>
      <View className="chart__years">
        <View className="chart__axis">
          <Text>年份</Text>
        </View>
        <View className="chart__bars">
          {bars.map((bar) => (
            <View key={bar.year} className="chart__col chart__col--label">
              {labelledYear(bar.year, last) && <Text className="chart__year">{bar.year}</Text>}
            </View>
          ))}
        </View>
      </View>

      {chosen && (
        <View className="chart__picked">
          <Text className="chart__picked-year">第{chosen.year}年</Text>
          <Text>
            还本金 {formatWan(chosen.principalFen)} 万，还利息 {formatWan(chosen.interestFen)} 万，年末剩余本金{' '}
            {formatWan(chosen.remainingPrincipalFen)} 万
          </Text>
        </View>
      )}
      <Text className="chart__tip">点击柱形查看当年数据</Text>
    </View>
  )
}
