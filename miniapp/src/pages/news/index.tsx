import type { NewsListItem } from '@gjj/shared/api/news'
import type { Center } from '@gjj/shared/api/system'
import { Cell } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import { PagedList } from '../../components/PagedList'
import { PrivacyConsent } from '../../components/PrivacyConsent'
import { Tag } from '../../components/Tag'
import { chosenCenter } from '../../lib/center'
import { formatDay } from '../../lib/format'
import { useConsented, withConsent } from '../../lib/privacy'
import { useRefresh } from '../../lib/use-refresh'
import { usePaged } from '../../lib/use-request'
import './index.css'

/** manual chapter 3: the chosen center's news, with the region's notices (自治区) mixed in, newest first */
export default function NewsPage() {
  const [center, setCenter] = useState(chosenCenter())
  useDidShow(() => {
    const now = chosenCenter()
    if (now?.code !== center?.code) setCenter(now)
  })
  const consented = useConsented()
  return (
    <View className="page">
      <PrivacyConsent />
      <View className="section-title">
        <Text>{center ? center.name : '尚未选择公积金中心'}</Text>
      </View>
      {!consented ? (
        <Cell title="同意隐私声明后查看新闻动态" clickable onClick={() => withConsent(() => undefined)} />
      ) : center ? (
        <NewsList key={center.code} center={center} />
      ) : (
        <Cell title="选择所在缴存中心" clickable onClick={() => Taro.reLaunch({ url: '/pages/login/index' })} />
      )}
    </View>
  )
}

function NewsList({ center }: { center: Center }) {
  const list = usePaged((cursor) => api.listNews({ centerCode: center.code, limit: 20, ...(cursor ? { cursor } : {}) }))
  useRefresh(list.reload)
  return (
    <PagedList list={list} empty="暂无新闻动态">
      {(n) => <NewsRow key={n.id} item={n} centerCode={center.code} />}
    </PagedList>
  )
}

function NewsRow({ item, centerCode }: { item: NewsListItem; centerCode: string }) {
  return (
    <View
      className="news-row"
      onClick={() =>
        Taro.navigateTo({
          url: `/packages/info/news-detail/index?id=${encodeURIComponent(item.id)}&center=${encodeURIComponent(centerCode)}`,
        })
      }
    >
      <View className="news-row__text">
        <View className="news-row__title">
          <Text>{item.title}</Text>
          {item.regionWide && <Tag tone="blue">自治区</Tag>}
        </View>
        <Text className="news-row__summary">{item.summary}</Text>
        <Text className="news-row__date">{formatDay(item.publishedAt)}</Text>
      </View>
      {item.coverThumbnailUrl && (
        <Image className="news-row__cover" src={item.coverThumbnailUrl} mode="aspectFill" lazyLoad />
      )}
    </View>
  )
}
