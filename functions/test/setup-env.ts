import { inject } from 'vitest'
import { localEnv } from '../../scripts/lib/stack'

// The functions read their configuration at import: set it before any test file imports them.
const stack = inject('stack')
Object.assign(
  process.env,
  localEnv(stack.dynamoUrl, stack.s3Url, stack.tableName, stack.bucketName, stack.smsOutboxFile),
)
