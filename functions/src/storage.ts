import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { config } from './lib/config'

/** The only S3 client. Only this file imports the S3 SDK. */
export const s3 = new S3Client({
  region: config.region,
  // real S3 rejects presigned PUT/POST that carry a checksum the browser cannot compute
  requestChecksumCalculation: 'WHEN_REQUIRED',
  ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true } : {}),
})

export const bucket = config.bucketName

export async function bucketReachable(): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }))
    return true
  } catch {
    return false
  }
}
