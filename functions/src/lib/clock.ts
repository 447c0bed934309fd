/** the functions' time source is shared's one clock (tests move it with vi.setSystemTime or clock.now) */
export { chinaToday as today, clock, nowIso, nowMs, nowSeconds } from '@gjj/shared/clock'
