import type { StaffRole } from '@gjj/shared/api/publishing'

/**
 * The pages of the review console subpackage (app.config.ts: packages/admin), and which of them a
 * staff member's roles open. No Taro here, so the rules are tested as plain logic (console-urls.test.ts).
 */
const ROOT = '/packages/admin'
const DETAIL = `${ROOT}/detail/index`

export const adminUrl = {
  login: (redirect?: string) => `${ROOT}/login/index${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`,
  queue: () => `${ROOT}/queue/index`,
  detail: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}`,
  news: () => `${ROOT}/news/index`,
  /** 编辑 an article, or 新建 without an id (`region` for a 自治区 notice) */
  newsEdit: (id?: string, region = false) =>
    `${ROOT}/news-edit/index${id ? `?id=${encodeURIComponent(id)}` : region ? '?region=1' : ''}`,
  outlets: () => `${ROOT}/outlets/index`,
  outletEdit: (id?: string) => `${ROOT}/outlet-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  /** 账号管理 and 操作日志 (center admin, issue 13) */
  staff: () => `${ROOT}/staff/index`,
  audit: () => `${ROOT}/audit/index`,
  /** 修改密码: any staff member; the only page open while a password set by an admin is unchanged */
  password: () => `${ROOT}/password/index`,
  /** 证明作废 (reviewers; decision 81) */
  documents: () => `${ROOT}/documents/index`,
}

/**
 * what a staff member may open: 审批 and 证明作废 for reviewers, 新闻/网点 for publishers, 自治区通知 for the
 * region's admin, 账号管理/操作日志 for a center admin
 */
export type ConsoleSection = 'queue' | 'documents' | 'news' | 'outlets' | 'staff' | 'audit'
export function sectionsFor(roles: readonly StaffRole[]): ConsoleSection[] {
  const out: ConsoleSection[] = []
  if (roles.includes('reviewer')) out.push('queue', 'documents')
  if (roles.includes('publisher') || roles.includes('regionAdmin')) out.push('news')
  if (roles.includes('publisher')) out.push('outlets')
  if (roles.includes('centerAdmin')) out.push('staff', 'audit')
  return out
}

/** the first page a staff member's roles open: the queue for reviewers, else 新闻管理 */
export function homeFor(roles: readonly StaffRole[]): string {
  const first = sectionsFor(roles)[0] ?? 'queue'
  return adminUrl[first]()
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Where to go after signing in: the page named by `redirect` when it is a page of the console
 * (the API client sends an expired reviewer here with the page they were on), else the first
 * section the roles open (homeFor).
 * A review without its id (the H5 build's page stack carries no query) is the queue too. A password
 * set by an admin is changed first (修改密码).
 */
export function afterLogin(
  redirect: string | undefined,
  roles: readonly StaffRole[] = ['reviewer'],
  mustChangePassword = false,
): string {
  if (mustChangePassword) return adminUrl.password()
  const target = redirect ? decoded(redirect) : ''
  const inConsole = target.startsWith(`${ROOT}/`) && !target.startsWith(`${ROOT}/login/`)
  const idLess = target.startsWith(DETAIL) && !/[?&]id=[^&]/.test(target)
  return inConsole && !idLess ? target : homeFor(roles)
}
