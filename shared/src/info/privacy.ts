/**
 * 隐私声明 of 手机公积金: its version, the summary a person agrees to and the consent rule. The
 * statement's whole text is privacy-statement.ts, kept apart so that only the 隐私声明 page
 * carries it (the summary is on the mini-program's main package, decision 86). Versioned: a person
 * who agreed to an older version is asked again (`needsConsent`). Change the text → change
 * PRIVACY_VERSION.
 */

export const PRIVACY_VERSION = '2026-12-01'

/** shown with 【同意】/【不同意】 on first open and after an update (at most 300 characters) */
export const privacySummary =
  '欢迎使用手机公积金。为办理您的住房公积金业务，我们需要使用您的姓名、身份证号码和手机号码；在新设备上首次登录时，通过微信或支付宝确认是您本人（我们不接收人脸图像）；办理业务时使用您上传的档案材料和银行卡号。位置信息只在按距离查找服务网点时使用，不保存。您的信息只提供给您的公积金中心，以及为确认身份提供给腾讯或支付宝。详见《隐私声明》。点【同意】开始使用；点【不同意】将不能使用手机公积金，您可以到服务网点办理业务。'

export const PRIVACY_SUMMARY_MAX_CHARS = 300

/** whether the person must be asked (again): never agreed, or agreed to an older version */
export function needsConsent(acceptedVersion: string | null | undefined): boolean {
  return !acceptedVersion || acceptedVersion < PRIVACY_VERSION
}
