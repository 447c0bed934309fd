import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiRequestError } from '../api/client'

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

/** a paged list: first page on mount, `more()` for the next, `refresh()` from the start */
export function usePaged<T>(load: (cursor?: string) => Promise<Paged<T>>) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiRequestError>()
  const [loaded, setLoaded] = useState(false)
  const loadRef = useRef(load)
  loadRef.current = load

  const fetchPage = useCallback(async (from?: string) => {
    setLoading(true)
    setError(undefined)
    try {
      const page = await loadRef.current(from)
      setItems((prev) => (from ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      setLoaded(true)
    } catch (e) {
      setError(
        e instanceof ApiRequestError ? e : new ApiRequestError(0, { code: 'CLIENT', message: '加载失败，请重试' }),
      )
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void fetchPage()
  }, [fetchPage])

  return {
    items,
    loading,
    loaded,
    error,
    hasMore: cursor !== null,
    more: () => (cursor && !loading ? fetchPage(cursor) : Promise.resolve()),
    refresh: () => fetchPage(),
  }
}
