import type { CenterPolicy, PartialLimits } from './catalog-schemas'
import type { WithdrawalBusinessCode } from './codes'
import { formatYuan } from './money'

/**
 * The business catalog: every kind of application a depositor can start online, with its archive
 * categories (档案分类) and notice (须知), and the per-center policy (which kinds a center opens,
 * its limits, and optional overrides of categories and notices). Policies are data: a center's
 * stored policy is parsed with centerPolicySchema (catalog-schemas.ts: this module builds no schema,
 * so a page uses it without bundling zod); defaultPolicy holds the defaults of the rules.
 */
export const WITHDRAWAL_KINDS = ['retirement', 'termination', 'rent', 'propertyFee', 'loanRepayment'] as const
/** the withdrawals that close the account (KINDS[kind].closing) */
export const CLOSING_WITHDRAWAL_KINDS = ['retirement', 'termination'] as const satisfies readonly WithdrawalKind[]
export const LOAN_BUSINESS_KINDS = ['prepayPart', 'monthlyDeduction', 'settle'] as const
export const APPLICATION_KINDS = [...WITHDRAWAL_KINDS, ...LOAN_BUSINESS_KINDS] as const

export type WithdrawalKind = (typeof WITHDRAWAL_KINDS)[number]
export type LoanBusinessKind = (typeof LOAN_BUSINESS_KINDS)[number]
export type ApplicationKind = (typeof APPLICATION_KINDS)[number]

/** 按月抵扣签约: 是否按月委托提取 否 → sign (我要签约), 是 → cancel (取消签约) */
export const MONTHLY_DEDUCTION_ACTIONS = ['sign', 'cancel'] as const
export type MonthlyDeductionAction = (typeof MONTHLY_DEDUCTION_ACTIONS)[number]
export const MONTHLY_DEDUCTION_ACTION_LABELS: Record<MonthlyDeductionAction, string> = {
  sign: '我要签约',
  cancel: '取消签约',
}

/** what an archive file may be: JPG, PNG or PDF, at most 10 MB */
export const ARCHIVE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export const MAX_ARCHIVE_FILE_BYTES = 10 * 1024 * 1024

/** a partial withdrawal leaves at least this much in the account (0.01 元) */
export const MIN_REMAINING_BALANCE_FEN = 1

export interface ArchiveCategory {
  key: string
  name: string
  required: boolean
  /** the category becomes optional when this holds (离退休: age reached per the ID number) */
  optionalWhen?: 'retirementAgeReached'
}

export interface Notice {
  title: string
  paragraphs: string[]
}

/** a center's policy, as catalog-schemas.ts's centerPolicySchema reads it from storage */
export type { CenterPolicy, PartialLimits } from './catalog-schemas'

export const defaultPolicy: CenterPolicy = {
  openKinds: [...APPLICATION_KINDS],
  counterThresholdFen: 30_000_000,
  rent: { monthlyCapFen: 150_000, maxMonths: 12, onceEveryMonths: 12 },
  propertyFee: { maxAmountFen: 300_000, maxMonths: 12, onceEveryMonths: 12 },
  termination: { minSealedMonths: 6 },
  monthlyDeduction: { minBalanceInPayments: 6 },
  prepay: { maxPerMonth: 1 },
}

export interface KindDefinition {
  kind: ApplicationKind
  group: 'withdrawal' | 'loan'
  name: string
  /** 提取业务代码 (withdrawals only) */
  code?: WithdrawalBusinessCode
  /** closes the account (销户提取): amount = balance + 销户利息, account → 05 提取销户 */
  closing: boolean
  archiveCategories: readonly ArchiveCategory[]
  /** the default notice, filled in with the center's limits */
  notice: (policy: CenterPolicy) => Notice
}

const idCard: ArchiveCategory = { key: 'idCard', name: '身份证', required: true }
const bankCard: ArchiveCategory = { key: 'bankCard', name: '银行卡', required: true }
const yuan = (fen: number) => `${formatYuan(fen)}元`

