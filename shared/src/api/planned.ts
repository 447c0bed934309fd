import * as profile from './profile'

/**
 * Operations drafted for the coming issues (修改手机号码/密码, 贷款业务试算) but
 * not built: no handler, no serverless.yml function, no `api.*` method. They are kept out of
 * `operations` (DESIGN §8: the contract holds only what exists), so a page cannot call an operation
 * that would only answer 404. An operation moves from here into `operations` in the same change
 * that adds its handler and route; scripts/contract.test.ts fails while it is in both or has a
 * handler while still planned. The shared tests still check these drafts' shapes and messages.
 */
export const planned = {
  sendSmsCode: profile.sendSmsCode,
  changePhone: profile.changePhone,
  changePassword: profile.changePassword,
  changeHotlinePassword: profile.changeHotlinePassword,
} as const
