// Generated from the contract by `npm run routes` (scripts/lib/routes.ts); do not edit.
// every operation outside /api/admin/: what the WeChat and Alipay mini-programs call
import type { Route } from './contract'
import type { operations } from './index'

export const routes = {
  health: { method: 'GET', path: '/api/health', audience: 'public' },
  listCenters: { method: 'GET', path: '/api/centers', audience: 'public' },
  login: { method: 'POST', path: '/api/auth/login', audience: 'public' },
  startFirstLoginVerification: { method: 'POST', path: '/api/auth/first-login-verification', audience: 'public' },
  completeFirstLoginVerification: {
    method: 'POST',
    path: '/api/auth/first-login-verification/complete',
    audience: 'public',
  },
  logout: { method: 'POST', path: '/api/auth/logout', audience: 'depositor' },
  me: { method: 'GET', path: '/api/me', audience: 'depositor' },
  startPasswordReset: { method: 'POST', path: '/api/auth/password-reset', audience: 'public' },
  sendPasswordResetCode: { method: 'POST', path: '/api/auth/password-reset/sms-code', audience: 'public' },
  startPasswordResetFace: { method: 'POST', path: '/api/auth/password-reset/face', audience: 'public' },
  resetPassword: { method: 'POST', path: '/api/auth/password-reset/complete', audience: 'public' },
  getAccount: { method: 'GET', path: '/api/account', audience: 'depositor' },
  listDepositHistory: { method: 'GET', path: '/api/account/history', audience: 'depositor' },
  getAnnualStatement: { method: 'GET', path: '/api/account/annual-statement', audience: 'depositor' },
  issueDocument: { method: 'POST', path: '/api/documents', audience: 'depositor' },
  verifyDocument: { method: 'GET', path: '/api/documents/verify', audience: 'public' },
  getLoan: { method: 'GET', path: '/api/loan', audience: 'depositor' },
  listRepayments: { method: 'GET', path: '/api/loan/repayments', audience: 'depositor' },
  listRepaymentPlan: { method: 'GET', path: '/api/loan/plan', audience: 'depositor' },
  listOverdue: { method: 'GET', path: '/api/loan/overdue', audience: 'depositor' },
  listLoanBusinesses: { method: 'GET', path: '/api/loan-businesses', audience: 'depositor' },
  getPrepayQuote: { method: 'GET', path: '/api/loan/prepay-quote', audience: 'depositor' },
  getSettleQuote: { method: 'GET', path: '/api/loan/settle-quote', audience: 'depositor' },
  getProfile: { method: 'GET', path: '/api/profile', audience: 'depositor' },
  sendSmsCode: { method: 'POST', path: '/api/sms-codes', audience: 'depositor' },
  changePhone: { method: 'PUT', path: '/api/profile/phone', audience: 'depositor' },
  changePassword: { method: 'PUT', path: '/api/profile/password', audience: 'depositor' },
  changeHotlinePassword: { method: 'PUT', path: '/api/profile/hotline-password', audience: 'depositor' },
  listBankCards: { method: 'GET', path: '/api/bank-cards', audience: 'depositor' },
  addBankCard: { method: 'POST', path: '/api/bank-cards', audience: 'depositor' },
  listWithdrawalKinds: { method: 'GET', path: '/api/withdrawal-kinds', audience: 'depositor' },
  getWithdrawalQuote: { method: 'GET', path: '/api/withdrawal-kinds/{kind}/quote', audience: 'depositor' },
  createApplication: { method: 'POST', path: '/api/applications', audience: 'depositor' },
  updateApplication: { method: 'PUT', path: '/api/applications/{id}', audience: 'depositor' },
  requestUploadUrl: { method: 'POST', path: '/api/applications/{id}/files', audience: 'depositor' },
  removeArchiveFile: { method: 'DELETE', path: '/api/applications/{id}/files/{fileId}', audience: 'depositor' },
  submitApplication: { method: 'POST', path: '/api/applications/{id}/submit', audience: 'depositor' },
  listMyApplications: { method: 'GET', path: '/api/applications', audience: 'depositor' },
  listTodo: { method: 'GET', path: '/api/todos', audience: 'depositor' },
  getApplication: { method: 'GET', path: '/api/applications/{id}', audience: 'depositor' },
  endApplication: { method: 'POST', path: '/api/applications/{id}/end', audience: 'depositor' },
  listNews: { method: 'GET', path: '/api/news', audience: 'public' },
  getNews: { method: 'GET', path: '/api/news/{id}', audience: 'public' },
  listOutlets: { method: 'GET', path: '/api/outlets', audience: 'public' },
  getOutlet: { method: 'GET', path: '/api/outlets/{id}', audience: 'public' },
  acceptPrivacy: { method: 'POST', path: '/api/privacy/accept', audience: 'depositor' },
  withdrawPrivacy: { method: 'POST', path: '/api/privacy/withdraw', audience: 'depositor' },
} as const satisfies Record<string, Route>

/** the contract's operation of each route, for the client's types */
export type RouteOperations = {
  [K in keyof typeof routes]: (typeof operations)[K]
}
