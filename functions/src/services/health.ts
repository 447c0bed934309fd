import { config } from '../lib/config'
import { tableReachable } from '../repository/health'
import { bucket, bucketReachable } from '../storage'

/** the health check: the table and the bucket reachable (its own module, so listCenters carries no S3 client) */
export async function health() {
  const [tableOk, bucketOk] = await Promise.all([tableReachable(), bucketReachable()])
  return {
    status: tableOk && bucketOk ? ('ok' as const) : ('degraded' as const),
    stage: config.stage,
    table: { name: config.tableName, reachable: tableOk },
    bucket: { name: bucket, reachable: bucketOk },
  }
}
