import { getNews } from '@gjj/shared/api/news'
import { endpoint } from '../endpoint'
import * as news from '../services/news-feed'

export const handler = endpoint(getNews, (input) => news.getPublished(input))
