import { verifyDocument } from '@gjj/shared/api/documents'
import { endpoint } from '../endpoint'
import { verify } from '../services/document-verify'

export const handler = endpoint(verifyDocument, (input, ctx) => verify(input, ctx.sourceIp))
