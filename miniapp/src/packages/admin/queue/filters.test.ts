import { describe, expect, test } from 'vitest'
import { DEFAULT_FILTERS, filtersKey, hasNarrowing, orderOf, queueQuery } from './filters'

describe('the queue query', () => {
  test('asks for 待审批 by default, 20 at a time, with nothing else', () => {
    // Act
    const query = queueQuery(DEFAULT_FILTERS)
    // Assess
    expect(query).toEqual({ status: 'submitted', limit: 20 })
    expect(hasNarrowing(DEFAULT_FILTERS)).toBe(false)
  })

  test('carries kind, date range, trimmed search words and the cursor of the next page', () => {
    // Prepare
    const filters = {
      status: 'returned' as const,
      kind: 'rent' as const,
      from: '2025-06-01',
      to: '2025-06-30',
      q: ' 张三 ',
    }
    // Act
    const query = queueQuery(filters, 'c2')
    // Assess
    expect(query).toEqual({
      status: 'returned',
      limit: 20,
      kind: 'rent',
      submittedFrom: '2025-06-01',
      submittedTo: '2025-06-30',
      q: '张三',
      cursor: 'c2',
    })
    expect(hasNarrowing(filters)).toBe(true)
  })

  test('leaves out blank search words, so they start no new list', () => {
    expect(queueQuery({ ...DEFAULT_FILTERS, q: '   ' })).not.toHaveProperty('q')
    expect(filtersKey({ ...DEFAULT_FILTERS, q: '   ' })).toBe(filtersKey(DEFAULT_FILTERS))
  })

  test("sorts by submission time: the status's own order unless one is chosen, and a new order starts a new list", () => {
    expect(orderOf(DEFAULT_FILTERS)).toBe('asc')
    expect(orderOf({ ...DEFAULT_FILTERS, status: 'approved' })).toBe('desc')
    expect(queueQuery({ ...DEFAULT_FILTERS, order: 'desc' })).toEqual({ status: 'submitted', limit: 20, order: 'desc' })
    expect(filtersKey({ ...DEFAULT_FILTERS, order: 'desc' })).not.toBe(filtersKey(DEFAULT_FILTERS))
    // choosing the order a status has anyway is the same list
    expect(filtersKey({ ...DEFAULT_FILTERS, order: 'asc' })).toBe(filtersKey(DEFAULT_FILTERS))
  })
})
