import { requestUploadUrl } from '@gjj/shared/api/application'
import { endpoint } from '../lib/http'
import { requestUpload } from '../services/applications'

export const handler = endpoint(requestUploadUrl, (input, ctx) => requestUpload(ctx.caller, input))
