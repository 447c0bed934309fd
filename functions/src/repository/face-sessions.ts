import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { FaceSession, FaceSessionStore } from '../identity/wechat'
import { db, table } from './client'

/**
 * A started WeChat face verification, shared by the start and the result functions:
 * pk FACE#<verifyId>, sk FACE; `expiresAt` is its TTL (and is checked on read).
 */
export const dynamoFaceSessions: FaceSessionStore = {
  async put(verifyId: string, session: FaceSession) {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { pk: `FACE#${verifyId}`, sk: 'FACE', entity: 'FaceSession', ...session },
      }),
    )
  },
  async get(verifyId: string) {
    const out = await db.send(new GetCommand({ TableName: table, Key: { pk: `FACE#${verifyId}`, sk: 'FACE' } }))
    const s = out.Item as (FaceSession & { pk?: string }) | undefined
    if (!s || s.expiresAt <= Date.now() / 1000) return undefined
    const { outSeqNo, openid, certHash, idNumberHash, expiresAt } = s
    return { outSeqNo, openid, certHash, idNumberHash, expiresAt }
  },
}
