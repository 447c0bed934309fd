import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { type CORSRule, CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3'
import { parse } from 'yaml'

/**
 * The table and bucket of the local stack come from serverless.yml's own `resources`, so there is
 * one definition of them, not two. Only the `${self:service}` / `${sls:stage}` / `${param:webOrigin}`
 * variables these resources use are resolved here.
 */
export const root = join(import.meta.dirname, '..', '..')

interface CfnResource {
  Type: string
  Properties: Record<string, unknown>
}

export function readServerless(stage: string) {
  const doc = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')) as {
    service: string
    resources: { Resources: Record<string, CfnResource> }
  }
  const variables: Record<string, string> = { 'self:service': doc.service, 'sls:stage': stage, 'param:webOrigin': '*' }
  const resolve = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replace(/\$\{([\w:]+)\}/g, (whole, name: string) => variables[name] ?? whole)) as T
  const table = resolve(doc.resources.Resources.Table)
  const bucket = resolve(doc.resources.Resources.Bucket)
  if (table?.Type !== 'AWS::DynamoDB::Table' || bucket?.Type !== 'AWS::S3::Bucket') {
    throw new Error('serverless.yml must define resources Table (DynamoDB) and Bucket (S3)')
  }
  return { service: doc.service, table, bucket }
}

export function localNames(stage = 'local') {
  const { table, bucket } = readServerless(stage)
  return { tableName: table.Properties.TableName as string, bucketName: bucket.Properties.BucketName as string }
}

export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export async function createTable(endpoint: string, stage = 'local'): Promise<string> {
  const p = readServerless(stage).table.Properties as Record<string, never> & { TableName: string }
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials })
  const input: CreateTableCommandInput = {
    TableName: p.TableName,
    BillingMode: p.BillingMode,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
  }
  try {
    await client.send(new CreateTableCommand(input))
    const ttl = p.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined
    if (ttl) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: p.TableName, TimeToLiveSpecification: ttl }))
    }
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error
    await addMissingIndexes(client, input)
  } finally {
    client.destroy()
  }
  return p.TableName
}

/**
 * A table kept from an earlier start (.data/) gets the indexes serverless.yml added since (gsi2, the
 * deduction index of issue 12), one UpdateTable each, as CloudFormation does on deploy.
 */
async function addMissingIndexes(client: DynamoDBClient, input: CreateTableCommandInput) {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: input.TableName }))
  const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName))
  const missing = (input.GlobalSecondaryIndexes ?? []).filter((i: GlobalSecondaryIndex) => !have.has(i.IndexName))
  for (const index of missing) {
    const used = new Set(index.KeySchema?.map((k) => k.AttributeName))
    await client.send(
      new UpdateTableCommand({
        TableName: input.TableName,
        AttributeDefinitions: input.AttributeDefinitions?.filter((a) => used.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    )
  }
}

export async function createBucket(endpoint: string, stage = 'local'): Promise<string> {
  const p = readServerless(stage).bucket.Properties as {
    BucketName: string
    CorsConfiguration?: { CorsRules: CORSRule[] }
  }
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: localCredentials })
  try {
    await client.send(new CreateBucketCommand({ Bucket: p.BucketName }))
  } catch (error) {
    const name = (error as Error).name
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error
  }
  if (p.CorsConfiguration) {
    await client.send(
      new PutBucketCorsCommand({
        Bucket: p.BucketName,
        CORSConfiguration: { CORSRules: p.CorsConfiguration.CorsRules },
      }),
    )
  }
  client.destroy()
  return p.BucketName
}
