import { Logger } from '@aws-lambda-powertools/logger'

const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const

/**
 * One structured logger for all functions (level from LOG_LEVEL, INFO by default). Never log a raw
 * ID number, phone, card or password.
 */
export const log = new Logger({
  serviceName: 'gjj',
  logLevel: LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? 'INFO',
})
