import { createHash, randomBytes } from 'node:crypto'

/** an opaque random token for the client (256 bits, base64url) */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** what is stored instead of a token: a leaked table does not yield usable tokens */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** a short random id for items (applications, ledger entries) */
export function newId(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(6).toString('hex')}`
}
