// Generated from the contract by `npm run routes` (scripts/lib/routes.ts); do not edit.
// the review console’s operations (/api/admin/), H5 only
import type { Route } from './contract'
import type { operations } from './index'

export const consoleRoutes = {
  staffLogin: { method: 'POST', path: '/api/admin/login', audience: 'public' },
  staffLogout: { method: 'POST', path: '/api/admin/logout', audience: 'staff' },
  staffMe: { method: 'GET', path: '/api/admin/me', audience: 'staff' },
  listReviewQueue: { method: 'GET', path: '/api/admin/applications', audience: 'staff' },
  getReviewDetail: { method: 'GET', path: '/api/admin/applications/{id}', audience: 'staff' },
  approveApplication: { method: 'POST', path: '/api/admin/applications/{id}/approve', audience: 'staff' },
  returnApplication: { method: 'POST', path: '/api/admin/applications/{id}/return', audience: 'staff' },
  changeStaffPassword: { method: 'POST', path: '/api/admin/password', audience: 'staff' },
  listStaff: { method: 'GET', path: '/api/admin/staff', audience: 'staff' },
  createStaff: { method: 'POST', path: '/api/admin/staff', audience: 'staff' },
  disableStaff: { method: 'POST', path: '/api/admin/staff/{id}/disable', audience: 'staff' },
  enableStaff: { method: 'POST', path: '/api/admin/staff/{id}/enable', audience: 'staff' },
  resetStaffPassword: { method: 'POST', path: '/api/admin/staff/{id}/password', audience: 'staff' },
  listStaffAudit: { method: 'GET', path: '/api/admin/audit', audience: 'staff' },
  getStaffDocument: { method: 'GET', path: '/api/admin/documents/{number}', audience: 'staff' },
  revokeDocument: { method: 'POST', path: '/api/admin/documents/{number}/revoke', audience: 'staff' },
  listStaffNews: { method: 'GET', path: '/api/admin/news', audience: 'staff' },
  getStaffNews: { method: 'GET', path: '/api/admin/news/{id}', audience: 'staff' },
  createNews: { method: 'POST', path: '/api/admin/news', audience: 'staff' },
  updateNews: { method: 'PUT', path: '/api/admin/news/{id}', audience: 'staff' },
  publishNews: { method: 'POST', path: '/api/admin/news/{id}/publish', audience: 'staff' },
  unpublishNews: { method: 'POST', path: '/api/admin/news/{id}/unpublish', audience: 'staff' },
  deleteNews: { method: 'DELETE', path: '/api/admin/news/{id}', audience: 'staff' },
  previewNews: { method: 'POST', path: '/api/admin/news-preview', audience: 'staff' },
  requestNewsImageUpload: { method: 'POST', path: '/api/admin/news-images', audience: 'staff' },
  addNewsImage: { method: 'POST', path: '/api/admin/news-images/added', audience: 'staff' },
  listStaffOutlets: { method: 'GET', path: '/api/admin/outlets', audience: 'staff' },
  upsertOutlet: { method: 'POST', path: '/api/admin/outlets', audience: 'staff' },
  deleteOutlet: { method: 'DELETE', path: '/api/admin/outlets/{id}', audience: 'staff' },
} as const satisfies Record<string, Route>

/** the contract's operation of each route, for the client's types */
export type ConsoleOperations = {
  [K in keyof typeof consoleRoutes]: (typeof operations)[K]
}
