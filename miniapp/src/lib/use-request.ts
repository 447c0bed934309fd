import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiRequestError } from '../api/client'

/**
 * Loading a page's data. Both hooks answer in one shape, which `<Loaded>` and `<PagedList>`
 * (components/) render and `useRefresh` (lib/use-refresh.ts) reloads:
 * - `useRequest(load, key?)`: one answer, `data` (undefined until it comes);
 * - `usePaged(load)`: a list read page by page, `items`, `loaded`, `hasMore`, `more()`.
 * Each has `error` (the server's or the network's Chinese message), `loading` and `reload()`.
 */
export interface LoadState {
  error: ApiRequestError | undefined
  loading: boolean
  /** loads again from the start; keeps what is shown until the answer comes */
  reload: () => Promise<void>
}

export interface RequestState<T> extends LoadState {
  data: T | undefined
}

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedState<T> extends LoadState {
  items: T[]
  /** the first page has come */
  loaded: boolean
  hasMore: boolean
  /** the next page, added below */
  more: () => Promise<void>
  /** the load that failed again: the first page or the next */
  retry: () => Promise<void>
}

/** runs one load at a time's bookkeeping: loading, and the error it ended in */
function useLoading() {
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiRequestError>()
  const run = useCallback(async (work: () => Promise<void>) => {
    setLoading(true)
    setError(undefined)
    try {
      await work()
    } catch (e) {
      setError(
        e instanceof ApiRequestError ? e : new ApiRequestError(0, { code: 'CLIENT', message: '加载失败，请重试' }),
      )
    } finally {
      setLoading(false)
    }
  }, [])
  return { loading, error, run }
}

/** the latest `load` the page passed, without making every render a new load */
function useLatest<F>(load: F) {
  const ref = useRef(load)
  ref.current = load
  return ref
}

/** one request per screen, loaded on mount; when `key` changes (a page number, a filter) it loads again */
export function useRequest<T>(load: () => Promise<T>, key: string | number = ''): RequestState<T> {
  const [data, setData] = useState<T>()
  const { loading, error, run } = useLoading()
  const latest = useLatest(load)
  const reload = useCallback(() => run(async () => setData(await latest.current())), [run, latest])
  useEffect(() => {
    if (key !== undefined) void reload()
  }, [reload, key])
  return { data, error, loading, reload }
}

/** a paged list: the first page on mount, `more()` for the next, `reload()` from the start */
export function usePaged<T>(load: (cursor?: string) => Promise<Paged<T>>): PagedState<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const { loading, error, run } = useLoading()
  const latest = useLatest(load)
  const lastFrom = useRef<string>()

  const fetchPage = useCallback(
    (from?: string) =>
      run(async () => {
        lastFrom.current = from
        const page = await latest.current(from)
        setItems((prev) => (from ? [...prev, ...page.items] : page.items))
        setCursor(page.nextCursor)
        setLoaded(true)
      }),
    [run, latest],
  )

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
    reload: () => fetchPage(),
    retry: () => fetchPage(lastFrom.current),
  }
}
