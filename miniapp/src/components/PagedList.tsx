import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PagedState } from '../lib/use-request'
import { LoadError, Loading } from './Loaded'
import './Loaded.css'

/**
 * A list read page by page (`usePaged`): a skeleton until the first page, its error with 重试, the
 * `empty` text when there is nothing, then every item and, below, 查看更多 while there is more (or
 * the error of the page that did not come, with 重试).
 *
 *   const list = usePaged((cursor) => api.listRepayments({ limit: 20, ...(cursor ? { cursor } : {}) }))
 *   <PagedList list={list} empty="暂无还款记录">{(r) => <ExpandRow key={r.id} ... />}</PagedList>
 */
export function PagedList<T>({
  list,
  rows,
  empty,
  children,
}: {
  list: PagedState<T>
  /** skeleton rows while the first page loads */
  rows?: number
  /** shown when the list is empty; without it an empty list shows only its end mark */
  empty?: string
  /** one item; give it a key */
  children: (item: T) => ReactNode
}) {
  if (!list.loaded) {
    if (list.error) return <LoadError message={list.error.message} onRetry={list.reload} />
    return <Loading rows={rows} />
  }
  if (empty && list.items.length === 0) return <View className="empty">{empty}</View>
  return (
    <>
      {list.items.map(children)}
      {list.error ? (
        <LoadError message={list.error.message} onRetry={list.retry} />
      ) : (
        <ListFooter hasMore={list.hasMore} loading={list.loading} onMore={list.more} />
      )}
    </>
  )
}

/** the end of a paged list: 查看更多 while there is more, a quiet end mark otherwise */
function ListFooter({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <View className="list-footer" onClick={() => hasMore && !loading && onMore()}>
      <Text className={hasMore ? 'list-footer__more' : 'muted'}>
        {loading ? '加载中…' : hasMore ? '查看更多' : '没有更多了'}
      </Text>
    </View>
  )
}
