/// <reference types="node" />
import { vi } from 'vitest'

/**
 * The test side of shared's clock. Only tests import this file.
 *
 * `npm test` runs the unit and integration suites a second time with the process in
 * America/Los_Angeles and the clock started at 2026-12-02T16:30:00Z (00:30 in China, still
 * December 2 in UTC and in Los Angeles): `GJJ_TEST_NOW` sets that start, the setup file below
 * installs it, and the clock then runs on at real speed so that ordering by time still works.
 * Date-sensitive tests stop the clock at `aroundChinaMidnight(...)` instants with `atInstant`.
 */
export const SUITE_NOW_ENV = 'GJJ_TEST_NOW'

/**
 * The instants around the start of China date `date`, with the China date of each: 23:59:59 of the
 * day before, 00:00:00 and 00:30 of `date` (15:59:59Z, 16:00:00Z and 16:30:00Z of the UTC day before).
 */
export function aroundChinaMidnight(date: string): [instant: string, chinaDate: string][] {
  const start = Date.parse(`${date}T00:00:00+08:00`)
  const iso = (ms: number) => new Date(ms).toISOString()
  const before = iso(start - 1000)
  return [
    [before, before.slice(0, 10)],
    [iso(start), date],
    [iso(start + 30 * 60_000), date],
  ]
}

/** the suite's clock: real time, or GJJ_TEST_NOW running on at real speed */
export function installSuiteClock(start = process.env[SUITE_NOW_ENV]): void {
  if (!start) return
  const now = new Date(start)
  if (Number.isNaN(now.getTime())) throw new Error(`${SUITE_NOW_ENV} is not an instant: ${start}`)
  vi.useFakeTimers({ toFake: ['Date'], now, shouldAdvanceTime: true, advanceTimeDelta: 1 })
}

/**
 * Runs `fn` with the clock stopped at `instant` (Date, Date.now and shared's clock all agree),
 * then gives the suite its clock back, moved on by the real time `fn` took.
 */
export async function atInstant<T>(instant: string | Date, fn: () => T | Promise<T>): Promise<T> {
  const suiteWasFake = vi.isFakeTimers()
  const suiteNow = Date.now()
  const realStart = performance.now()
  vi.useRealTimers()
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(instant) })
  try {
    return await fn()
  } finally {
    vi.useRealTimers()
    if (suiteWasFake) {
      const now = new Date(suiteNow + Math.round(performance.now() - realStart))
      vi.useFakeTimers({ toFake: ['Date'], now, shouldAdvanceTime: true, advanceTimeDelta: 1 })
    }
  }
}
