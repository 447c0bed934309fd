import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { S3Client } from '@aws-sdk/client-s3'
import { root } from '../scripts/lib/resources'
import { buildH5 } from '../scripts/lib/web-build'
import { uploadSite } from './files'

/**
 * Builds the H5 app (and its console entry) for a deployed API and uploads it to the site bucket:
 * `tsx site/publish.ts --bucket gjj-prod-site --api https://…execute-api… --region cn-northwest-1`.
 * Run by site/serverless-plugin.cjs after `serverless deploy`, with the deploying machine's AWS
 * credentials. Pages carry Cache-Control: no-cache, so no CloudFront invalidation is needed.
 */
const { values } = parseArgs({
  options: { bucket: { type: 'string' }, api: { type: 'string' }, region: { type: 'string' } },
})
if (!values.bucket || !values.api) {
  console.error('usage: tsx site/publish.ts --bucket <site bucket> --api <API URL> [--region <region>]')
  process.exit(1)
}
const outDir = join(root, '.serverless', 'site')
const built = await buildH5({ apiUrl: values.api.replace(/\/$/, ''), outDir })
const s3 = new S3Client({
  region: values.region ?? process.env.AWS_REGION,
  requestChecksumCalculation: 'WHEN_REQUIRED',
})
const count = await uploadSite(s3, values.bucket, outDir)
console.log(`static site ${built === 'built' ? 'built' : 'unchanged'}, ${count} objects uploaded to ${values.bucket}`)
