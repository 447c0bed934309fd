import { addDays, addMonths, type IsoDate } from '@gjj/shared/date'
import { yearlySettlementInterest } from '@gjj/shared/loan/deposit-interest'
import { nextDueDateAfter } from '@gjj/shared/loan/due-dates'
import { buildSchedule } from '@gjj/shared/loan/schedule'
import { idCheckChar, withLuhnCheckDigit } from '@gjj/shared/validation'
import type { AccountItem, LedgerEntry } from '../repository/accounts'
import type { ApplicationItem, EventItem } from '../repository/applications'
import type { DepositorItem } from '../repository/depositors'
import type { LoanItem, OverdueItem, RepaymentItem } from '../repository/loans'
import { demoCenters } from './centers'

/**
 * The demo depositors of the local stack: several years of deposit history generated month by
 * month with the fund's own interest maths, and loans whose repayments follow the contract
 * schedule, all relative to the day the data is written.
 */
export const DEMO_PASSWORD = 'Gjj@2026'
export const DEMO_STAFF_PASSWORD = 'Review@2026'

/** center reviewers (审批人员) of the demo: two at 阿勒泰, one at 乌鲁木齐 */
export const demoStaff = [
  { staffId: 'S65430001', username: 'altay.reviewer', name: '审批员 阿勒泰一', centerCode: 'C65430' },
  { staffId: 'S65430002', username: 'altay.reviewer2', name: '审批员 阿勒泰二', centerCode: 'C65430' },
  { staffId: 'S65010001', username: 'urumqi.reviewer', name: '审批员 乌鲁木齐', centerCode: 'C65010' },
] as const

/** center admins (中心管理员, 账号管理 and 操作日志) of the demo: one at 阿勒泰, one at 乌鲁木齐 (issue 13) */
export const demoAdmins = [
  { staffId: 'S65430901', username: 'altay.admin', name: '管理员 阿勒泰', centerCode: 'C65430' },
  { staffId: 'S65010901', username: 'urumqi.admin', name: '管理员 乌鲁木齐', centerCode: 'C65010' },
] as const
export const DEMO_HOTLINE_PASSWORD = '135790'

export interface DemoLoan {
  loanNo: string
  principalFen: number
  annualRatePpm: number
  months: number
  method: '01' | '02'
  /** months before the seed date the loan was disbursed */
  ageMonths: number
  /** a past period that was repaid late (逾期还款 with 罚息) */
  latePaidPeriod?: number
  /** the most recent due period is left unpaid (逾期) */
  lastPeriodOverdue?: boolean
  /** 已签约按月委托提取: in the deduction index from the first due date after the seed date */
  monthlyDeductionSigned?: boolean
  houseAddress: string
}

export interface DemoPerson {
  depositorId: string
  name: string
  centerCode: string
  region: string
  birthDate: IsoDate
  gender: 'male' | 'female'
  seq: string
  phone: string
  employerName: string
  accountNo: string
  openedOn: IsoDate
  baseFen: number
  sealedMonthsAgo?: number
  /** the employer stopped depositing after this month (retirement) */
  depositsEndMonth?: string
  /**
   * 退休封存: the account of a person whose deposits ended is sealed this many days after the
   * online withdrawal of last year (the employer reported the retirement late), so that today it
   * is 封存 — never 正常 with its 缴至年月 years ago (decision 83)
   */
  sealedDaysAfterOnlineWithdrawal?: number
  /** withdrawals booked at the counter in past years (部分提取), each capped to what the balance of its day covers */
  pastWithdrawals?: { date: IsoDate; amountFen: number; summary: string }[]
  loan?: DemoLoan
  /**
   * a 物业管理费提取 applied for online and approved on September 18 of last year (issue 15: the
   * 提取业务回单 and 年度账单 of the demo), booked in the ledger like the counter's
   */
  onlineWithdrawal?: { amountFen: number; months: number; propertyAddress: string }
  note: string
}

