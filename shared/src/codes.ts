/**
 * Code tables of the national housing provident fund data standard JGJ/T 320 (and the finer
 * withdrawal business codes in use). Each table maps code → label; storage and the API carry
 * the code, screens show the label.
 */

/** 个人账户状态 */
export const ACCOUNT_STATUS = {
  '01': '正常',
  '02': '封存',
  '03': '合并销户',
  '04': '外部转出销户',
  '05': '提取销户',
  '06': '冻结',
  '99': '其他',
} as const

/** 提取原因 */
export const WITHDRAWAL_REASON = {
  '01': '购买住房',
  '02': '建造、翻建、大修自住住房',
  '03': '离休、退休',
  '04': '完全丧失劳动能力并终止劳动关系',
  '05': '户口迁出或出境定居',
  '06': '偿还购房贷款本息',
  '07': '房租超出家庭工资收入规定比例',
  '08': '死亡',
  '09': '大病医疗',
  '99': '其他',
} as const

/** 提取业务代码 (finer business codes in use) */
export const WITHDRAWAL_BUSINESS = {
  '0102': '偿还购房贷款本息提取',
  '0105': '房租提取',
  '0106': '物业管理费提取',
  '0201': '离、退休提取',
  '0205': '终止劳动关系提取',
} as const

/** 还款方式 */
export const REPAYMENT_METHOD = {
  '01': '等额本息',
  '02': '等额本金',
} as const

/** 证件类型 */
export const ID_TYPE = {
  '01': '身份证',
  '03': '护照',
  '99': '其他',
} as const

/** 贷款业务明细类型 */
export const LOAN_DETAIL_TYPE = {
  '01': '发放',
  '02': '正常还款',
  '03': '提前还款',
  '04': '逾期还款',
  '05': '公积金提取还款',
  '06': '结清',
} as const

/** 个人业务明细类型 */
export const PERSONAL_DETAIL_TYPE = {
  '01': '汇缴',
  '02': '补缴',
  '05': '封存',
  '09': '年终结息',
  '11': '部分提取',
  '12': '销户提取',
} as const

export type AccountStatusCode = keyof typeof ACCOUNT_STATUS
export type WithdrawalReasonCode = keyof typeof WITHDRAWAL_REASON
export type WithdrawalBusinessCode = keyof typeof WITHDRAWAL_BUSINESS
export type RepaymentMethodCode = keyof typeof REPAYMENT_METHOD
export type IdTypeCode = keyof typeof ID_TYPE
export type LoanDetailTypeCode = keyof typeof LOAN_DETAIL_TYPE
export type PersonalDetailTypeCode = keyof typeof PERSONAL_DETAIL_TYPE

/** repayment method code ↔ the name the loan maths uses */
export const REPAYMENT_METHOD_BY_CODE = {
  '01': 'equalInstallment',
  '02': 'equalPrincipal',
} as const satisfies Record<RepaymentMethodCode, 'equalInstallment' | 'equalPrincipal'>

/**
 * a table's codes in code order. (Object.keys is not: a key like '99' that looks like an array
 * index comes before '01'.)
 */
export function codesOf<T extends Record<string, string>>(table: T): (keyof T & string)[] {
  return Object.keys(table).sort()
}

/** label of a code, or the code itself when the table does not know it */
export function codeLabel<T extends Record<string, string>>(table: T, code: string): string {
  return Object.keys(table).includes(code) ? (table[code] as string) : code
}