const commonSteps = (policy: CenterPolicy): string[] => [
  '资金只能转入本人名下的一类银行借记卡；请在“收款银行账号”中选择或添加银行卡。',
  `网上办理的单笔金额须低于${yuan(policy.counterThresholdFen)}，达到或超过的请携带材料到中心柜台办理。`,
  '同一类业务有正在办理中的申请时，不能再次申请；可在“我的业务”中查看办理进度。',
  '提交后由中心审核。审核退回的，可在“我的业务—待办事项”查看退回原因，修改后重新上传提交，或结束流程后重新申请。',
]

const loanSteps = [
  '档案上传中标注“必传”的材料须全部上传后才能提交中心审批；非必传材料可按需上传。',
  '提交后由中心审核，审核退回的可在“我的业务—待办事项”查看原因并修改后重新提交。',
  '如有疑问，请拨打住房公积金服务热线12329。',
]

/**
 * Archive categories follow BUSINESS-RULES for the withdrawals. Loan businesses (a choice,
 * documented here): all three need the ID card; 提前还本 and 提前结清 accept an optional proof of
 * the source of the repayment money (还款资金来源证明); 按月抵扣签约 accepts an optional copy of
 * the bank card that pays what the fund balance does not cover.
 */
export const KINDS: Record<ApplicationKind, KindDefinition> = {
  retirement: {
    kind: 'retirement',
    group: 'withdrawal',
    name: '离、退休提取',
    code: '0201',
    closing: true,
    archiveCategories: [
      idCard,
      { key: 'retirementCertificate', name: '离、退休证明', required: true, optionalWhen: 'retirementAgeReached' },
      bankCard,
    ],
    notice: (policy) => ({
      title: '离、退休提取须知',
      paragraphs: [
        '办理条件：按身份证号码计算已达到法定退休年龄（自2025年1月1日起逐步延迟：男职工逐步延迟至63周岁，女职工逐步延迟至55周岁或58周岁），或已办理离休、退休手续。',
        '本业务为销户提取：提取金额 = 个人账户余额 + 销户利息，一次全部提取，办结后个人账户销户。',
        '需上传：本人身份证、本人银行卡；未达到法定退休年龄但已办理离、退休手续的，还须上传离、退休证明。',
        ...commonSteps(policy),
      ],
    }),
  },
  termination: {
    kind: 'termination',
    group: 'withdrawal',
    name: '终止劳动关系提取',
    code: '0205',
    closing: true,
    archiveCategories: [
      idCard,
      { key: 'terminationProof', name: '终止（解除）劳动关系证明', required: true },
      bankCard,
    ],
    notice: (policy) => ({
      title: '终止劳动关系提取须知',
      paragraphs: [
        `办理条件：与单位终止劳动关系，个人账户已封存满${policy.termination.minSealedMonths}个月，且封存期间没有新的缴存。`,
        '本业务为销户提取：提取金额 = 个人账户余额 + 销户利息，一次全部提取，办结后个人账户销户；重新就业后可由新单位重新开户缴存。',
        '需上传：本人身份证、终止（解除）劳动关系证明、本人银行卡。',
        ...commonSteps(policy),
      ],
    }),
  },
  rent: {
    kind: 'rent',
    group: 'withdrawal',
    name: '房租提取',
    code: '0105',
    closing: false,
    archiveCategories: [
      idCard,
      { key: 'leaseContract', name: '房屋租赁合同', required: true },
      { key: 'rentInvoice', name: '租金发票', required: true },
      { key: 'noHomeStatement', name: '无房声明', required: false },
    ],
    notice: (policy) => ({
      title: '房租提取须知',
      paragraphs: [
        '办理条件：本人在缴存地无自有住房，且没有住房公积金贷款；有住房公积金贷款的，只能办理偿还购房贷款本息提取。',
        `每${policy.rent.onceEveryMonths}个月可办理一次；每次提取金额不超过每月${yuan(policy.rent.monthlyCapFen)} × 租房月数（最多${policy.rent.maxMonths}个月），且不超过账户余额，提取后账户至少保留0.01元。`,
        '需上传：本人身份证、房屋租赁合同、租金发票；无房声明可选上传。',
        ...commonSteps(policy),
      ],
    }),
  },
  propertyFee: {
    kind: 'propertyFee',
    group: 'withdrawal',
    name: '物业管理费提取',
    code: '0106',
    closing: false,
    archiveCategories: [
      idCard,
      { key: 'propertyCertificate', name: '不动产权证书或购房合同', required: true },
      { key: 'feeInvoice', name: '物业费发票', required: true },
    ],
    notice: (policy) => ({
      title: '物业管理费提取须知',
      paragraphs: [
        '办理条件：本人在缴存地拥有自有住房，并已缴纳物业管理费。',
        `每${policy.propertyFee.onceEveryMonths}个月可办理一次；每次最多提取${policy.propertyFee.maxMonths}个月的物业管理费，且不超过${yuan(policy.propertyFee.maxAmountFen)}和账户余额，提取后账户至少保留0.01元。`,
        '需上传：本人身份证、不动产权证书或购房合同、物业费发票。',
        ...commonSteps(policy),
      ],
    }),
  },
  loanRepayment: {
    kind: 'loanRepayment',
    group: 'withdrawal',
    name: '偿还购房贷款本息提取',
    code: '0102',
    closing: false,
    archiveCategories: [
      idCard,
      { key: 'purchaseContract', name: '购房合同', required: true },
      { key: 'loanContract', name: '借款合同', required: true },
      { key: 'repaymentVoucher', name: '还款凭证', required: true },
    ],
    notice: (policy) => ({
      title: '偿还购房贷款本息提取须知',
      paragraphs: [
        '办理条件：本人有购房贷款（本中心住房公积金贷款或商业银行住房贷款）。',
        '提取金额不超过账户余额，且不超过贷款剩余本金与应还利息之和，提取后账户至少保留0.01元。',
        '有住房公积金贷款的缴存人，部分提取只能办理本业务；也可办理“按月抵扣签约”，每月自动用公积金偿还月供。',
        '需上传：本人身份证、购房合同、借款合同、还款凭证。',
        ...commonSteps(policy),
      ],
    }),
  },
  prepayPart: {
    kind: 'prepayPart',
    group: 'loan',
    name: '提前还本',
    closing: false,
    archiveCategories: [idCard, { key: 'fundsSourceProof', name: '还款资金来源证明', required: false }],
    notice: (policy) => ({
      title: '提前还本须知',
      paragraphs: [
        `办理条件：贷款没有逾期；每月最多办理${policy.prepay.maxPerMonth}次。`,
        '提前还款金额不少于一期月供，且须小于剩余本金；足以还清剩余本金的，请办理提前结清。',
        '提前归还利息 = 剩余本金 × 年利率 ÷ 360 × 距上一还款日的天数；提前还款金额扣除该利息后归还本金。',
        '还款后默认还款期限不变、月供减少；也可选择月供不变、缩短还款期限，页面会同时显示两种方式的新月供、到期日和节省的利息。',
        '审批通过后从您的还款账户扣收提前还款金额，请确保账户资金充足。',
        ...loanSteps,
      ],
    }),
  },
  monthlyDeduction: {
    kind: 'monthlyDeduction',
    group: 'loan',
    name: '按月抵扣签约',
    closing: false,
    archiveCategories: [idCard, { key: 'bankCard', name: '还款银行卡', required: false }],
    notice: (policy) => ({
      title: '按月抵扣签约须知',
      paragraphs: [
        '签约后，每个还款日先从您的住房公积金账户扣收当期月供，不足部分从还款银行卡扣收。',
        `签约条件：个人账户状态正常，且账户余额不少于${policy.monthlyDeduction.minBalanceInPayments}期月供。`,
        '“是否按月委托提取”为“否”时可办理签约，为“是”时可办理取消签约；取消后月供全部从还款银行卡扣收。',
        ...loanSteps,
      ],
    }),
  },
  settle: {
    kind: 'settle',
    group: 'loan',
    name: '提前结清',
    closing: false,
    archiveCategories: [idCard, { key: 'fundsSourceProof', name: '还款资金来源证明', required: false }],
    notice: () => ({
      title: '提前结清须知',
      paragraphs: [
        '应还总额 = 剩余本金 + 自上一还款日起至今的应计利息（剩余本金 × 年利率 ÷ 360 × 天数）。',
        '可填写“支取公积金还款金额”用公积金余额偿还一部分（不超过账户余额和应还总额），其余部分由本人自有资金偿还。',
        '审批通过后贷款结清，可在“我的贷款”中查看结清记录。',
        ...loanSteps,
      ],
    }),
  },
}

