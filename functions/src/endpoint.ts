import { createEndpoint } from './lib/http'
import { authenticate } from './services/sessions'

/**
 * The `endpoint` every handler uses: lib/http.ts's boundary, wired here to the session service.
 * lib/http.ts itself imports nothing above lib; this is the one place the two meet.
 */
export const endpoint = createEndpoint({ authenticate })
