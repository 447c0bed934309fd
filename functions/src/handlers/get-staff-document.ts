import { getStaffDocument } from '@gjj/shared/api/document-admin'
import { endpoint } from '../endpoint'
import { lookup } from '../services/document-admin'

export const handler = endpoint(getStaffDocument, (input, ctx) => lookup(ctx.caller, input.number))
