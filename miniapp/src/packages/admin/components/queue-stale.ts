/**
 * Set when a review action changed an application, so the queue reloads when it shows again
 * (the acted-on application has left 待审批) and keeps its place otherwise.
 */
let stale = false

export function markQueueStale() {
  stale = true
}

/** whether the queue must reload; clears the mark */
export function takeQueueStale(): boolean {
  const was = stale
  stale = false
  return was
}
