import { revokeDocument } from '@gjj/shared/api/document-admin'
import { endpoint } from '../endpoint'
import { revoke } from '../services/document-admin'

export const handler = endpoint(revokeDocument, (input, ctx) => revoke(ctx.caller, input.number, input.reason))
