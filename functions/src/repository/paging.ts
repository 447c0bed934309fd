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