export function isOpen(kind: ApplicationKind, policy: CenterPolicy = defaultPolicy): boolean {
  return policy.openKinds.includes(kind)
}

export function noticeFor(kind: ApplicationKind, policy: CenterPolicy = defaultPolicy): Notice {
  return policy.notices?.[kind] ?? KINDS[kind].notice(policy)
}

export interface ArchiveContext {
  /** 离退休: the ID number shows the statutory retirement age is reached */
  retirementAgeReached?: boolean
}

/** the categories to upload for a kind at a center, with waivers applied */
export function archiveCategoriesFor(
  kind: ApplicationKind,
  policy: CenterPolicy = defaultPolicy,
  context: ArchiveContext = {},
): ArchiveCategory[] {
  const categories = policy.archiveCategories?.[kind] ?? KINDS[kind].archiveCategories
  return categories.map((c) => (c.optionalWhen && context[c.optionalWhen] ? { ...c, required: false } : c))
}

/** required categories that have no file yet (empty = ready to submit) */
export function missingCategories(
  categories: readonly ArchiveCategory[],
  uploadedKeys: Iterable<string>,
): ArchiveCategory[] {
  const uploaded = new Set(uploadedKeys)
  return categories.filter((c) => c.required && !uploaded.has(c.key))
}

/** a center's limits on the partial withdrawals, as the form needs them (a part of its policy) */
export const partialLimitsOf = (policy: CenterPolicy): PartialLimits => ({
  counterThresholdFen: policy.counterThresholdFen,
  rent: { monthlyCapFen: policy.rent.monthlyCapFen, maxMonths: policy.rent.maxMonths },
  propertyFee: { maxAmountFen: policy.propertyFee.maxAmountFen, maxMonths: policy.propertyFee.maxMonths },
})