export const demoPeople: DemoPerson[] = [
  {
    depositorId: 'D65430001',
    name: '王冬冬',
    centerCode: 'C65430',
    region: '654301',
    birthDate: '1990-11-06',
    gender: 'male',
    seq: '301',
    phone: '13899990001',
    employerName: '阿勒泰地区人民医院',
    accountNo: '654300100001',
    openedOn: '2014-07-10',
    baseFen: 650_000,
    loan: {
      loanNo: 'DK6543020210001',
      principalFen: 40_000_000,
      annualRatePpm: 31_000,
      months: 240,
      method: '01',
      ageMonths: 50,
      latePaidPeriod: 30,
      houseAddress: '阿勒泰市解放南路幸福家园 3 号楼 2 单元 501 室',
    },
    // no overdue period (issue 12): 提前还本 needs a loan without one; 陈志强 has the overdue loan
    note: '有公积金贷款，含还款记录（一期逾期还款），可办理提前还本',
  },
  {
    depositorId: 'D65430002',
    name: '阿依古丽·买买提',
    centerCode: 'C65430',
    region: '654301',
    birthDate: '1993-04-18',
    gender: 'female',
    seq: '122',
    phone: '13899990002',
    employerName: '阿勒泰市第二中学',
    accountNo: '654300100002',
    openedOn: '2017-09-01',
    baseFen: 520_000,
    note: '无贷款',
  },
  {
    depositorId: 'D65430003',
    name: '张建国',
    centerCode: 'C65430',
    region: '654321',
    birthDate: '1961-03-02',
    gender: 'male',
    seq: '015',
    phone: '13899990003',
    employerName: '布尔津县自来水公司',
    accountNo: '654300100003',
    openedOn: '2008-01-15',
    baseFen: 480_000,
    // born 1961-03: reached 60 in March 2021, before the gradual retirement-age reform
    depositsEndMonth: '2021-03',
    pastWithdrawals: [{ date: '2016-05-18', amountFen: 12_000_000, summary: '购买住房提取' }],
    onlineWithdrawal: { amountFen: 240_000, months: 12, propertyAddress: '布尔津县友谊峰路 12 号 3 栋 201 室' },
    sealedDaysAfterOnlineWithdrawal: 20,
    note: '已达法定退休年龄（2021年退休，已停缴，去年10月退休封存）；去年在线办理的物业管理费提取已审批通过',
  },
  {
    depositorId: 'D65010001',
    name: '李娜',
    centerCode: 'C65010',
    region: '650102',
    birthDate: '1988-08-21',
    gender: 'female',
    seq: '246',
    phone: '13899990004',
    employerName: '乌鲁木齐某商贸有限公司',
    accountNo: '650100100001',
    openedOn: '2013-05-20',
    baseFen: 600_000,
    sealedMonthsAgo: 8,
    pastWithdrawals: [{ date: '2019-09-10', amountFen: 12_000_000, summary: '购买住房提取' }],
    note: '账户封存 8 个月（离职）',
  },
  {
    depositorId: 'D65010002',
    name: '马晓军',
    centerCode: 'C65010',
    region: '650103',
    birthDate: '1985-12-12',
    gender: 'male',
    seq: '157',
    phone: '13899990005',
    employerName: '新疆某设计研究院',
    accountNo: '650100100002',
    openedOn: '2010-03-01',
    baseFen: 900_000,
    loan: {
      loanNo: 'DK6501020190002',
      principalFen: 60_000_000,
      annualRatePpm: 31_000,
      months: 300,
      method: '02',
      ageMonths: 70,
      houseAddress: '乌鲁木齐市天山区光明路 88 号 6 栋 1201 室',
    },
    note: '有公积金贷款（等额本金），无逾期',
  },
  {
    depositorId: 'D65010003',
    name: '周建华',
    centerCode: 'C65010',
    region: '650104',
    birthDate: '1982-06-15',
    gender: 'male',
    seq: '233',
    phone: '13899990008',
    employerName: '乌鲁木齐某建设集团',
    accountNo: '650100100003',
    openedOn: '2009-09-01',
    baseFen: 800_000,
    loan: {
      loanNo: 'DK6501020200003',
      principalFen: 50_000_000,
      annualRatePpm: 31_000,
      months: 240,
      method: '01',
      ageMonths: 60,
      monthlyDeductionSigned: true,
      houseAddress: '乌鲁木齐市水磨沟区南湖北路 66 号 2 栋 902 室',
    },
    note: '有公积金贷款，已签约按月委托提取（还款日从公积金账户扣款：npm run deduct）',
  },
  {
    depositorId: 'D65430004',
    name: '陈志强',
    centerCode: 'C65430',
    region: '654301',
    birthDate: '1987-06-15',
    gender: 'male',
    seq: '213',
    phone: '13899990006',
    employerName: '阿勒泰地区公路管理局',
    accountNo: '654300100004',
    openedOn: '2012-04-01',
    baseFen: 580_000,
    loan: {
      loanNo: 'DK6543020220004',
      principalFen: 35_000_000,
      annualRatePpm: 31_000,
      months: 240,
      method: '01',
      ageMonths: 40,
      lastPeriodOverdue: true,
      houseAddress: '阿勒泰市团结路金山小区 5 号楼 1 单元 302 室',
    },
    note: '有公积金贷款，最近一期逾期未还（逾期还款明细）',
  },
  {
    depositorId: 'D65430005',
    name: '刘敏',
    centerCode: 'C65430',
    region: '654301',
    birthDate: '1984-02-27',
    gender: 'female',
    seq: '428',
    phone: '13899990007',
    employerName: '阿勒泰市供电公司',
    accountNo: '654300100005',
    openedOn: '2011-09-01',
    baseFen: 620_000,
    loan: {
      loanNo: 'DK6543020160005',
      principalFen: 15_000_000,
      annualRatePpm: 31_000,
      months: 120,
      method: '01',
      ageMonths: 100,
      houseAddress: '阿勒泰市文化路阳光小区 2 号楼 3 单元 601 室',
    },
    note: '有公积金贷款（剩余本金较少），可办理提前结清',
  },
]

