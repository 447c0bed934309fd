import { isText, newsIdFromHref, type RichTextNode } from '@gjj/shared/info/rich-text-nodes'
import { Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import { ConsentGate } from '../../../components/ConsentGate'
import { Loaded } from '../../../components/Loaded'
import { chosenCenter } from '../../../lib/center'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { Article } from '../components/Article'
import './index.css'

/** an article's address; with the center, so a link shared to a chat opens for someone who has not chosen one */
export const newsDetailUrl = (id: string, centerCode?: string) =>
  `/packages/info/news-detail/index?id=${encodeURIComponent(id)}${centerCode ? `&center=${encodeURIComponent(centerCode)}` : ''}`

const CENTER_CODE = /^C\d{5}$/

/** the plain text of nodes (a link's words) */
function textOf(nodes: readonly RichTextNode[]): string {
  return nodes.map((n) => (isText(n) ? n.text : textOf(n.children ?? []))).join('')
}

/** the internal news links of a body, once each: rich-text cannot follow a tap, so the page lists them */
export function linkedNews(nodes: readonly RichTextNode[], self: string): { id: string; title: string }[] {
  const found = new Map<string, string>()
  const walk = (list: readonly RichTextNode[]) => {
    for (const n of list) {
      if (isText(n)) continue
      const id = n.name === 'a' && n.attrs?.href ? newsIdFromHref(n.attrs.href) : undefined
      if (id && id !== self && !found.has(id)) found.set(id, textOf(n.children ?? []).trim() || '查看新闻')
      walk(n.children ?? [])
    }
  }
  walk(nodes)
  return [...found].map(([id, title]) => ({ id, title }))
}

/**
 * manual chapter 3: one article — title, date, source, body and the news it links to. A shared link
 * opens this page first: the 隐私声明 summary comes before the article when this device has not
 * agreed to the current version (ConsentGate).
 */
export default function NewsDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const linked = decodeURIComponent(params.center ?? '')
  const centerCode = CENTER_CODE.test(linked) ? linked : chosenCenter()?.code
  const [title, setTitle] = useState<string>()
  useShareAppMessage(() => ({ title: title ?? '新闻动态', path: newsDetailUrl(id, centerCode) }))
  return (
    <View className="page">
      <ConsentGate what="查看新闻">
        <NewsDetail id={id} centerCode={centerCode} onTitle={setTitle} />
      </ConsentGate>
    </View>
  )
}

function NewsDetail({
  id,
  centerCode,
  onTitle,
}: {
  id: string
  centerCode: string | undefined
  onTitle: (title: string) => void
}) {
  const news = useRequest(async () => {
    if (!centerCode) throw new Error('请先选择所在缴存中心')
    const n = await api.getNews({ centerCode, id })
    onTitle(n.title)
    return n
  }, id)
  useRefresh(news.reload)

  return (
    <Loaded state={news} rows={10}>
      {(n) => (
        <>
          <Article article={n} />
          {linkedNews(n.body, n.id).length > 0 && (
            <>
              <View className="section-title">
                <Text>相关新闻</Text>
              </View>
              {linkedNews(n.body, n.id).map((l) => (
                <Cell
                  key={l.id}
                  title={l.title}
                  clickable
                  onClick={() => Taro.navigateTo({ url: newsDetailUrl(l.id, centerCode) })}
                />
              ))}
            </>
          )}
        </>
      )}
    </Loaded>
  )
}
