import { getAnnualStatement } from '@gjj/shared/api/documents'
import { endpoint } from '../endpoint'
import { annualStatement } from '../services/annual-statement'

export const handler = endpoint(getAnnualStatement, (input, ctx) => annualStatement(ctx.caller, input))