export function idNumberOf(p: Pick<DemoPerson, 'region' | 'birthDate' | 'seq'>): string {
  const first17 = `${p.region}${p.birthDate.replaceAll('-', '')}${p.seq}`
  return first17 + idCheckChar(first17)
}

export function demoLogins() {
  const center = (code: string) => demoCenters.find((c) => c.code === code)?.shortName ?? code
  return [
    ...demoPeople.map((p) => ({
      center: center(p.centerCode),
      login: `${p.phone} / ${idNumberOf(p)}`,
      password: DEMO_PASSWORD,
      note: `${p.name}：${p.note}`,
    })),
    ...demoStaff.map((s) => ({
      center: center(s.centerCode),
      login: s.username,
      password: DEMO_STAFF_PASSWORD,
      note: `${s.name}（审批后台 #/packages/admin/login/index）`,
    })),
  ]
}

/** the bank card each demo depositor already has on file (Luhn-valid) */
/** the day a demo person's online withdrawal was approved and paid: September 18 of last year */
export const onlineWithdrawalDate = (today: IsoDate): IsoDate => `${Number(today.slice(0, 4)) - 1}-09-18`

/** the approved application behind `onlineWithdrawal`, with its timeline (submitted, approved) */
export function demoOnlineWithdrawal(p: DemoPerson, today: IsoDate, idNumberMasked: string) {
  const w = p.onlineWithdrawal
  if (!w) return undefined
  const day = onlineWithdrawalDate(today)
  const submittedAt = `${addDays(day, -3)}T02:15:00.000Z`
  const approvedAt = `${day}T03:30:00.000Z`
  const card = demoBankCard(p, submittedAt)
  const application: ApplicationItem = {
    id: `DEMO-${p.depositorId}-0106`,
    kind: 'propertyFee',
    depositorId: p.depositorId,
    centerCode: p.centerCode,
    accountNo: p.accountNo,
    depositorName: p.name,
    idNumberMasked,
    status: 'approved',
    data: {
      kind: 'propertyFee',
      propertyAddress: w.propertyAddress,
      months: w.months,
      amountFen: w.amountFen,
      bankCardId: card.id,
    },
    amountFen: w.amountFen,
    closing: null,
    bankCard: { id: card.id, bankName: card.bankName, cardNo: card.cardNo },
    createdAt: submittedAt,
    updatedAt: approvedAt,
    submittedAt,
    returnReason: null,
    submitKeys: [],
    version: 3,
  }
  const reviewer = demoStaff.find((s) => s.centerCode === p.centerCode)?.name ?? '审批员'
  const events: EventItem[] = [
    {
      at: submittedAt,
      action: 'create',
      actor: 'depositor',
      actorName: p.name,
      from: null,
      to: 'draft',
      opinion: null,
    },
    {
      at: submittedAt,
      action: 'submit',
      actor: 'depositor',
      actorName: p.name,
      from: 'draft',
      to: 'submitted',
      opinion: null,
    },
    {
      at: approvedAt,
      action: 'approve',
      actor: 'reviewer',
      actorName: reviewer,
      from: 'submitted',
      to: 'approved',
      opinion: '材料齐全，同意',
    },
  ]
  return { application, events }
}

