import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { FaceSession, FaceSessionStore } from '../identity/wechat'
import { db, table } from './client'
import type { StoredItem } from './transaction'

/**
 * A started WeChat face verification, shared by the start and the result functions:
 * pk FACE#<verifyId>, sk FACE; `expiresAt` is its TTL (and is checked on read).
 */
export const faceSessionKey = (verifyId: string) => ({ pk: `FACE#${verifyId}`, sk: 'FACE' })

export function faceSessionFromItem(i: StoredItem): FaceSession {
  return {
    outSeqNo: i.outSeqNo as string,
    openid: i.openid as string,
    certHash: i.certHash as string,
    idNumberHash: i.idNumberHash as string,
    expiresAt: i.expiresAt as number,
  }
}

export const dynamoFaceSessions: FaceSessionStore = {
  async put(verifyId: string, session: FaceSession) {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...faceSessionKey(verifyId), entity: 'FaceSession', ...session },
      }),
    )
  },
  async get(verifyId: string) {
    const out = await db.send(new GetCommand({ TableName: table, Key: faceSessionKey(verifyId) }))
    const s = out.Item ? faceSessionFromItem(out.Item) : undefined
    return s && s.expiresAt > Date.now() / 1000 ? s : undefined
  },
}
