import { nowIso, today } from '../lib/clock'
import { hashPassword } from '../lib/password'
import { putAccountWithLedger } from '../repository/accounts'
import { putBankCard } from '../repository/bank-cards'
import { putCenters } from '../repository/centers'
import { createDepositor } from '../repository/depositors'
import { putLoanWithRecords } from '../repository/loans'
import { hasMarker, putMarker } from '../repository/meta'
import { createStaff } from '../repository/staff'
import { demoCenters } from './centers'
import {
  DEMO_HOTLINE_PASSWORD,
  DEMO_PASSWORD,
  DEMO_STAFF_PASSWORD,
  demoAccount,
  demoBankCard,
  demoDepositor,
  demoLoan,
  demoPeople,
  demoStaff,
} from './demo'

/**
 * Writes the demo data on the first start only (a META marker records that it was done, so a
 * second start keeps whatever the people using the local stack changed). Returns whether it wrote.
 */
export async function seedDemoData(): Promise<boolean> {
  if (await hasMarker('SEED#demo')) return false
  const on = today()
  const at = nowIso()
  await putCenters(demoCenters)
  const [password, hotline, staffPassword] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    hashPassword(DEMO_HOTLINE_PASSWORD),
    hashPassword(DEMO_STAFF_PASSWORD),
  ])
  for (const s of demoStaff) {
    await createStaff({ ...s, role: 'reviewer', passwordHash: staffPassword, createdAt: at })
  }
  for (const person of demoPeople) {
    await createDepositor(demoDepositor(person, { password, hotline }, at))
    await putBankCard(person.depositorId, demoBankCard(person, at))
    const { account, ledger } = demoAccount(person, on)
    await putAccountWithLedger(account, ledger)
    if (person.loan) {
      const { loan, repayments, overdue } = demoLoan(person, person.loan, on)
      await putLoanWithRecords(loan, repayments, overdue)
    }
  }
  await putMarker('SEED#demo', at)
  return true
}
