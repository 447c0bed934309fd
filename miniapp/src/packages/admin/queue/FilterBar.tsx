import { APPLICATION_KINDS, KINDS } from '@gjj/shared/catalog'
import { chinaToday } from '@gjj/shared/clock'
import { addMonths } from '@gjj/shared/date'
import { STATE_LABELS } from '@gjj/shared/workflow'
import { Button, Calendar, Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DEFAULT_FILTERS, hasNarrowing, QUEUE_STATUSES, type QueueFilters } from './filters'

const KIND_OPTIONS = ['全部业务类型', ...APPLICATION_KINDS.map((k) => KINDS[k].name)]
/** how far back the date picker reaches; older applications are found without a date range */
const DATE_RANGE_MONTHS = 24

const pad = (n: number) => String(n).padStart(2, '0')
/** a NutUI Calendar day ([year, month, day, ...]) as 'YYYY-MM-DD' */
const calendarDay = (d: unknown) => {
  const [y, m, day] = (d as (string | number)[]).map(Number)
  return `${y}-${pad(m as number)}-${pad(day as number)}`
}

export type QueueCounts = Record<QueueFilters['status'], number>

interface Props {
  value: QueueFilters
  /** the center's applications per status (unfiltered), once the first page has come */
  counts?: QueueCounts
  onChange: (next: QueueFilters) => void
  onRefresh: () => void
}

/** 审批队列 filters: status, business kind, submitted date range, 姓名或个人账号 */
export function FilterBar({ value, counts, onChange, onRefresh }: Props) {
  const [text, setText] = useState(value.q)
  const [picking, setPicking] = useState(false)
  const today = chinaToday()
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch })
  const kindIndex = value.kind ? APPLICATION_KINDS.indexOf(value.kind) + 1 : 0

  const pickDates = (days: unknown) => {
    const [from, to] = (days as unknown[]).map(calendarDay)
    set({ from, to: to ?? from })
  }
  // searching again for the same words reloads, as people expect of a search button
  const search = () => (text.trim() === value.q.trim() ? onRefresh() : set({ q: text }))
  const reset = () => {
    setText('')
    onChange({ ...DEFAULT_FILTERS, status: value.status })
  }

  return (
    <View className="filters">
      <View className="filters__status">
        {QUEUE_STATUSES.map((s) => (
          <Text
            key={s}
            className={`filters__chip${s === value.status ? ' filters__chip--on' : ''}`}
            onClick={() => s !== value.status && set({ status: s })}
          >
            {STATE_LABELS[s]}
            {counts && <Text className="filters__count">{counts[s]}</Text>}
          </Text>
        ))}
      </View>

      <View className="filters__row">
        <Picker
          className="filters__cell"
          mode="selector"
          range={KIND_OPTIONS}
          value={kindIndex}
          onChange={(e) => set({ kind: APPLICATION_KINDS[Number(e.detail.value) - 1] })}
        >
          <View className="filters__field">
            <Text className="filters__label">业务类型</Text>
            <Text className={`filters__value${value.kind ? '' : ' muted'}`}>{KIND_OPTIONS[kindIndex]}</Text>
            <Text className="filters__arrow">▾</Text>
          </View>
        </Picker>
        <View className="filters__cell filters__field" onClick={() => setPicking(true)}>
          <Text className="filters__label">提交日期</Text>
          <Text className={`filters__value${value.from ? '' : ' muted'}`}>
            {value.from ? `${value.from} 至 ${value.to}` : '不限'}
          </Text>
          {value.from ? (
            <Text
              className="filters__clear"
              onClick={(e) => {
                e.stopPropagation()
                set({ from: undefined, to: undefined })
              }}
            >
              ✕
            </Text>
          ) : (
            <Text className="filters__arrow">▾</Text>
          )}
        </View>
      </View>

      <View className="filters__search">
        <Input
          className="filters__input"
          placeholder="姓名或个人账号"
          value={text}
          maxLength={50}
          clearable
          confirmType="search"
          onChange={setText}
          onClear={() => set({ q: '' })}
          onConfirm={search}
        />
        <Button size="small" type="primary" onClick={search}>
          搜索
        </Button>
      </View>

      <View className="filters__actions">
        {hasNarrowing(value) && (
          <Text className="filters__link" onClick={reset}>
            清除筛选
          </Text>
        )}
        <Text className="filters__link" onClick={onRefresh}>
          刷新
        </Text>
      </View>

      <Calendar
        visible={picking}
        type="range"
        title="选择提交日期"
        startDate={addMonths(today, -DATE_RANGE_MONTHS)}
        endDate={today}
        defaultValue={value.from ? [value.from, value.to ?? value.from] : []}
        onClose={() => setPicking(false)}
        onConfirm={pickDates}
      />
    </View>
  )
}
