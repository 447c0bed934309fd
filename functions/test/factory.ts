import { randomInt } from 'node:crypto'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { addDays } from '@gjj/shared/date'
import { nowIso, today } from '../src/lib/clock'
import { hashPassword } from '../src/lib/password'
import { accountKey, putAccountWithLedger } from '../src/repository/accounts'
import { putBankCard } from '../src/repository/bank-cards'
import { db, table } from '../src/repository/client'
import { createDepositor } from '../src/repository/depositors'
import { putLoanWithRecords } from '../src/repository/loans'
import type { DepositorSession } from '../src/repository/sessions'
import { createStaff } from '../src/repository/staff'
import { type DemoLoan, type DemoPerson, demoAccount, demoBankCard, demoDepositor, demoLoan } from '../src/seed/demo'
import { openSession } from '../src/services/sessions'

/**
 * Fresh people for tests that change state: each call makes a new depositor with an account
 * (a short deposit history built like the demo data), a bank card, and optionally a loan.
 */
const used = new Set<number>()
/** a number no other test file of the run is likely to draw (files share one DynamoDB Local) */
function draw(): number {
  for (;;) {
    const k = randomInt(0, 100_000_000)
    if (!used.has(k)) {
      used.add(k)
      return k
    }
  }
}

export interface TestPerson {
  person: DemoPerson
  session: DepositorSession
  token: string
  cardId: string
}

/** a 200,000 元 fund loan over 10 years, disbursed 12 months before the seed date (due on the 20th) */
export const testLoan = (): DemoLoan => ({
  loanNo: `DKT${draw()}`,
  principalFen: 20_000_000,
  annualRatePpm: 31_000,
  months: 120,
  method: '01',
  ageMonths: 12,
  houseAddress: '测试地址',
})

/**
 * The next number of a test person or reviewer, counted in the table itself: unique for every test
 * file sharing the table. (Numbers drawn at random clashed: the ID number below has only 3,650,000
 * values, so the ~380 people of one integration run met an existing ID number in about one run of
 * fifty.) The counter item is not an entity of the product; nothing reads the table by scanning.
 */
async function nextNumber(): Promise<number> {
  const out = await db.send(
    new UpdateCommand({
      TableName: table,
      Key: { pk: 'TEST#numbers', sk: 'TEST#numbers' },
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return out.Attributes?.n as number
}

export async function makeDepositor(opts: Partial<DemoPerson> = {}): Promise<TestPerson> {
  const k = await nextNumber()
  const u = String(k).padStart(8, '0')
  const person: DemoPerson = {
    depositorId: `T${u}`,
    name: `测试${u}`,
    centerCode: 'C65430',
    region: '654301',
    // born 1986–1995, so under retirement age; birth date and sequence make the ID number unique
    birthDate: addDays('1986-01-01', k % 3650),
    gender: 'male',
    seq: String(Math.floor(k / 3650) % 1000).padStart(3, '0'),
    phone: `139${u}`,
    employerName: '测试单位',
    accountNo: `9${u.padStart(11, '0')}`,
    openedOn: '2023-03-10',
    baseFen: 500_000,
    note: '',
    ...opts,
  }
  const at = nowIso()
  const hash = await hashPassword('Test@2026x')
  await createDepositor(demoDepositor(person, { password: hash, hotline: hash }, at))
  const card = demoBankCard(person, at)
  await putBankCard(person.depositorId, card)
  const { account, ledger } = demoAccount(person, today())
  await putAccountWithLedger(account, ledger)
  if (person.loan) {
    const l = demoLoan(person, person.loan, today())
    await putLoanWithRecords(l.loan, l.repayments, l.overdue)
  }
  const session: DepositorSession = {
    kind: 'depositor',
    depositorId: person.depositorId,
    centerCode: person.centerCode,
    accountNo: person.accountNo,
    loanNo: person.loan?.loanNo ?? null,
    channel: 'h5',
  }
  const { token } = await openSession(session)
  return { person, session, token, cardId: card.id }
}

export async function makeReviewer(centerCode: string) {
  const u = String(await nextNumber()).padStart(8, '0')
  const staffId = `TS${u}`
  await createStaff({
    staffId,
    username: `reviewer${u}`,
    name: `审批员${u}`,
    centerCode,
    role: 'reviewer',
    passwordHash: await hashPassword('Review@2026x'),
    createdAt: nowIso(),
  })
  // as staffLogin opens it: with the name and roles at sign-in (decision 85)
  const { token } = await openSession({
    kind: 'staff',
    staffId,
    centerCode,
    role: 'reviewer',
    name: `审批员${u}`,
    roles: ['reviewer'],
  })
  return { staffId, token, username: `reviewer${u}` }
}

export async function setBalance(accountNo: string, balanceFen: number) {
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: accountKey(accountNo),
      UpdateExpression: 'SET balanceFen = :b, version = version + :one',
      ExpressionAttributeValues: { ':b': balanceFen, ':one': 1 },
    }),
  )
}
