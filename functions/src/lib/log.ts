import { nowIso } from './clock'

const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const
type Level = (typeof LEVELS)[number]

const threshold = LEVELS.indexOf(LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? 'INFO')

/** an Error as a log field: its name, message and stack (JSON.stringify alone gives `{}`) */
function plain(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
}

function write(level: Level, message: string, extra: Record<string, unknown> = {}) {
  if (LEVELS.indexOf(level) < threshold) return
  const fields = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, plain(v)]))
  const line = JSON.stringify({ level, message, timestamp: nowIso(), service: 'gjj', ...fields })
  // straight to the streams (as Powertools did), one line each: Lambda sends both to CloudWatch
  ;(level === 'ERROR' || level === 'WARN' ? process.stderr : process.stdout).write(`${line}\n`)
}

/**
 * One structured logger for all functions: one JSON line per event (level, message, timestamp,
 * service and the fields given), level from LOG_LEVEL, INFO by default. It replaced Powertools'
 * Logger, which weighed 21 KB in every bundle for the same lines (issue 14, decision 67). Never log
 * a raw ID number, phone, card or password.
 */
export const log = {
  debug: (message: string, extra?: Record<string, unknown>) => write('DEBUG', message, extra),
  info: (message: string, extra?: Record<string, unknown>) => write('INFO', message, extra),
  warn: (message: string, extra?: Record<string, unknown>) => write('WARN', message, extra),
  error: (message: string, extra?: Record<string, unknown>) => write('ERROR', message, extra),
}
