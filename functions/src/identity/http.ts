import { ProviderUnavailable } from './verifier'

export const DEFAULT_TIMEOUT_MS = 5_000

export interface VendorResponse {
  status: number
  text: string
}

/**
 * One HTTP exchange with a vendor, headers and body both inside the deadline. Network failures and
 * timeouts become ProviderUnavailable. The URL (it may carry an app secret) and the request body
 * (it may carry an ID number) are never put into the error.
 */
export async function exchange(
  vendor: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<VendorResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(url, { ...init, signal: controller.signal })
    const text = await res.text()
    return { status: res.status, text }
  } catch (error) {
    if (controller.signal.aborted) throw new ProviderUnavailable(`${vendor}: no answer within ${timeoutMs} ms`)
    throw new ProviderUnavailable(`${vendor}: request failed (${causeCode(error)})`)
  } finally {
    clearTimeout(timer)
  }
}

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; name?: unknown } } | null)?.cause
  const code = cause?.code ?? cause?.name ?? (error as { name?: unknown } | null)?.name
  return typeof code === 'string' ? code : 'unknown'
}

/** a vendor's own error text, with any long digit run (an ID number, a phone) blanked before it reaches a log */
export function redact(text: unknown): string {
  return String(text ?? '')
    .slice(0, 200)
    .replace(/\d{6,}[\dXx]?/g, '***')
}
