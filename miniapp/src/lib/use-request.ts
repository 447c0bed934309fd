import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiRequestError } from '../api/client'

export interface RequestState<T> {
  data: T | undefined
  error: ApiRequestError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** one request per screen: loads on mount, exposes the error's Chinese message and a retry */
/** `key`: when it changes, the screen loads again (e.g. the page number or a filter) */
export function useRequest<T>(load: () => Promise<T>, key: string | number = ''): RequestState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<ApiRequestError>()
  const [loading, setLoading] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const reload = useCallback(async () => {
    setLoading(true)
    setError(undefined)
    try {
      setData(await loadRef.current())
    } catch (e) {
      setError(
        e instanceof ApiRequestError ? e : new ApiRequestError(0, { code: 'CLIENT', message: '加载失败，请重试' }),
      )
    } finally {
      setLoading(false)
    }
  }, [])
  useEffect(() => {
    if (key !== undefined) void reload()
  }, [reload, key])
  return { data, error, loading, reload }
}
