import type { ApplicationKind } from '@gjj/shared/catalog'
import type { ApplicationState } from '@gjj/shared/workflow'

/**
 * The queue's filters. The contract's status filter has no "all": without a status the server
 * answers 待审批, so the console offers the three states a reviewer's queue holds.
 */
export const QUEUE_STATUSES = ['submitted', 'returned', 'approved'] as const satisfies readonly ApplicationState[]
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

export interface QueueFilters {
  status: QueueStatus
  kind?: ApplicationKind
  /** submitted date range, 'YYYY-MM-DD' */
  from?: string
  to?: string
  /** 姓名 or 个人账号 */
  q: string
  /** by submission time; absent: the status's own order (待审批 oldest first, the others newest first) */
  order?: 'asc' | 'desc'
}

/** the order the list is in: the chosen one, else the status's own */
export const orderOf = (f: QueueFilters) => f.order ?? (f.status === 'submitted' ? 'asc' : 'desc')

export const DEFAULT_FILTERS: QueueFilters = { status: 'submitted', q: '' }

/** the query of listReviewQueue for the filters and a page */
export function queueQuery(f: QueueFilters, cursor?: string) {
  return {
    status: f.status,
    limit: 20,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.from ? { submittedFrom: f.from } : {}),
    ...(f.to ? { submittedTo: f.to } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.order ? { order: f.order } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

/** a stable key of the filters: the list starts again when it changes */
export const filtersKey = (f: QueueFilters) =>
  [f.status, f.kind ?? '', f.from ?? '', f.to ?? '', f.q.trim(), orderOf(f)].join('|')

export const hasNarrowing = (f: QueueFilters) => Boolean(f.kind || f.from || f.to || f.q.trim())
