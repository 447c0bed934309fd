import { logout } from '@gjj/shared/api/auth'
import { endpoint } from '../endpoint'
import { closeSession } from '../services/sessions'

export const handler = endpoint(logout, async (_input, ctx) => {
  await closeSession(ctx.caller, ctx.token as string)
  return { ok: true as const }
})
