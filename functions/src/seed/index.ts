import { nowIso, today } from '../lib/clock'
import { hashPassword } from '../lib/password'
import { putAccountWithLedger } from '../repository/accounts'
import { auditPut } from '../repository/audit'
import { putBankCard } from '../repository/bank-cards'
import { putCenters } from '../repository/centers'
import { createDepositor } from '../repository/depositors'
import { putLoanWithRecords } from '../repository/loans'
import { hasMarker, putMarker } from '../repository/meta'
import { writeNews } from '../repository/news'
import { putOutlets } from '../repository/outlets'
import { createStaff } from '../repository/staff'
import { NEWS_IMAGE_PREFIX, REGION_SOURCE } from '../services/news'
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
import { demoNews, demoOutlets, demoPublishers } from './info'

/**
 * Writes the demo data on the first start only (META markers record what was done, so a second
 * start keeps whatever the people using the local stack changed): the people and accounts
 * (SEED#demo), then the news, outlets and publishing staff (SEED#info, added in issue 10, so a
 * stack seeded before gets them on its next start). Returns whether it wrote anything.
 */
export async function seedDemoData(): Promise<boolean> {
  const people = await seedPeople()
  const info = await seedInfo()
  return people || info
}

async function seedPeople(): Promise<boolean> {
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

async function seedInfo(): Promise<boolean> {
  if (await hasMarker('SEED#info')) return false
  const at = nowIso()
  const staffPassword = await hashPassword(DEMO_STAFF_PASSWORD)
  for (const s of demoPublishers) {
    await createStaff({ ...s, role: s.roles[0] ?? 'publisher', passwordHash: staffPassword, createdAt: at })
  }
  for (const n of demoNews(at, REGION_SOURCE, NEWS_IMAGE_PREFIX)) {
    const audit = auditPut({
      at,
      id: `SEED-${n.id}`,
      actor: 'SEED',
      action: 'news.seed',
      target: `NEWS#${n.id}`,
      detail: {},
    })
    await writeNews(null, n, audit)
  }
  await putOutlets(demoOutlets(at))
  await putMarker('SEED#info', at)
  return true
}
