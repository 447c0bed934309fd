import { listLoanBusinesses } from '@gjj/shared/api/loan-business'
import { endpoint } from '../endpoint'
import { listLoanBusinesses as list } from '../services/loan-business'

export const handler = endpoint(listLoanBusinesses, (_input, ctx) => list(ctx.caller))
