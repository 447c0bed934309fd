import { expect, test } from 'vitest'
import { waitingFor } from './waiting'

test.each([
  ['2026-12-03T08:00:00Z', '2026-12-03T08:04:59Z', '4分钟'],
  ['2026-12-03T08:00:00Z', '2026-12-03T10:10:00Z', '2小时10分'],
  ['2026-12-01T08:00:00Z', '2026-12-04T13:30:00Z', '3天5小时'],
  ['2026-12-03T08:00:00Z', '2026-12-03T07:00:00Z', '0分钟'],
])('submitted %s, now %s: waiting %s', (submitted, now, text) => {
  expect(waitingFor(submitted, Date.parse(now))).toBe(text)
})

test('no submission: a dash', () => {
  expect(waitingFor(null)).toBe('—')
})
