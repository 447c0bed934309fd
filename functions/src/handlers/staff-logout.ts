import { staffLogout } from '@gjj/shared/api/admin'
import { endpoint } from '../endpoint'
import { closeSession } from '../services/sessions'

export const handler = endpoint(staffLogout, async (_input, ctx) => {
  await closeSession(ctx.caller, ctx.token as string)
  return { ok: true as const }
})
