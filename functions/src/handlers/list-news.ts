import { listNews } from '@gjj/shared/api/news'
import { endpoint } from '../endpoint'
import * as news from '../services/news-feed'

export const handler = endpoint(listNews, (input) => news.listPublished(input))
