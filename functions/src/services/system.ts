import type { Center } from '@gjj/shared/api/system'
import * as centers from '../repository/centers'

export async function listCenters(): Promise<Center[]> {
  const all = await centers.listCenters()
  return all
    .map(({ region: _region, policy: _policy, ...center }) => center)
    .sort((a, b) => a.code.localeCompare(b.code))
}
