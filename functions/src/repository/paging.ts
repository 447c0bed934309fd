import { ValidationFailed } from '../lib/errors'

/**
 * Paging cursors are the DynamoDB LastEvaluatedKey, base64url-encoded. A cursor is only accepted
 * for the partition it came from, so a forged cursor cannot reach another person's items.
 */
export type Key = Record<string, unknown>

export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null
}

export function decodeCursor(cursor: string | undefined, pk: string): Key | undefined {
  if (!cursor) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Key
    if (
      key &&
      typeof key === 'object' &&
      key.pk === pk &&
      typeof key.sk === 'string' &&
      Object.keys(key).length === 2
    ) {
      return key
    }
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ path: ['cursor'], message: '分页参数无效，请刷新后重试' }])
}

/** a gsi1 cursor, accepted only for the index partition it came from */
export function decodeIndexCursor(cursor: string | undefined, gsi1pk: string): Key | undefined {
  if (!cursor) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Key
    const names = Object.keys(key).sort().join(',')
    if (
      key.gsi1pk === gsi1pk &&
      names === 'gsi1pk,gsi1sk,pk,sk' &&
      Object.values(key).every((v) => typeof v === 'string')
    ) {
      return key
    }
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ path: ['cursor'], message: '分页参数无效，请刷新后重试' }])
}
