import { type RichTextNode, toMiniProgramNodes } from '@gjj/shared/info/rich-text-nodes'
import { Image, RichText, Text, View } from '@tarojs/components'
import { Tag } from '../../../components/Tag'
import { formatDay } from '../../../lib/format'
import './Article.css'

export interface ArticleContent {
  title: string
  publishedAt: string
  source: string
  regionWide: boolean
  coverImageUrl?: string | null
  /** clean rich-text nodes, as getNews answers them */
  body: RichTextNode[]
}

/**
 * One news article as the depositor reads it (manual chapter 3): title, date, source, the 自治区
 * mark, the cover and the body as rich text. The news detail page shows it, and the review console's
 * 预览 shows the very same component, so staff see exactly what depositors will see.
 */
export function Article({ article }: { article: ArticleContent }) {
  return (
    <View className="article">
      <Text className="article__title">{article.title}</Text>
      <View className="article__meta">
        <Text>{formatDay(article.publishedAt)}</Text>
        <Text>来源：{article.source}</Text>
        {article.regionWide && <Tag tone="blue">自治区</Tag>}
      </View>
      {article.coverImageUrl && <Image className="article__cover" src={article.coverImageUrl} mode="widthFix" />}
      <RichText className="article__body" nodes={toMiniProgramNodes(article.body)} />
    </View>
  )
}
