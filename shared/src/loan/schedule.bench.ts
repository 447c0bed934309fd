import { bench, describe } from 'vitest'
import { buildCombinedSchedule, buildSchedule, type LoanTerms } from './schedule'

// A 360-month schedule must take well under 1 ms.
// Run: npx vitest bench --project unit --run shared/src/loan/schedule.bench.ts
const loan = (method: LoanTerms['method']): LoanTerms => ({
  principalFen: 100_000_000,
  annualRatePpm: 49_000,
  months: 360,
  method,
})

describe('a 360-month schedule', () => {
  bench('等额本息, calculator', () => {
    buildSchedule(loan('equalInstallment'), 'calculator')
  })
  bench('等额本息, contract', () => {
    buildSchedule(loan('equalInstallment'), 'contract')
  })
  bench('等额本金, calculator', () => {
    buildSchedule(loan('equalPrincipal'), 'calculator')
  })
  bench('等额本息 with due dates, contract', () => {
    buildSchedule({ ...loan('equalInstallment'), firstDueDate: '2025-06-20' }, 'contract')
  })
  bench('组合贷款, calculator', () => {
    buildCombinedSchedule({
      fund: { ...loan('equalInstallment'), annualRatePpm: 26_000 },
      commercial: { ...loan('equalInstallment'), annualRatePpm: 35_000 },
    })
  })
})
