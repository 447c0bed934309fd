import { type ConsoleOperations, consoleRoutes } from '@gjj/shared/api/console-routes'
import { apiOf, tokenStore } from '../../../api/client'
import { adminUrl } from './console-urls'

/** a reviewer's session token, kept apart from any depositor session */
export const staffSession = tokenStore('gjj.staffSession')

/**
 * The console's own client: every /api/admin/ operation (审批, 信息发布, staff accounts and audit,
 * 证明作废), with the reviewer's session; an ended session goes to the console's login. It lives
 * here, so only the H5 build (the one the console is built into) holds it.
 */
export const staffApi = apiOf<ConsoleOperations>(consoleRoutes, { store: staffSession, loginPage: adminUrl.login() })
