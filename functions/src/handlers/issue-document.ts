import { issueDocument } from '@gjj/shared/api/documents'
import { endpoint } from '../endpoint'
import { issue } from '../services/documents'

export const handler = endpoint(issueDocument, (input, ctx) => issue(ctx.caller, input))
