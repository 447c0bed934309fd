import * as admin from '@gjj/shared/api/admin'
import * as documentAdmin from '@gjj/shared/api/document-admin'
import * as publishing from '@gjj/shared/api/publishing'
import * as staffAccounts from '@gjj/shared/api/staff-accounts'
import { apiOf, tokenStore } from '../../../api/client'
import { operationsOf } from '../../../api/operations'
import { adminUrl } from './console-urls'

/** a reviewer's session token, kept apart from any depositor session */
export const staffSession = tokenStore('gjj.staffSession')

/**
 * The console's own client: the /api/admin/ operations (审批 and 信息发布), with the reviewer's session; an ended
 * session goes to the console's login. It lives here, so only the H5 build (the one the console is
 * built into) holds it.
 */
/** every /api/admin/ operation: review (admin), publishing (news, outlets), staff accounts and audit, 证明作废 */
export const consoleOperations = {
  ...operationsOf(admin),
  ...operationsOf(publishing),
  ...operationsOf(staffAccounts),
  ...operationsOf(documentAdmin),
}

export const staffApi = apiOf(consoleOperations, { store: staffSession, loginPage: adminUrl.login() })
