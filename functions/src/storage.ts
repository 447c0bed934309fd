import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { config } from './lib/config'

/**
 * The only S3 client. Only this file imports the S3 SDK. Archive files are uploaded by the
 * client straight to `uploads/<application>/<file>` with a presigned POST whose policy fixes the
 * key, the content type and the size range; on submit they are copied to `archives/...`, and a
 * lifecycle rule removes uploads that were never attached.
 */
export const s3 = new S3Client({
  region: config.region,
  // real S3 rejects presigned PUT/POST that carry a checksum the browser cannot compute
  requestChecksumCalculation: 'WHEN_REQUIRED',
  ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true } : {}),
})

export const bucket = config.bucketName

export const UPLOAD_EXPIRES_SECONDS = 5 * 60
export const VIEW_EXPIRES_SECONDS = 5 * 60

export async function bucketReachable(): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }))
    return true
  } catch {
    return false
  }
}

export async function presignUpload(key: string, contentType: string, maxBytes: number) {
  return createPresignedPost(s3, {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: UPLOAD_EXPIRES_SECONDS,
  })
}

/** size and type of an uploaded object, or undefined when it is not there */
export async function headObject(key: string): Promise<{ size: number; contentType: string } | undefined> {
  try {
    const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? '' }
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined
    throw error
  }
}

/** the first `bytes` bytes of an object (a file's signature), or undefined when it is not there */
export async function readObjectStart(key: string, bytes: number): Promise<Uint8Array | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${bytes - 1}` }))
    const body = (await out.Body?.transformToByteArray()) ?? new Uint8Array()
    // a server that ignores Range answers the whole object
    return body.slice(0, bytes)
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined
    throw error
  }
}

/** a whole object's bytes (news images, ≤ 2 MB), or undefined when it is not there */
export async function readObject(key: string): Promise<Uint8Array | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    return (await out.Body?.transformToByteArray()) ?? new Uint8Array()
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined
    throw error
  }
}

/** writes an object the system made itself (a cover's thumbnail) */
export async function putObject(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }))
}

/** the public address of an object under `public/` (news covers): config.publicBaseUrl + key */
export function publicUrl(key: string): string {
  if (!key.startsWith('public/')) throw new Error(`not a public object: ${key}`)
  return `${config.publicBaseUrl}${key}`
}

export async function copyObject(from: string, to: string): Promise<void> {
  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${from}`, Key: to }))
}

export async function deleteObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
}

export async function presignView(key: string): Promise<string> {
  // signed on the clock the SDK signs its own requests with: when S3 has answered RequestTimeTooSkewed,
  // the client keeps the offset, and a URL signed on the uncorrected clock would be expired (or not
  // yet valid) for S3
  const signingDate = new Date(Date.now() + (s3.config.systemClockOffset ?? 0))
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: VIEW_EXPIRES_SECONDS,
    signingDate,
  })
}
