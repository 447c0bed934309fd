import { acceptPrivacy } from '@gjj/shared/api/privacy'
import { endpoint } from '../endpoint'
import * as privacy from '../services/privacy'

export const handler = endpoint(acceptPrivacy, (input, ctx) => privacy.accept(ctx.caller, input.version))
