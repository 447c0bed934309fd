import { Logger } from '@aws-lambda-powertools/logger'

/** One structured logger for all functions. Never log a raw ID number, phone, card or password. */
export const log = new Logger({ serviceName: 'gjj', logLevel: process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'INFO' })
