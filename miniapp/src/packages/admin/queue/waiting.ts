/** 等待时长 since the submission: 3天5小时, 2小时10分, 5分钟 */
export function waitingFor(submittedAt: string | null, nowMs = Date.now()): string {
  if (!submittedAt) return '—'
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(submittedAt)) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${minutes % 60}分`
  return `${minutes}分钟`
}
