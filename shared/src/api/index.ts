import * as account from './account'
import * as admin from './admin'
import * as application from './application'
import * as auth from './auth'
import * as bankCard from './bank-card'
import * as documentAdmin from './document-admin'
import * as documents from './documents'
import * as loan from './loan'
import * as loanBusiness from './loan-business'
import * as news from './news'
import * as outlet from './outlet'
import * as privacy from './privacy'
import * as profile from './profile'
import * as publishing from './publishing'
import * as staffAccounts from './staff-accounts'
import * as system from './system'
import * as withdrawal from './withdrawal'

/**
 * Every operation of the API, keyed by its name (key === op.name). serverless.yml, the handler
 * files, the api client and the contract tests all iterate this one object. It holds only what
 * exists: an operation enters here in the change that adds its handler and its serverless.yml
 * function (scripts/contract.test.ts fails otherwise). Designed-but-unbuilt ones are in `planned`.
 */
export const operations = {
  health: system.health,
  listCenters: system.listCenters,

  login: auth.login,
  startFirstLoginVerification: auth.startFirstLoginVerification,
  completeFirstLoginVerification: auth.completeFirstLoginVerification,
  logout: auth.logout,
  me: auth.me,
  startPasswordReset: auth.startPasswordReset,
  sendPasswordResetCode: auth.sendPasswordResetCode,
  startPasswordResetFace: auth.startPasswordResetFace,
  resetPassword: auth.resetPassword,

  getAccount: account.getAccount,
  listDepositHistory: account.listDepositHistory,
  getAnnualStatement: documents.getAnnualStatement,
  issueDocument: documents.issueDocument,
  verifyDocument: documents.verifyDocument,

  getLoan: loan.getLoan,
  listRepayments: loan.listRepayments,
  listRepaymentPlan: loan.listRepaymentPlan,
  listOverdue: loan.listOverdue,

  listLoanBusinesses: loanBusiness.listLoanBusinesses,
  getPrepayQuote: loanBusiness.getPrepayQuote,
  getSettleQuote: loanBusiness.getSettleQuote,

  getProfile: profile.getProfile,
  sendSmsCode: profile.sendSmsCode,
  changePhone: profile.changePhone,
  changePassword: profile.changePassword,
  changeHotlinePassword: profile.changeHotlinePassword,

  listBankCards: bankCard.listBankCards,
  addBankCard: bankCard.addBankCard,

  listWithdrawalKinds: withdrawal.listWithdrawalKinds,
  getWithdrawalQuote: withdrawal.getWithdrawalQuote,

  createApplication: application.createApplication,
  updateApplication: application.updateApplication,
  requestUploadUrl: application.requestUploadUrl,
  removeArchiveFile: application.removeArchiveFile,
  submitApplication: application.submitApplication,
  listMyApplications: application.listMyApplications,
  listTodo: application.listTodo,
  getApplication: application.getApplication,
  endApplication: application.endApplication,

  staffLogin: admin.staffLogin,
  staffLogout: admin.staffLogout,
  staffMe: admin.staffMe,
  listReviewQueue: admin.listReviewQueue,
  getReviewDetail: admin.getReviewDetail,
  approveApplication: admin.approveApplication,
  returnApplication: admin.returnApplication,
  changeStaffPassword: staffAccounts.changeStaffPassword,
  listStaff: staffAccounts.listStaff,
  createStaff: staffAccounts.createStaff,
  disableStaff: staffAccounts.disableStaff,
  enableStaff: staffAccounts.enableStaff,
  resetStaffPassword: staffAccounts.resetStaffPassword,
  listStaffAudit: staffAccounts.listStaffAudit,
  getStaffDocument: documentAdmin.getStaffDocument,
  revokeDocument: documentAdmin.revokeDocument,

  listNews: news.listNews,
  getNews: news.getNews,
  listOutlets: outlet.listOutlets,
  getOutlet: outlet.getOutlet,
  acceptPrivacy: privacy.acceptPrivacy,
  withdrawPrivacy: privacy.withdrawPrivacy,

  listStaffNews: publishing.listStaffNews,
  getStaffNews: publishing.getStaffNews,
  createNews: publishing.createNews,
  updateNews: publishing.updateNews,
  publishNews: publishing.publishNews,
  unpublishNews: publishing.unpublishNews,
  deleteNews: publishing.deleteNews,
  previewNews: publishing.previewNews,
  requestNewsImageUpload: publishing.requestNewsImageUpload,
  addNewsImage: publishing.addNewsImage,
  listStaffOutlets: publishing.listStaffOutlets,
  upsertOutlet: publishing.upsertOutlet,
  deleteOutlet: publishing.deleteOutlet,
} as const

export type Operations = typeof operations
export type OperationName = keyof Operations
