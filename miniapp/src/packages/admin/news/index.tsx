import type { OutputOf } from '@gjj/shared/api/contract'
import type { listStaffNews } from '@gjj/shared/api/publishing'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PagedList } from '../../../components/PagedList'
import { Tag } from '../../../components/Tag'
import { formatInstant } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar, type Staff } from '../components/ConsoleBar'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'

type Item = OutputOf<typeof listStaffNews>['items'][number]
type Scope = 'center' | 'region'

/**
 * 新闻管理 (issue 10): the center's news, drafts included, last changed first, with 草稿/已发布;
 * the region's admin switches to 自治区通知. 新建 and a tap on an article open the editor.
 */
export default function NewsDeskPage() {
  const signedIn = useStaffGuard(adminUrl.news())
  return (
    <AdminPage className="news-desk">
      {signedIn && <ConsoleBar current="news">{(me) => <Desk me={me} />}</ConsoleBar>}
    </AdminPage>
  )
}

function Desk({ me }: { me: Staff }) {
  const scopes: Scope[] = [
    ...(me.roles.includes('publisher') ? (['center'] as const) : []),
    ...(me.roles.includes('regionAdmin') ? (['region'] as const) : []),
  ]
  const [scope, setScope] = useState<Scope>(scopes[0] ?? 'center')
  const [round, setRound] = useState(0)
  // back from the editor: what was saved or published there shows
  useRefresh(async () => setRound((n) => n + 1), { onReturn: true })
  return (
    <>
      <View className="console-toolbar">
        <View className="console-chips">
          {scopes.length > 1 &&
            scopes.map((s) => (
              <Text
                key={s}
                className={`console-chip news-desk__scope--${s}${s === scope ? ' console-chip--on' : ''}`}
                onClick={() => setScope(s)}
              >
                {s === 'center' ? '本中心新闻' : '自治区通知'}
              </Text>
            ))}
        </View>
        <Button
          className="news-desk__new"
          type="primary"
          size="small"
          onClick={() => Taro.navigateTo({ url: adminUrl.newsEdit(undefined, scope === 'region') })}
        >
          {scope === 'region' ? '新建自治区通知' : '新建新闻'}
        </Button>
      </View>
      <NewsList key={`${scope}#${round}`} scope={scope} />
    </>
  )
}

function NewsList({ scope }: { scope: Scope }) {
  const list = usePaged((cursor) => staffApi.listStaffNews({ scope, limit: 20, ...(cursor ? { cursor } : {}) }))
  return (
    <PagedList list={list} empty={scope === 'region' ? '还没有自治区通知' : '还没有新闻，点「新建新闻」写第一篇'}>
      {(n) => <NewsItem key={n.id} item={n} />}
    </PagedList>
  )
}

function NewsItem({ item }: { item: Item }) {
  return (
    <View className="console-item news-desk__item" onClick={() => Taro.navigateTo({ url: adminUrl.newsEdit(item.id) })}>
      <View className="console-item__text">
        <View className="console-item__title">
          <Text>{item.title}</Text>
          <Tag tone={item.status === 'published' ? 'green' : 'grey'}>{item.statusLabel}</Tag>
          {item.regionWide && <Tag tone="blue">自治区</Tag>}
        </View>
        <Text className="console-item__meta">{item.summary}</Text>
        <Text className="console-item__meta">
          {item.publishedAt ? `发布于 ${formatInstant(item.publishedAt)}` : `修改于 ${formatInstant(item.updatedAt)}`}
          {` · ${item.updatedBy}`}
        </Text>
      </View>
      {item.coverThumbnailUrl && (
        <Image className="console-item__thumb" src={item.coverThumbnailUrl} mode="aspectFill" />
      )}
    </View>
  )
}