/** online applications of this amount or more go to the counter */
export const counterMessage = (limits: Pick<PartialLimits, 'counterThresholdFen'>) =>
  `提取金额达到${formatYuan(limits.counterThresholdFen)}元，请携带材料到中心柜台办理`

/**
 * What a partial withdrawal's own information (提取信息) allows, by the same rule on the phone and
 * on the server: a refusal of the months, and the most the amount may be, with the words for it.
 * 房租: min(月租金, monthly cap) × 月数; 物业管理费: the cap per application. Null: no own limit.
 */
export function informationLimit(
  data: { kind: 'rent'; monthlyRentFen: number; months: number } | { kind: 'propertyFee'; months: number },
  limits: PartialLimits,
): { monthsError: string | null; capFen: number; capMessage: string } {
  if (data.kind === 'rent') {
    const { monthlyCapFen, maxMonths } = limits.rent
    const capFen = Math.min(data.monthlyRentFen, monthlyCapFen) * data.months
    return {
      monthsError: data.months > maxMonths ? `提取月数不能超过${maxMonths}个月` : null,
      capFen,
      capMessage: `房租提取金额不能超过${formatYuan(capFen)}元（每月最多${formatYuan(monthlyCapFen)}元）`,
    }
  }
  const { maxAmountFen, maxMonths } = limits.propertyFee
  return {
    monthsError: data.months > maxMonths ? `物业费最多提取${maxMonths}个月` : null,
    capFen: maxAmountFen,
    capMessage: `物业管理费提取每次不能超过${formatYuan(maxAmountFen)}元`,
  }
}
