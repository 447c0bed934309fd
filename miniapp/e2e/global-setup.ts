import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { root } from '../../scripts/lib/resources'
import { freePort } from '../../scripts/lib/services'
import { startStack } from '../../scripts/lib/stack'

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-'))
  const ports = {
    dynamo: await freePort(),
    s3: await freePort(),
    api: await freePort(),
    lambda: await freePort(),
    web: await freePort(),
  }
  const stack = await startStack({
    dataDir: dir,
    dynamoInMemory: true,
    ports,
    webDir: join(dir, 'h5'),
    log: (l) => console.log(`[stack] ${l}`),
    // kept after the run (the data directory is not), for a failed test's API side
    apiLogFile: join(root, 'test-results', 'e2e-api.log'),
    onApiProblem: (l) => console.error(`[API] ${l}`),
  })
  project.provide('e2e', {
    webUrl: stack.webUrl,
    apiUrl: stack.apiUrl,
    smsOutboxFile: stack.smsOutboxFile,
    // for tests that make their own people in the stack's table (security.e2e.ts) and start the
    // scheduled jobs (npm run deduct, a Lambda Invoke)
    dynamoUrl: stack.dynamoUrl,
    lambdaUrl: stack.lambdaUrl,
    s3Url: stack.s3Url,
    tableName: stack.tableName,
    bucketName: stack.bucketName,
  })
  return async () => {
    await stack.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      webUrl: string
      apiUrl: string
      smsOutboxFile: string
      dynamoUrl: string
      lambdaUrl: string
      s3Url: string
      tableName: string
      bucketName: string
    }
  }
}
