import { withdrawPrivacy } from '@gjj/shared/api/privacy'
import { endpoint } from '../endpoint'
import * as privacy from '../services/privacy'

export const handler = endpoint(withdrawPrivacy, (_input, ctx) => privacy.withdraw(ctx.caller))
