import { putCenters } from '../repository/centers'
import { hasMarker, putMarker } from '../repository/meta'
import { demoCenters } from './centers'

/**
 * Writes the demo data on the first start only (a META marker records that it was done, so a
 * second start keeps whatever the people using the local stack changed). Returns whether it wrote.
 */
export async function seedDemoData(): Promise<boolean> {
  if (await hasMarker('SEED#demo')) return false
  await putCenters(demoCenters)
  await putMarker('SEED#demo', new Date().toISOString())
  return true
}
