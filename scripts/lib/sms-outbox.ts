import { existsSync, readFileSync, statSync } from 'node:fs'

/**
 * The local SMS adapter's outbox (functions/src/sms/local.ts): one JSON line per message. `npm start`
 * follows it to print each code at its console; browser tests read the latest code for a phone.
 */
export interface OutboxMessage {
  at: string
  to: string
  phoneMasked: string
  purpose: string
  code: string
  text: string
}

export function readOutbox(file: string): OutboxMessage[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as OutboxMessage)
}

/** calls `onMessage` for every message appended to `file` from now on; returns a stop function */
export function followOutbox(file: string, onMessage: (m: OutboxMessage) => void, everyMs = 500): () => void {
  let seen = existsSync(file) ? statSync(file).size : 0
  const timer = setInterval(() => {
    if (!existsSync(file)) return
    const size = statSync(file).size
    if (size <= seen) return
    const text = readFileSync(file).subarray(seen, size).toString('utf8')
    const complete = text.lastIndexOf('\n') + 1
    seen += Buffer.byteLength(text.slice(0, complete))
    for (const line of text.slice(0, complete).split('\n')) {
      if (line.trim()) onMessage(JSON.parse(line) as OutboxMessage)
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