export function demoBankCard(p: DemoPerson, at: string) {
  const cardNo = withLuhnCheckDigit(`621700001${p.accountNo.slice(-9)}`)
  return { id: `C${p.depositorId}`, cardNo, bankName: '中国建设银行', holderName: p.name, addedAt: at }
}

const CONTRIBUTION_PPM = 120_000 // 12 % each from the person and the employer
/** the deposit base is adjusted every July while the employer deposits */
const YEARLY_BASE_RAISE_FEN = 30_000

function monthOf(date: IsoDate): string {
  return date.slice(0, 7)
}

/** the order of a day's entries: that day's 结息 first, then the deposit, a withdrawal, 封存 last */
const SAME_DAY_ORDER: Record<string, number> = { '09': 0, '01': 1, '11': 2, '05': 3 }

type Movement = Omit<LedgerEntry, 'id' | 'balanceFen'>

const byDate = (a: Movement, b: Movement) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (SAME_DAY_ORDER[a.type] ?? 9) - (SAME_DAY_ORDER[b.type] ?? 9)

/**
 * What a past 部分提取 can take from a balance: the amount wanted when the balance covers it and
 * leaves at least 0.01 元 (the account stays open), otherwise the whole yuan the balance covers
 * with that 0.01 元 left; 0 when nothing can be taken.
 */
export function coveredWithdrawalFen(wantedFen: number, balanceFen: number): number {
  if (wantedFen <= balanceFen - 1) return wantedFen
  return Math.max(0, Math.floor((balanceFen - 1) / 100) * 100)
}

/**
 * The account and its ledger, oldest first: a deposit on the 15th of every month from the first
 * 15th on or after the opening date until the deposits end (the month before 封存, the retirement
 * month, or last month), 年终结息 on every July 1 up to today from shared's settlement maths (also
 * after the deposits end), and the person's past counter withdrawals, each capped to what the
 * balance of its day covers. The entries are put in date order before they are numbered and their
 * balances run, so the stored order (TXN#<date>#<id>) is the order the balances follow.
 */
