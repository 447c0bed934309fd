import { beforeAll, describe, expect, it } from 'vitest'
import { buildBundles, kb } from './lib/bundles'

/**
 * What each Lambda bundle may carry (issue 14, decision 67): sizes are deterministic, so they are
 * asserted here; times are only printed by `npm run bench`. Every function is built with
 * serverless.yml's esbuild options beside its floor (the SDK clients it cannot do without).
 */

/**
 * the ceiling over the floor, for every function; the goal is 1.15 (decisions 67 and 87 say where
 * it stands). The staff news desk carries the rich-text sanitizer and the image upload policy on
 * top (requestNewsImageUpload 1.53× at decision 87).
 */
const MAX_RATIO = 1.55
/** the hot depositor path is held tighter: at decision 87 (zod/mini, the contract's unused schemas
 * left out) getAccount 1.129×, submitApplication 1.199×, approveApplication 1.192× */
const HOT: Record<string, number> = { getAccount: 1.14, submitApplication: 1.2, approveApplication: 1.2 }
/** functions whose job needs a library the floor has not: issueDocument renders the PDF (pdfkit with
 * fontkit, qrcode ≈ 1.2 MB, decision 73) */
const OWN_CEILING: Record<string, number> = { issueDocument: 4.4 }

/** the functions that touch the archive bucket and may carry the S3 client */
const S3_FUNCTIONS = [
  'health',
  'createApplication',
  'updateApplication',
  'requestUploadUrl',
  'removeArchiveFile',
  'submitApplication',
  'getApplication',
  'listMyApplications',
  'listTodo',
  'endApplication',
  'getReviewDetail',
  'listReviewQueue',
  'approveApplication',
  'returnApplication',
  'listStaffNews',
  'getStaffNews',
  'createNews',
  'updateNews',
  'previewNews',
  'publishNews',
  'unpublishNews',
  'deleteNews',
  'addNewsImage',
  'requestNewsImageUpload',
  'issueDocument',
].sort()

/** the functions that talk to an identity vendor (WeChat, Alipay) or the SMS vendor */
const VENDOR_FUNCTIONS = [
  'startFirstLoginVerification',
  'completeFirstLoginVerification',
  'startPasswordReset',
  'sendPasswordResetCode',
  'startPasswordResetFace',
  'resetPassword',
  'sendSmsCode',
  'changePhone',
  'changePassword',
  'changeHotlinePassword',
].sort()

let built: Awaited<ReturnType<typeof buildBundles>>
beforeAll(async () => {
  built = await buildBundles()
}, 120_000)

describe('Lambda bundles', () => {
  it('every function stays within its ceiling over its floor', () => {
    const over = built.functions
      .filter((f) => f.ratio > (HOT[f.name] ?? OWN_CEILING[f.name] ?? MAX_RATIO))
      .map((f) => `${f.name} ${kb(f.bytes)} = ${f.ratio.toFixed(2)}× its ${f.floor} floor`)
    expect(over).toEqual([])
  })

  it('only the functions that touch the bucket carry the S3 client', () => {
    expect(
      built.functions
        .filter((f) => f.usesS3)
        .map((f) => f.name)
        .sort(),
    ).toEqual(S3_FUNCTIONS)
  })

  it('only the functions that talk to a vendor carry its code', () => {
    expect(
      built.functions
        .filter((f) => f.vendorCode.length > 0)
        .map((f) => f.name)
        .sort(),
    ).toEqual(VENDOR_FUNCTIONS)
  })

  it("no function carries an SDK's whole client (every command of the service)", () => {
    // a dynamic import() on the way made esbuild keep all of lib-dynamodb and client-dynamodb: the
    // staff functions were 1.34× their floor with it, 1.20× without (decision 87)
    expect(built.functions.filter((f) => f.wholeClients.length > 0).map((f) => `${f.name}: ${f.wholeClients}`)).toEqual(
      [],
    )
  })

  it('a floor is what it claims: the S3 floor holds S3, the DynamoDB floor does not', () => {
    expect(built.floors['dynamodb+s3'].usesS3).toBe(true)
    expect(built.floors.dynamodb.usesS3).toBe(false)
  })
})
