import { removeArchiveFile } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { removeFile } from '../services/applications'

export const handler = endpoint(removeArchiveFile, (input, ctx) => removeFile(ctx.caller, input.id, input.fileId))
