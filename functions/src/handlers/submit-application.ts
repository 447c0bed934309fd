import { submitApplication } from '@gjj/shared/api/application'
import { endpoint } from '../endpoint'
import { submit } from '../services/applications'

export const handler = endpoint.readingSession(submitApplication, (input, ctx) => submit(ctx.token, input))