export function demoAccount(p: DemoPerson, today: IsoDate): { account: AccountItem; ledger: LedgerEntry[] } {
  const sealedOn = p.sealedMonthsAgo
    ? `${addMonths(today, -p.sealedMonthsAgo).slice(0, 8)}05`
    : p.sealedDaysAfterOnlineWithdrawal !== undefined
      ? addDays(onlineWithdrawalDate(today), p.sealedDaysAfterOnlineWithdrawal)
      : null
  const lastMonth = monthOf(addMonths(today, -1))
  // the earlier of the month before 封存 (or last month) and the retirement month
  const lastDepositMonth = [
    monthOf(addMonths(sealedOn ?? today, -1)),
    p.depositsEndMonth ?? lastMonth,
  ].sort()[0] as string

  const planned: Movement[] = []
  let base = p.baseFen
  let personalFen = 0
  let paidUpTo: string | null = null
  const firstDeposit = addMonths(`${monthOf(p.openedOn)}-15`, p.openedOn > `${monthOf(p.openedOn)}-15` ? 1 : 0)
  for (let date = firstDeposit; monthOf(date) <= lastDepositMonth; date = addMonths(date, 1)) {
    if (date.slice(5, 7) === '07' && `${date.slice(0, 4)}-06-30` > p.openedOn) base += YEARLY_BASE_RAISE_FEN
    personalFen = Math.round((base * CONTRIBUTION_PPM) / 1_000_000)
    planned.push({ date, type: '01', amountFen: 2 * personalFen, month: monthOf(date), summary: '单位汇缴' })
    paidUpTo = monthOf(date)
  }
  const online = p.onlineWithdrawal
    ? [{ date: onlineWithdrawalDate(today), amountFen: p.onlineWithdrawal.amountFen, summary: '物业管理费提取' }]
    : []
  for (const w of [...(p.pastWithdrawals ?? []), ...online]) {
    if (w.date >= p.openedOn && w.date < today) {
      planned.push({ date: w.date, type: '11', amountFen: -w.amountFen, month: null, summary: w.summary })
    }
  }
  if (sealedOn) {
    const summary = p.sealedMonthsAgo ? '离职封存' : '退休封存'
    planned.push({ date: sealedOn, type: '05', amountFen: 0, month: null, summary })
  }
  // 年终结息 for the year ending June 30, credited July 1; the amount is known only in date order
  for (let year = Number(p.openedOn.slice(0, 4)); `${year}-07-01` <= today; year++) {
    if (`${year}-06-30` > p.openedOn) {
      planned.push({
        date: `${year}-07-01`,
        type: '09',
        amountFen: 0,
        month: null,
        summary: `${year - 1}-${year}年度结息`,
      })
    }
  }
  planned.sort(byDate)

  const ledger: LedgerEntry[] = []
  let balance = 0
  // the balance changes since the last June 30, for the next 结息
  let changes: { date: IsoDate; amountFen: number }[] = []
  for (const m of planned) {
    let amountFen = m.amountFen
    if (m.type === '09') {
      const year = Number(m.date.slice(0, 4))
      amountFen = yearlySettlementInterest({ year, openedOn: p.openedOn, balanceFen: balance, changes }).interestFen
      changes = []
      if (amountFen === 0) continue
    } else if (m.type === '11') {
      amountFen = -coveredWithdrawalFen(-m.amountFen, balance)
      if (amountFen === 0) continue
      changes.push({ date: m.date, amountFen })
    } else if (amountFen !== 0) {
      changes.push({ date: m.date, amountFen })
    }
    balance += amountFen
    ledger.push({ ...m, amountFen, id: String(ledger.length + 1).padStart(5, '0'), balanceFen: balance })
  }

  return {
    account: {
      accountNo: p.accountNo,
      depositorId: p.depositorId,
      centerCode: p.centerCode,
      status: sealedOn ? '02' : '01',
      balanceFen: balance,
      openedOn: p.openedOn,
      employerName: p.employerName,
      depositBaseFen: base,
      personalMonthlyFen: personalFen,
      employerMonthlyFen: personalFen,
      paidUpTo,
      sealedOn,
      version: 1,
    },
    ledger,
  }
}

/** how late the demo's late repayment (逾期还款) was paid, in days: well before the next due date */
const LATE_DAYS = 12

/**
 * The loan, repaid by bank card every month on its due date, up to the seed date: one repayment
 * record per paid period of the contract schedule, in date order, each with the principal left
 * after it, so the records add up to the principal repaid.
 */
