import { DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import { dynamo, table } from './client'

export async function tableReachable(): Promise<boolean> {
  try {
    const out = await dynamo.send(new DescribeTableCommand({ TableName: table }))
    return out.Table?.TableStatus === 'ACTIVE'
  } catch {
    return false
  }
}
