import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { RequestState } from '../lib/use-request'
import './Loaded.css'

/**
 * What a part of a page that loads data shows: a skeleton until the answer comes, the error with
 * 重试 when there is nothing to show, then `children(data)`. A failed refresh keeps what is shown
 * and says so above it.
 *
 *   const profile = useRequest(() => api.getProfile())
 *   <Loaded state={profile} rows={8}>{(p) => <Rows rows={...} />}</Loaded>
 */
export function Loaded<T>({
  state,
  rows,
  plain,
  children,
}: {
  state: Pick<RequestState<T>, 'data' | 'error' | 'reload'>
  /** skeleton rows while loading */
  rows?: number
  /** the skeleton without its card (inside a popup or a card of the page's own) */
  plain?: boolean
  children: (data: T) => ReactNode
}) {
  if (state.data === undefined) {
    if (state.error) return <LoadError message={state.error.message} onRetry={state.reload} />
    return <Loading rows={rows} plain={plain} />
  }
  return (
    <>
      {state.error && <Text className="field-error loaded__stale">刷新失败：{state.error.message}</Text>}
      {children(state.data)}
    </>
  )
}

/** the skeleton of something loading, in a card like the content it stands for */
export function Loading({ rows = 6, plain = false }: { rows?: number; plain?: boolean }) {
  const skeleton = <Skeleton rows={rows} animated />
  return plain ? skeleton : <View className="loading-card">{skeleton}</View>
}

/** a failed load (or anything the page cannot show): the Chinese message and one way on, 重试 by default */
export function LoadError({
  message,
  onRetry,
  action = '重试',
}: {
  message: string
  onRetry: () => unknown
  action?: string
}) {
  return (
    <View className="load-error">
      <Text className="load-error__text">{message}</Text>
      <Button size="small" type="primary" fill="outline" onClick={() => void onRetry()}>
        {action}
      </Button>
    </View>
  )
}
