import { requestUploadUrl } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { requestUpload } from '../services/applications'

export const handler = endpoint(requestUploadUrl, (input, ctx) => requestUpload(ctx.caller, input))
