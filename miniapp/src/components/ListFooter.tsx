import { Text, View } from '@tarojs/components'

/** the end of a paged list: 查看更多 while there is more, a quiet end mark otherwise */
export function ListFooter({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <View className="list-footer" onClick={() => hasMore && !loading && onMore()}>
      <Text className={hasMore ? 'list-footer__more' : 'muted'}>
        {loading ? '加载中…' : hasMore ? '查看更多' : '没有更多了'}
      </Text>
    </View>
  )
}
