/**
 * Every environment variable the functions read, read once at import. A missing one fails fast
 * with its name, so a misconfigured deployment stops at cold start instead of at the first request.
 */
function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`Missing environment variable ${name}`)
  return value
}

function optional(name: string): string | undefined {
  return process.env[name] || undefined
}

const stage = required('STAGE')
const dynamodbEndpoint = optional('DYNAMODB_ENDPOINT')
const s3Endpoint = optional('S3_ENDPOINT')
/** serverless-offline's Lambda API, where a job invokes itself on the local stage */
const lambdaEndpoint = optional('LAMBDA_ENDPOINT')

// Local endpoints (DynamoDB Local, s3rver) are only accepted on the local stage: a deployed stage
// that was handed one by mistake must not silently write people's data somewhere else.
if (stage !== 'local' && (dynamodbEndpoint || s3Endpoint || lambdaEndpoint)) {
  throw new Error(
    `DYNAMODB_ENDPOINT / S3_ENDPOINT / LAMBDA_ENDPOINT are only allowed on the local stage, not on ${stage}`,
  )
}

const identityProvider = optional('IDENTITY_PROVIDER') ?? (stage === 'local' ? 'local' : 'real')
if (identityProvider !== 'local' && identityProvider !== 'real') {
  throw new Error(`IDENTITY_PROVIDER must be local or real, not ${identityProvider}`)
}

/** vendor keys come from the deployment's secret parameters; the verifier names any that is missing */
const alipayAppId = optional('ALIPAY_APP_ID')
const wechatAppId = optional('WECHAT_APP_ID')

// SMS codes (functions/src/sms): `local` writes them to an outbox file that `npm start` prints; it
// and its file exist on the local stage only (decision 49). `aliyun` takes its keys from the
// deploying machine's environment (serverless.yml), never from the repository.
const smsProvider = optional('SMS_PROVIDER') ?? (stage === 'local' ? 'local' : 'aliyun')
if (smsProvider !== 'local' && smsProvider !== 'aliyun') {
  throw new Error(`SMS_PROVIDER must be local or aliyun, not ${smsProvider}`)
}
const smsOutboxFile = optional('SMS_OUTBOX_FILE')
if (stage !== 'local' && smsOutboxFile) {
  throw new Error(`SMS_OUTBOX_FILE is only allowed on the local stage, not on ${stage}`)
}

const bucketName = required('BUCKET_NAME')
const region = optional('AWS_REGION') ?? 'cn-northwest-1'

/**
 * Where objects under the bucket's `public/` folder are served from (news covers): a folder URL
 * ending in '/'. Local: s3rver, path style. Deployed: PUBLIC_BASE_URL (a CDN in front of the
 * bucket's public/ folder), or the bucket's own regional address by default. News bodies and
 * covers may only show images under `<publicBaseUrl>public/news/` (the sanitizer's image prefix).
 */
const publicBaseUrl =
  optional('PUBLIC_BASE_URL') ??
  (s3Endpoint
    ? `${s3Endpoint.replace(/\/+$/, '')}/${bucketName}/`
    : `https://${bucketName}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`)
if (!/^https?:\/\/[^/]+\/(?:[^?#]*\/)?$/.test(publicBaseUrl)) {
  throw new Error(`PUBLIC_BASE_URL must be an http(s) folder URL ending in '/': ${publicBaseUrl}`)
}

/** the H5 app's address (a folder URL ending in '/'): 电子证明's QR codes lead to its verification page */
const webBaseUrl = optional('WEB_BASE_URL') ?? 'https://gjj.example.gov.cn/'

export const config = {
  stage,
  isLocal: stage === 'local',
  region,
  tableName: required('TABLE_NAME'),
  bucketName,
  publicBaseUrl,
  webBaseUrl: webBaseUrl.endsWith('/') ? webBaseUrl : `${webBaseUrl}/`,
  dynamodbEndpoint,
  s3Endpoint,
  lambdaEndpoint,
  sms: {
    provider: smsProvider as 'local' | 'aliyun',
    outboxFile: smsOutboxFile,
    aliyun: {
      accessKeyId: optional('SMS_ACCESS_KEY_ID'),
      accessKeySecret: optional('SMS_ACCESS_KEY_SECRET'),
      signName: optional('SMS_SIGN_NAME'),
      templates: {
        changePhone: optional('SMS_TEMPLATE_CHANGE_PHONE'),
        resetPassword: optional('SMS_TEMPLATE_RESET_PASSWORD'),
      },
      endpoint: optional('SMS_ENDPOINT'),
    },
  },
  identity: {
    provider: identityProvider as 'local' | 'real',
    alipay: alipayAppId
      ? {
          appId: alipayAppId,
          privateKey: optional('ALIPAY_PRIVATE_KEY') ?? '',
          alipayPublicKey: optional('ALIPAY_PUBLIC_KEY') ?? '',
          ...(optional('ALIPAY_GATEWAY') ? { gateway: optional('ALIPAY_GATEWAY') as string } : {}),
        }
      : undefined,
    wechat: wechatAppId
      ? {
          appId: wechatAppId,
          appSecret: optional('WECHAT_APP_SECRET') ?? '',
          ...(optional('WECHAT_API_BASE') ? { baseUrl: optional('WECHAT_API_BASE') as string } : {}),
        }
      : undefined,
  },
} as const
