import { approveApplication } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { approve } from '../services/applications'

export const handler = endpoint.readingSession(approveApplication, (input, ctx) =>
  approve(ctx.token, input.id, input.opinion),
)
