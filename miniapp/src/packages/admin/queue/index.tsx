import { STATE_LABELS } from '@gjj/shared/workflow'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { PagedList } from '../../../components/PagedList'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar } from '../components/ConsoleBar'
import { takeQueueStale } from '../components/queue-stale'
import { adminUrl, openDetail } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import { FilterBar, type QueueCounts } from './FilterBar'
import { DEFAULT_FILTERS, filtersKey, hasNarrowing, orderOf, type QueueFilters, queueQuery } from './filters'
import { QueueItem } from './QueueItem'
import './index.css'

/** 审批队列: the reviewer's center's applications, 待审批 first, filtered and paged */
export default function QueuePage() {
  const signedIn = useStaffGuard(adminUrl.queue())
  return <AdminPage className="queue">{signedIn && <Queue />}</AdminPage>
}

function Queue() {
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS)
  // the center's counts per status, as the first page of the last list brought them
  const [counts, setCounts] = useState<QueueCounts>()
  // a new list (and its own paging) for every filter change or refresh: no stale page can land late
  const [round, setRound] = useState(0)
  const refresh = () => setRound((n) => n + 1)

  useRefresh(refresh, { onReturn: takeQueueStale })

  return (
    <ConsoleBar current="queue">
      {() => (
        <>
          <FilterBar value={filters} counts={counts} onChange={setFilters} onRefresh={refresh} />
          <QueueList
            key={`${filtersKey(filters)}#${round}`}
            filters={filters}
            onCounts={setCounts}
            onOrder={(order) => setFilters({ ...filters, order })}
          />
        </>
      )}
    </ConsoleBar>
  )
}

interface ListProps {
  filters: QueueFilters
  onCounts: (counts: QueueCounts) => void
  onOrder: (order: 'asc' | 'desc') => void
}

function QueueList({ filters, onCounts, onOrder }: ListProps) {
  const list = usePaged(async (cursor) => {
    const page = await staffApi.listReviewQueue(queueQuery(filters, cursor))
    if (page.counts) onCounts(page.counts)
    return page
  })
  const order = orderOf(filters)
  // Enter or O: open the first application of the list (the keyboard's way in, issue 13)
  const first = list.items[0]?.id
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return
      if ((e.key === 'Enter' || e.key === 'o') && first) openDetail(first)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [first])
  const what = STATE_LABELS[filters.status]
  return (
    <>
      <View className="queue-head" role="row">
        {['申请编号', '业务类型', '姓名', '证件号码', '金额'].map((h) => (
          <Text key={h}>{h}</Text>
        ))}
        <Text
          className="queue-head__sort"
          aria-sort={order === 'asc' ? 'ascending' : 'descending'}
          onClick={() => onOrder(order === 'asc' ? 'desc' : 'asc')}
        >
          提交时间 {order === 'asc' ? '↑' : '↓'}
        </Text>
        {['等待时长', '状态'].map((h) => (
          <Text key={h}>{h}</Text>
        ))}
      </View>
      <View className="queue-order" onClick={() => onOrder(order === 'asc' ? 'desc' : 'asc')}>
        <Text className="muted">按提交时间{order === 'asc' ? '从早到晚' : '从晚到早'}</Text>
        <Text className="filters__link">{order === 'asc' ? '改为从晚到早' : '改为从早到晚'}</Text>
      </View>
      <PagedList list={list} empty={hasNarrowing(filters) ? `没有符合条件的${what}申请` : `暂无${what}的申请`}>
        {(item) => <QueueItem key={item.id} item={item} />}
      </PagedList>
    </>
  )
}
