import { maskIdNumber } from '@gjj/shared/validation'
import { nowIso, today } from '../lib/clock'
import { hashPassword } from '../lib/password'
import { putAccountWithLedger } from '../repository/accounts'
import { putApplication, recordEvent } from '../repository/applications'
import { auditPut } from '../repository/audit'
import { putBankCard } from '../repository/bank-cards'
import { listCenters, putCenters } from '../repository/centers'
import { createDepositor } from '../repository/depositors'
import { putLoanWithRecords } from '../repository/loans'
import { hasMarker, putMarker } from '../repository/meta'
import { writeNews } from '../repository/news'
import { putOutlets } from '../repository/outlets'
import { recountQueue } from '../repository/queue'
import { createStaff } from '../repository/staff'
import { transact } from '../repository/transaction'
import { NEWS_IMAGE_PREFIX, REGION_SOURCE } from '../services/news'
import { demoCenters } from './centers'
import {
  DEMO_HOTLINE_PASSWORD,
  DEMO_PASSWORD,
  DEMO_STAFF_PASSWORD,
  demoAccount,
  demoAdmins,
  demoBankCard,
  demoDepositor,
  demoLoan,
  demoOnlineWithdrawal,
  demoPeople,
  demoStaff,
  idNumberOf,
} from './demo'
import { demoNews, demoOutlets, demoPublishers } from './info'

/**
 * Writes the demo data on the first start only (META markers record what was done, so a second
 * start keeps whatever the people using the local stack changed): the people and accounts
 * (SEED#demo), the people with a loan signed for 按月委托提取 (SEED#deduction, added in issue 12),
 * then the news, outlets and publishing staff (SEED#info, added in issue 10): a stack seeded before
 * either gets them on its next start. Returns whether it wrote anything.
 */
export async function seedDemoData(): Promise<boolean> {
  const fresh = !(await hasMarker('SEED#demo'))
  const counted = await seedQueueCounts(fresh)
  const people = await seedPeople()
  const signed = await seedSignedLoans()
  const info = await seedInfo()
  const admins = await seedAdmins()
  return people || signed || info || admins || counted
}

/**
 * The queue's counters (added in issue 13: marker SEED#queue-counts): a table from before has
 * queue entries without counters, so each center's are counted once; a fresh table needs nothing.
 */
async function seedQueueCounts(fresh: boolean): Promise<boolean> {
  if (await hasMarker('SEED#queue-counts')) return false
  if (!fresh) for (const c of await listCenters()) await recountQueue(c.code)
  await putMarker('SEED#queue-counts', nowIso())
  return !fresh
}

/** the demo center admins (added in issue 13: marker SEED#admins); their password needs no change */
async function seedAdmins(): Promise<boolean> {
  if (await hasMarker('SEED#admins')) return false
  const at = nowIso()
  const staffPassword = await hashPassword(DEMO_STAFF_PASSWORD)
  for (const s of demoAdmins) {
    await createStaff({ ...s, role: 'centerAdmin', roles: ['centerAdmin'], passwordHash: staffPassword, createdAt: at })
  }
  await putMarker('SEED#admins', at)
  return true
}

/** the demo people whose loans are signed for 按月委托提取 (added in issue 12: marker SEED#deduction) */
const signedPeople = demoPeople.filter((p) => p.loan?.monthlyDeductionSigned)

async function seedPeople(): Promise<boolean> {
  if (await hasMarker('SEED#demo')) return false
  await putCenters(demoCenters)
  const staffPassword = await hashPassword(DEMO_STAFF_PASSWORD)
  const at = nowIso()
  for (const s of demoStaff) {
    await createStaff({ ...s, role: 'reviewer', passwordHash: staffPassword, createdAt: at })
  }
  await seedPersons(demoPeople)
  await putMarker('SEED#demo', at)
  await putMarker('SEED#deduction', at)
  return true
}

/** a stack seeded before issue 12 gets the people with a signed loan on its next start */
async function seedSignedLoans(): Promise<boolean> {
  if (await hasMarker('SEED#deduction')) return false
  await seedPersons(signedPeople)
  await putMarker('SEED#deduction', nowIso())
  return true
}

async function seedPersons(people: typeof demoPeople): Promise<void> {
  const on = today()
  const at = nowIso()
  const [password, hotline] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(DEMO_HOTLINE_PASSWORD)])
  for (const person of people) {
    await createDepositor(demoDepositor(person, { password, hotline }, at))
    await putBankCard(person.depositorId, demoBankCard(person, at))
    const { account, ledger } = demoAccount(person, on)
    await putAccountWithLedger(account, ledger)
    if (person.loan) {
      const { loan, repayments, overdue } = demoLoan(person, person.loan, on)
      await putLoanWithRecords(loan, repayments, overdue)
    }
    const online = demoOnlineWithdrawal(person, on, maskIdNumber(idNumberOf(person)))
    if (online) {
      await transact([
        putApplication(online.application),
        ...online.events.map((e) => recordEvent(online.application.id, e)),
      ])
    }
  }
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
