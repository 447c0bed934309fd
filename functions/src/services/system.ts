import type { Center } from '@gjj/shared/api/system'
import { config } from '../lib/config'
import * as centers from '../repository/centers'
import { tableReachable } from '../repository/health'
import { bucket, bucketReachable } from '../storage'

export async function health() {
  const [tableOk, bucketOk] = await Promise.all([tableReachable(), bucketReachable()])
  return {
    status: tableOk && bucketOk ? ('ok' as const) : ('degraded' as const),
    stage: config.stage,
    table: { name: config.tableName, reachable: tableOk },
    bucket: { name: bucket, reachable: bucketOk },
  }
}

export async function listCenters(): Promise<Center[]> {
  const all = await centers.listCenters()
  return all
    .map(({ region: _region, policy: _policy, ...center }) => center)
    .sort((a, b) => a.code.localeCompare(b.code))
}
