import { getNews } from '@gjj/shared/api/news'
import { endpoint } from '../endpoint'
import * as news from '../services/news'

export const handler = endpoint(getNews, (input) => news.getPublished(input))
