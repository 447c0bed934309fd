import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { config } from '../lib/config'

/**
 * The only importer of the Lambda SDK: a job hands work to a new invocation of itself (fan-out per
 * shard, continuation of a shard), asynchronously (InvocationType Event: Lambda queues the event and
 * retries it twice on a failure). The job's role may invoke only its own function (serverless.yml).
 */
let client: LambdaClient | undefined

export async function invokeSelf(event: unknown): Promise<void> {
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME
  if (!name) throw new Error('invokeSelf runs only inside Lambda (AWS_LAMBDA_FUNCTION_NAME is not set)')
  // locally: serverless-offline's Lambda API (it runs Event invocations too)
  client ??= new LambdaClient({
    region: config.region,
    ...(config.lambdaEndpoint ? { endpoint: config.lambdaEndpoint } : {}),
  })
  await client.send(
    new InvokeCommand({
      FunctionName: name,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  )
}
