import { useCallback, useRef, useState } from 'react'

/**
 * One action of a form at a time (登录, 添加, 上传档案, 提交中心审批): `busy` while `run(action)`
 * runs, for the button's loading and disabled state; a second tap meanwhile does nothing. A failure
 * goes to `onError` (the form shows it under its fields), or on to the caller without one.
 *
 *   const { busy, run } = useBusy()
 *   const save = () => run(async () => { ... await api.changePhone(...) ... }, (e) => setErrors(fieldErrors(e, FIELDS)))
 */
export function useBusy() {
  const [busy, setBusy] = useState(false)
  const running = useRef(false)
  const run = useCallback(async (action: () => Promise<unknown>, onError?: (e: unknown) => unknown) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    try {
      await action()
    } catch (e) {
      if (!onError) throw e
      await onError(e)
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])
  return { busy, run }
}
