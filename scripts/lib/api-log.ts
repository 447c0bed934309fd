/**
 * The API's output under `npm start`: serverless-offline's own lines and the functions' log lines
 * (Powertools JSON, one per line). All of it goes to a log file; the warnings and errors are also
 * shown at the console, one line each, so a developer sees why a request failed.
 */

const LEVELS: Record<string, 'WARN' | 'ERROR'> = { WARN: 'WARN', ERROR: 'ERROR', CRITICAL: 'ERROR' }

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
const ANSI = /\u001b\[[0-9;]*m/g

const firstLine = (text: unknown) => String(text ?? '').split('\n')[0] as string

interface LogItem {
  level?: unknown
  message?: unknown
  operation?: unknown
  error?: string | { name?: unknown; message?: unknown; location?: unknown }
}

/**
 * The console line for one line of the API's output, or undefined when it is neither a warning
 * nor an error: `ERROR listDepositHistory: the answer fails the contract at items.0.balanceFen
 * (too_small)`. A function's error line names its operation and, for an exception, its name,
 * first message line and where it was thrown.
 */
export function problemLine(raw: string): string | undefined {
  const line = raw.replace(ANSI, '').trimEnd()
  if (line.startsWith('{')) {
    let item: LogItem
    try {
      item = JSON.parse(line) as LogItem
    } catch {
      return undefined
    }
    const level = LEVELS[String(item.level)]
    if (!level) return undefined
    const message = firstLine(item.message)
    const operation = typeof item.operation === 'string' && !message.includes(item.operation) ? item.operation : ''
    const e = item.error
    const error =
      typeof e === 'string'
        ? ` — ${firstLine(e)}`
        : e && typeof e === 'object'
          ? ` — ${firstLine(e.name)}: ${firstLine(e.message)}${e.location ? ` (${e.location})` : ''}`
          : ''
    return `${level} ${operation ? `${operation}: ` : ''}${message}${error}`
  }
  // serverless-offline's own: "✖ message" (× without colours) and "Warning: message"
  const offline = /^\s*(✖|×)\s+(.*)$/.exec(line)
  if (offline) return `ERROR ${offline[2]}`
  if (/^\s*Warning:\s/.test(line)) return `WARN ${line.trim().replace(/^Warning:\s+/, '')}`
  // Node's own process warnings: "(node:123) SomeWarning: ..."
  const node = /^\(node:\d+\) (\w*Warning: .*)$/.exec(line)
  if (node) return `WARN ${node[1]}`
  return undefined
}

/** cuts a stream of chunks into lines; `end()` hands over an unfinished last line */
export function lineSplitter(onLine: (line: string) => void): { write(chunk: string): void; end(): void } {
  let rest = ''
  return {
    write(chunk) {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const l of lines) onLine(l)
    },
    end() {
      if (rest) onLine(rest)
      rest = ''
    },
  }
}
