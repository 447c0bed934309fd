import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './lib/resources'
import { siteChecks, type Template } from './lib/site-checks'

/**
 * Checks the CloudFormation template `npm run package` produced: the table, the private bucket,
 * every function on nodejs22.x, IAM limited to that table and bucket, logs kept ≥ 180 days, and the
 * static site (lib/site-checks.ts: private bucket, HTTPS-only CloudFront, security headers, CORS).
 */
type Resource = { Type: string; Properties: Record<string, unknown> }
const template = JSON.parse(
  readFileSync(join(root, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
) as { Resources: Record<string, Resource> }
const resources = Object.entries(template.Resources)
const failures: string[] = []
const check = (ok: unknown, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const table = template.Resources.Table?.Properties as Record<string, never> | undefined
check(table, 'a DynamoDB table')
if (table) {
  check(table.BillingMode === 'PAY_PER_REQUEST', 'table billing PAY_PER_REQUEST')
  check(
    (table.GlobalSecondaryIndexes as { IndexName: string }[] | undefined)?.some((i) => i.IndexName === 'gsi1'),
    'table has gsi1',
  )
  const ttl = table.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined
  check(ttl?.AttributeName === 'expiresAt' && ttl.Enabled, 'TTL on expiresAt')
  check(
    (table.PointInTimeRecoverySpecification as { PointInTimeRecoveryEnabled: boolean } | undefined)
      ?.PointInTimeRecoveryEnabled,
    'point-in-time recovery',
  )
}

const bucket = template.Resources.Bucket?.Properties as Record<string, never> | undefined
check(bucket, 'an S3 bucket')
if (bucket) {
  const block = bucket.PublicAccessBlockConfiguration as Record<string, boolean> | undefined
  check(
    block &&
      ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every((k) => block[k]),
    'bucket blocks all public access',
  )
  const cors = (bucket.CorsConfiguration as { CorsRules: { AllowedMethods: string[] }[] } | undefined)?.CorsRules
  check(
    cors?.some((r) => r.AllowedMethods.includes('POST')),
    'bucket CORS allows browser uploads (POST)',
  )
  const rules = (
    bucket.LifecycleConfiguration as
      | { Rules: { Prefix?: string; ExpirationInDays?: number; Status: string }[] }
      | undefined
  )?.Rules
  check(
    rules?.some((r) => r.Status === 'Enabled' && r.Prefix === 'uploads/' && (r.ExpirationInDays ?? 0) > 0),
    'lifecycle rule removes unattached uploads',
  )
}

const functions = resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function')
check(functions.length > 0, `${functions.length} Lambda functions`)
for (const [name, fn] of functions) check(fn.Properties.Runtime === 'nodejs22.x', `${name} runs on nodejs22.x`)

const logGroups = resources.filter(([, r]) => r.Type === 'AWS::Logs::LogGroup')
for (const [name, lg] of logGroups) {
  check(Number(lg.Properties.RetentionInDays) >= 180, `${name} keeps logs ≥ 180 days`)
}

const role = template.Resources.IamRoleLambdaExecution?.Properties as
  | { Policies: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown[] }[] } }[] }
  | undefined
const statements = role?.Policies.flatMap((p) => p.PolicyDocument.Statement) ?? []
for (const s of statements) {
  const actions = [s.Action].flat()
  if (!actions.some((a) => a.startsWith('dynamodb:') || a.startsWith('s3:'))) continue
  const text = JSON.stringify(s.Resource)
  const scoped = !text.includes('"*"') && (text.includes('"Table"') || text.includes('"Bucket"'))
  check(scoped, `IAM ${actions.join(',')} limited to the table/bucket`)
}
check(
  !JSON.stringify(statements).includes('"dynamodb:*"') && !JSON.stringify(statements).includes('"s3:*"'),
  'no wildcard actions',
)

for (const c of siteChecks(template as Template)) check(c.ok, c.what)

if (failures.length) {
  console.error(`template check failed: ${failures.length}`)
  process.exit(1)
}
console.log('template check passed')
