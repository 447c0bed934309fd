import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createBucket, createTable } from '../../scripts/lib/resources'
import { freePort, startDynamo, startS3 } from '../../scripts/lib/services'

/**
 * Integration tests run the handlers against a real DynamoDB Local (in memory) and s3rver, started
 * once per test run on free ports, with the table and bucket of serverless.yml.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-test-'))
  const dynamo = await startDynamo(await freePort())
  const s3 = await startS3(await freePort(), join(dir, 's3'))
  const tableName = await createTable(dynamo.url)
  const bucketName = await createBucket(s3.url)
  const smsOutboxFile = join(dir, 'sms-outbox.jsonl')
  project.provide('stack', { dynamoUrl: dynamo.url, s3Url: s3.url, tableName, bucketName, smsOutboxFile })
  return async () => {
    await s3.stop()
    await dynamo.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { dynamoUrl: string; s3Url: string; tableName: string; bucketName: string; smsOutboxFile: string }
  }
}
