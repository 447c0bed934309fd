import { join } from 'node:path'
import { createBucket, createTable, localCredentials, localNames, root } from './resources'
import { type Running, serveWeb, startApi, startDynamo, startS3 } from './services'
import { buildH5 } from './web-build'

export interface StackOptions {
  /** where DynamoDB Local and s3rver keep data; DynamoDB runs in memory when `dynamoInMemory` */
  dataDir: string
  dynamoInMemory?: boolean
  ports: { dynamo: number; s3: number; api: number; lambda: number; web: number }
  /** where the H5 build goes */
  webDir?: string
  seed?: boolean
  log?: (line: string) => void
  /** where the API's whole output goes (appended); default `<dataDir>/api.log` */
  apiLogFile?: string
  /** each warning and error of the API, as one line */
  onApiProblem?: (line: string) => void
  /** where the local SMS adapter writes the codes it "sends"; default `<dataDir>/sms-outbox.jsonl` */
  smsOutboxFile?: string
}

export interface Stack {
  apiUrl: string
  /** serverless-offline's Lambda API (Invoke), where the scheduled jobs can be started by hand */
  lambdaUrl: string
  webUrl: string
  dynamoUrl: string
  s3Url: string
  /** the API's whole log */
  apiLogFile: string
  /** the local SMS adapter's outbox (one JSON line per message, functions/src/sms/local.ts) */
  smsOutboxFile: string
  tableName: string
  bucketName: string
  seeded: boolean
  stop(): Promise<void>
}

/**
 * The environment of a command run against the stack `npm start` is running (npm run deduct,
 * npm run create-admin): its table and bucket on the ports DYNAMODB_PORT / S3_PORT (8000, 4569).
 */
export function runningStackEnv() {
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
  const { tableName, bucketName } = localNames()
  return localEnv(
    `http://127.0.0.1:${port('DYNAMODB_PORT', 8000)}`,
    `http://127.0.0.1:${port('S3_PORT', 4569)}`,
    tableName,
    bucketName,
  )
}

/** the environment the functions read (functions/src/lib/config.ts), for the local stage */
export function localEnv(
  dynamoUrl: string,
  s3Url: string,
  tableName: string,
  bucketName: string,
  smsOutboxFile?: string,
) {
  return {
    ...(smsOutboxFile ? { SMS_OUTBOX_FILE: smsOutboxFile } : {}),
    STAGE: 'local',
    TABLE_NAME: tableName,
    BUCKET_NAME: bucketName,
    DYNAMODB_ENDPOINT: dynamoUrl,
    S3_ENDPOINT: s3Url,
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
}

/**
 * Starts the whole system on this machine: DynamoDB Local, s3rver, the table and bucket from
 * serverless.yml, demo data (first start only), the API through serverless-offline (its whole log
 * in `apiLogFile`, its warnings and errors to `onApiProblem`), and the H5 build served as static
 * files. `stop()` ends every part in reverse order.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => {})
  const running: Running[] = []
  const stop = async () => {
    for (const part of running.reverse()) await part.stop().catch(() => {})
  }
  try {
    const dynamo = await startDynamo(
      opts.ports.dynamo,
      opts.dynamoInMemory ? undefined : join(opts.dataDir, 'dynamodb'),
    )
    running.push(dynamo)
    log(`DynamoDB Local  ${dynamo.url}`)
    const s3 = await startS3(opts.ports.s3, join(opts.dataDir, 's3'))
    running.push(s3)
    log(`S3 (s3rver)     ${s3.url}`)

    const tableName = await createTable(dynamo.url)
    const bucketName = await createBucket(s3.url)
    const smsOutboxFile = opts.smsOutboxFile ?? join(opts.dataDir, 'sms-outbox.jsonl')
    const env = localEnv(dynamo.url, s3.url, tableName, bucketName, smsOutboxFile)
    Object.assign(process.env, env)

    let seeded = false
    if (opts.seed !== false) {
      // imported only now: the functions read their configuration at import
      const { seedDemoData } = await import('../../functions/src/seed/index')
      seeded = await seedDemoData()
      log(seeded ? '演示数据已写入' : '演示数据已存在，保留原有数据')
    }

    const apiUrl = `http://127.0.0.1:${opts.ports.api}`
    const webDir = opts.webDir ?? join(root, 'miniapp', 'dist', 'h5')
    const apiLogFile = opts.apiLogFile ?? join(opts.dataDir, 'api.log')
    const [api, built] = await Promise.all([
      startApi({
        port: opts.ports.api,
        lambdaPort: opts.ports.lambda,
        // the deduction job invokes itself through serverless-offline's Lambda API (decision 59)
        env: {
          ...env,
          LAMBDA_ENDPOINT: `http://127.0.0.1:${opts.ports.lambda}`,
          // 电子证明 QR codes lead to this stack's own H5 verification page
          WEB_BASE_URL: `http://127.0.0.1:${opts.ports.web}/`,
        },
        logFile: apiLogFile,
        onProblem: opts.onApiProblem,
      }),
      buildH5({ apiUrl, outDir: webDir, log }),
    ])
    running.push(api)
    log(`API             ${api.url}   (H5 ${built === 'built' ? '已构建' : '无改动，沿用上次构建'})`)
    const web = await serveWeb(opts.ports.web, webDir, { api: [api.url], archive: [s3.url] })
    running.push(web)

    return {
      apiUrl: api.url,
      lambdaUrl: `http://127.0.0.1:${opts.ports.lambda}`,
      webUrl: web.url,
      dynamoUrl: dynamo.url,
      s3Url: s3.url,
      apiLogFile,
      smsOutboxFile,
      tableName,
      bucketName,
      seeded,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
