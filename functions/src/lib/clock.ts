import { shanghaiDate } from '@gjj/shared/date'

/** the time source of the functions; tests may move it */
export const clock = {
  now: (): Date => new Date(),
}

export const nowMs = () => clock.now().getTime()
export const nowSeconds = () => Math.floor(nowMs() / 1000)
/** today's date in Asia/Shanghai */
export const today = () => shanghaiDate(clock.now())
export const nowIso = () => clock.now().toISOString()