export function demoLoan(
  p: DemoPerson,
  l: DemoLoan,
  today: IsoDate,
): { loan: LoanItem; repayments: RepaymentItem[]; overdue: OverdueItem[] } {
  const disbursedOn = `${addMonths(today, -l.ageMonths).slice(0, 8)}20`
  const firstDueDate = addMonths(disbursedOn, 1)
  const schedule = buildSchedule(
    {
      principalFen: l.principalFen,
      annualRatePpm: l.annualRatePpm,
      months: l.months,
      method: l.method === '01' ? 'equalInstallment' : 'equalPrincipal',
      firstDueDate,
    },
    'contract',
  )
  const due = schedule.periods.filter((s) => (s.dueDate as string) < today)
  const overduePeriod = l.lastPeriodOverdue ? due.at(-1) : undefined
  const repayments: RepaymentItem[] = []
  const overdue: OverdueItem[] = []
  let remaining = l.principalFen
  for (const s of due) {
    const late = s.period === l.latePaidPeriod
    const paidOn = late ? addDays(s.dueDate as string, LATE_DAYS) : (s.dueDate as string)
    // the overdue period, and a late payment whose day has not come yet, are still unpaid
    if (s === overduePeriod || paidOn >= today) {
      overdue.push({
        period: s.period,
        dueDate: s.dueDate as string,
        principalFen: s.principalFen,
        interestFen: s.interestFen,
        penaltyFen: 0,
      })
      continue
    }
    remaining -= s.principalFen
    // 罚息: overdue principal × contract rate × 1.5 / 360 × days late
    const penaltyFen = late ? Math.round((s.principalFen * l.annualRatePpm * 1.5 * LATE_DAYS) / 360 / 1_000_000) : 0
    repayments.push({
      id: String(s.period).padStart(3, '0'),
      date: paidOn,
      period: s.period,
      type: late ? '04' : '02',
      principalFen: s.principalFen,
      interestFen: s.interestFen,
      penaltyFen,
      remainingPrincipalFen: remaining,
      source: 'bank',
    })
  }
  const last = schedule.periods.at(-1)
  const loan: LoanItem = {
    loanNo: l.loanNo,
    contractNo: `HT${l.loanNo.slice(2)}`,
    depositorId: p.depositorId,
    accountNo: p.accountNo,
    centerCode: p.centerCode,
    status: overdue.length ? 'overdue' : 'normal',
    principalFen: l.principalFen,
    remainingPrincipalFen: remaining,
    annualRatePpm: l.annualRatePpm,
    repaymentMethod: l.method,
    months: l.months,
    paidMonths: repayments.length,
    disbursedOn,
    firstDueDate,
    endDate: last?.dueDate as string,
    repaymentDay: 20,
    lastDueDate: due.at(-1)?.dueDate ?? disbursedOn,
    monthlyDeductionSigned: Boolean(l.monthlyDeductionSigned),
    bankName: '中国建设银行',
    bankCardNo: withLuhnCheckDigit(`621700001${p.accountNo.slice(-9)}`),
    houseAddress: l.houseAddress,
    schedules: [],
    settledOn: null,
    version: 1,
  }
  // a signed loan is in the deduction index from its first due date after the seed date
  if (l.monthlyDeductionSigned) loan.deductionDueDate = nextDueDateAfter(loan, today)
  return { loan, repayments, overdue }
}

export function demoDepositor(p: DemoPerson, hashes: { password: string; hotline: string }, at: string): DepositorItem {
  return {
    depositorId: p.depositorId,
    centerCode: p.centerCode,
    name: p.name,
    idNumber: idNumberOf(p),
    phone: p.phone,
    gender: p.gender,
    birthDate: p.birthDate,
    accountNo: p.accountNo,
    loanNo: p.loan?.loanNo ?? null,
    employerName: p.employerName,
    address: null,
    passwordHash: hashes.password,
    hotlinePasswordHash: hashes.hotline,
    alipayUserId: null,
    createdAt: at,
    version: 1,
  }
}
