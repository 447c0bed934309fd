import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Tx } from './audit'
import { db, table } from './client'
import { decodeCursor, decodeIndexCursor, encodeCursor } from './paging'
import { writeGuarded } from './transaction'

/**
 * 新闻动态. Keys (docs/data-model.md):
 * - article: pk NEWS#<id>, sk ARTICLE; gsi1pk NEWSDESK#<scope>, gsi1sk <updatedAt>#<id> — the staff
 *   desk of a center (scope = center code) or of the region (scope = REGION), drafts included
 * - feed entry: pk FEED#<center>, sk <publishedAt>#<id> — one per published article and center
 *   that shows it: a center's own news in its feed, a region-wide notice in every center's feed
 *   (written on publish, removed on unpublish/delete). A center's list is ONE Query, newest first.
 * The article records where its feed entries are (`feedCenters`, `publishedAt`), so unpublishing
 * removes exactly those.
 */
export const REGION = 'XJ'

export interface NewsItem {
  id: string
  /** a center code, or REGION for a region-wide notice */
  scope: string
  title: string
  /** sanitized (toSafeHtml of the sanitizer's nodes); sanitized again on every read */
  bodyHtml: string
  summary: string
  /** the object key under public/news/ and its public URL */
  coverKey: string | null
  coverUrl: string | null
  /** its thumbnail beside it (`<file>.thumb.jpg`, decision 44); absent on articles saved before thumbnails */
  coverThumbnailKey?: string | null
  coverThumbnailUrl?: string | null
  status: 'draft' | 'published'
  /** the center's (or region's) name, shown as 来源 */
  sourceName: string
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  publishedAt: string | null
  /** the centers whose feed holds this article (empty while a draft) */
  feedCenters: string[]
  version: number
}

export interface FeedEntry {
  id: string
  title: string
  publishedAt: string
  summary: string
  coverThumbnailUrl: string | null
  regionWide: boolean
}

export const articleKey = (id: string) => ({ pk: `NEWS#${id}`, sk: 'ARTICLE' })
const feedKey = (center: string, publishedAt: string, id: string) => ({
  pk: `FEED#${center}`,
  sk: `${publishedAt}#${id}`,
})

function articleItem(n: NewsItem) {
  return {
    ...articleKey(n.id),
    gsi1pk: `NEWSDESK#${n.scope}`,
    gsi1sk: `${n.updatedAt}#${n.id}`,
    entity: 'News',
    ...n,
  }
}

function feedEntry(n: NewsItem): FeedEntry {
  return {
    id: n.id,
    title: n.title,
    publishedAt: n.publishedAt as string,
    summary: n.summary,
    // the list shows the thumbnail; an article saved before thumbnails existed has only its cover
    coverThumbnailUrl: n.coverThumbnailUrl ?? n.coverUrl,
    regionWide: n.scope === REGION,
  }
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item
  return rest
}

export async function getNews(id: string): Promise<NewsItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: articleKey(id) }))
  return out.Item ? (strip(out.Item) as unknown as NewsItem) : undefined
}

/** a center's published news with the region's notices, newest first: one Query */
export async function listFeed(center: string, limit: number, cursor: string | undefined) {
  const pk = `FEED#${center}`
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, pk),
    }),
  )
  return {
    items: (out.Items ?? []).map((item) => strip(item) as unknown as FeedEntry),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  }
}

/** a desk's news, drafts included, last changed first: one Query of gsi1 */
export async function listDesk(scope: string, limit: number, cursor: string | undefined) {
  const gsi1pk = `NEWSDESK#${scope}`
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeIndexCursor(cursor, gsi1pk),
    }),
  )
  return {
    items: (out.Items ?? []).map((item) => strip(item) as unknown as NewsItem),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  }
}

export type WriteOutcome = 'ok' | 'conflict'

/**
 * One change of an article, in one transaction with its audit entry: `next` replaces the article
 * (or `next: null` deletes it) on condition that it is still at `expectedVersion` (null: it must
 * not exist yet); the feed entries of `previous` (if it was published) are removed and those of
 * `next` (if published) written. 'conflict' when someone else changed or removed it first.
 */
export async function writeNews(previous: NewsItem | null, next: NewsItem | null, audit: Tx): Promise<WriteOutcome> {
  const id = (next ?? previous)?.id as string
  const items: Tx[] = []
  const condition = previous
    ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
    : { ConditionExpression: 'attribute_not_exists(pk)' }
  if (next) items.push({ Put: { TableName: table, Item: articleItem(next), ...condition } })
  else items.push({ Delete: { TableName: table, Key: articleKey(id), ...condition } })

  const put = new Map<string, Record<string, unknown>>()
  if (next?.status === 'published' && next.publishedAt) {
    for (const center of next.feedCenters) {
      const key = feedKey(center, next.publishedAt, id)
      put.set(`${key.pk}|${key.sk}`, { ...key, entity: 'FeedEntry', ...feedEntry(next) })
    }
  }
  if (previous?.status === 'published' && previous.publishedAt) {
    for (const center of previous.feedCenters) {
      const key = feedKey(center, previous.publishedAt, id)
      if (!put.has(`${key.pk}|${key.sk}`)) items.push({ Delete: { TableName: table, Key: key } })
    }
  }
  for (const item of put.values()) items.push({ Put: { TableName: table, Item: item } })
  items.push(audit)

  return writeGuarded(items)
}
