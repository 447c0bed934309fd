import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { db, table } from './client'

/** Markers of one-off jobs (pk META, sk <name>), e.g. that the demo data has been written. */
export const markerKey = (name: string) => ({ pk: 'META', sk: name })

export async function hasMarker(name: string): Promise<boolean> {
  const out = await db.send(new GetCommand({ TableName: table, Key: markerKey(name) }))
  return Boolean(out.Item)
}

export async function putMarker(name: string, at: string): Promise<void> {
  await db.send(new PutCommand({ TableName: table, Item: { ...markerKey(name), entity: 'Marker', at } }))
}
