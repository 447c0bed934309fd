import { chinaToday } from './clock'
import { formatIsoDate, type IsoDate, parseIsoDate } from './date'
import { formatYuan, MAX_FEN, parseYuan } from './money'

/**
 * Validators for what a person enters. Each returns the normalised value or the Chinese message
 * the person should see; the contract's zod fields (validation-schemas.ts) are built from the same
 * functions, so the API contract and the pages give the same message for the same mistake. This
 * module builds no schema: a page checks with it without bundling zod.
 */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string; field?: string }

const fail = (message: string, field?: string): { ok: false; message: string; field?: string } =>
  field ? { ok: false, message, field } : { ok: false, message }

// ---------------------------------------------------------------- 身份证号码 (GB 11643-1999)

/** 省级行政区划代码 (first two digits); 81/82/83 = 港澳台居民居住证 */
export const PROVINCE_CODES = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾地区（居住证）',
} as const

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK_CHARS = '10X98765432'

/** the GB 11643 check character for the first 17 digits */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number)
  return ID_CHECK_CHARS[sum % 11] as string
}

export interface IdNumberOptions {
  /** birth dates after this day are refused (default: today in Asia/Shanghai) */
  today?: IsoDate
}

/** 18-character ID number: digits, check character, known region, real birth date not in the future */
export function checkIdNumber(input: string, { today = chinaToday() }: IdNumberOptions = {}): Check<string> {
  const id = input.trim().toUpperCase()
  if (id === '') return fail('请输入身份证号码')
  if (id.length !== 18) return fail('身份证号码应为18位')
  if (!/^\d{17}[\dX]$/.test(id)) return fail('身份证号码格式不正确，前17位应为数字，最后一位为数字或X')
  if (!(id.slice(0, 2) in PROVINCE_CODES)) return fail('身份证号码的地区码不正确')
  const birth = birthDateFromId(id)
  if (!birth || birth < '1900-01-01' || birth > today) return fail('身份证号码中的出生日期不正确')
  if (idCheckChar(id) !== id[17]) return fail('身份证号码校验位不正确，请核对')
  return { ok: true, value: id }
}

/** YYYY-MM-DD from positions 7–14, or undefined when it is not a date */
export function birthDateFromId(id: string): IsoDate | undefined {
  const parts = parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)
  return parts && formatIsoDate(parts)
}

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

/** the 17th digit: odd = male, even = female */
export function genderFromId(id: string): Gender {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female'
}

// ---------------------------------------------------------------- contact and cards

export function checkPhone(input: string): Check<string> {
  const phone = input.trim()
  if (phone === '') return fail('请输入手机号码')
  if (!/^1[3-9]\d{9}$/.test(phone)) return fail('请输入正确的11位手机号码')
  return { ok: true, value: phone }
}

export type LoginAccount = { type: 'phone' | 'idNumber'; value: string }

/** the login field takes a phone number or an ID number */
export function checkLoginAccount(input: string, options?: IdNumberOptions): Check<LoginAccount> {
  const text = input.trim()
  if (text === '') return fail('请输入手机号码或身份证号码')
  if (text.length === 11) {
    const phone = checkPhone(text)
    return phone.ok ? { ok: true, value: { type: 'phone', value: phone.value } } : phone
  }
  if (text.length === 18) {
    const id = checkIdNumber(text, options)
    return id.ok ? { ok: true, value: { type: 'idNumber', value: id.value } } : id
  }
  return fail('请输入正确的手机号码或身份证号码')
}

/** the Luhn sum of the digits, counting from the right; `doubleEven` doubles positions 0, 2, … */
function luhnSum(digits: string, doubleEven: boolean): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === (doubleEven ? 0 : 1)) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum
}

function luhnValid(digits: string): boolean {
  return luhnSum(digits, false) % 10 === 0
}

/** the card number with its Luhn check digit appended (for issuing test and demo cards) */
export function withLuhnCheckDigit(body: string): string {
  return body + String((10 - (luhnSum(body, true) % 10)) % 10)
}

/** bank card number: spaces allowed while typing, 16–19 digits, Luhn check digit */
export function checkBankCard(input: string): Check<string> {
  const card = input.replace(/\s+/g, '')
  if (card === '') return fail('请输入银行卡号')
  if (!/^\d+$/.test(card)) return fail('银行卡号只能包含数字')
  if (card.length < 16 || card.length > 19) return fail('银行卡号应为16到19位数字')
  if (!luhnValid(card)) return fail('银行卡号不正确，请核对')
  return { ok: true, value: card }
}

export function checkSmsCode(input: string): Check<string> {
  const code = input.trim()
  if (code === '') return fail('请输入验证码')
  if (!/^\d{6}$/.test(code)) return fail('验证码为6位数字')
  return { ok: true, value: code }
}

// ---------------------------------------------------------------- passwords

export const APP_PASSWORD_MIN = 8
export const APP_PASSWORD_MAX = 32

/** APP / 微信 / 网厅 password: 8–32 printable ASCII characters, at least 3 of upper, lower, digit, symbol */
export function checkAppPassword(password: string): Check<string> {
  if (password === '') return fail('请输入密码')
  if (password.length < APP_PASSWORD_MIN) return fail(`密码至少${APP_PASSWORD_MIN}位`)
  if (password.length > APP_PASSWORD_MAX) return fail(`密码不能超过${APP_PASSWORD_MAX}位`)
  if (!/^[\x21-\x7e]+$/.test(password)) return fail('密码只能包含字母、数字和英文符号，不能有空格')
  const kinds = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length
  if (kinds < 3) return fail('密码须包含大写字母、小写字母、数字、符号中的至少三种')
  return { ok: true, value: password }
}

/** 12329 语音热线/触摸屏 password: 6 digits, not all the same, not a straight run like 123456 / 654321 */
export function checkHotlinePassword(password: string): Check<string> {
  if (password === '') return fail('请输入密码')
  if (!/^\d{6}$/.test(password)) return fail('热线密码须为6位数字')
  if (/^(\d)\1{5}$/.test(password)) return fail('密码不能是6位相同的数字')
  const steps = new Set<number>()
  for (let i = 1; i < 6; i++) steps.add(Number(password[i]) - Number(password[i - 1]))
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return fail('密码不能是连续的数字，如123456')
  return { ok: true, value: password }
}

/**
 * The APP/微信/网厅 password policy as a checklist, for showing it while the person types: each rule
 * of checkAppPassword with whether `password` meets it.
 */
export function appPasswordRules(password: string): { rule: string; ok: boolean }[] {
  const kinds = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length
  return [
    {
      rule: `${APP_PASSWORD_MIN}到${APP_PASSWORD_MAX}位`,
      ok: password.length >= APP_PASSWORD_MIN && password.length <= APP_PASSWORD_MAX,
    },
    { rule: '大写字母、小写字母、数字、符号至少三种', ok: kinds >= 3 },
    { rule: '不含空格和中文', ok: password === '' || /^[\x21-\x7e]+$/.test(password) },
  ]
}

/**
 * The 12329 password of one person: the general rule, and not the birth date of their ID number
 * (any 6 digits in a row of YYYYMMDD, or MMDDYY / DDMMYY).
 */
export function checkHotlinePasswordOf(password: string, idNumber: string): Check<string> {
  const general = checkHotlinePassword(password)
  if (!general.ok) return general
  const birth = birthDateFromId(idNumber)
  if (birth) {
    const [y, m, d] = birth.split('-') as [string, string, string]
    const ymd = `${y}${m}${d}`
    const forms = new Set([
      ymd.slice(0, 6),
      ymd.slice(1, 7),
      ymd.slice(2, 8),
      `${m}${d}${y.slice(2)}`,
      `${d}${m}${y.slice(2)}`,
    ])
    if (forms.has(password)) return fail('密码不能使用身份证号码中的出生日期')
  }
  return general
}

export interface PasswordChange {
  oldPassword: string
  newPassword: string
  confirmPassword: string
}

/** a password change: old entered, new meets the policy, differs from old, confirmation matches */
export function checkPasswordChange(input: PasswordChange, policy: (password: string) => Check<string>): Check<string> {
  if (input.oldPassword === '') return fail('请输入原密码', 'oldPassword')
  const next = policy(input.newPassword)
  if (!next.ok) return fail(next.message, 'newPassword')
  if (input.newPassword === input.oldPassword) return fail('新密码不能与原密码相同', 'newPassword')
  if (input.confirmPassword !== input.newPassword) return fail('两次输入的新密码不一致', 'confirmPassword')
  return next
}

// ---------------------------------------------------------------- amounts

export interface AmountBounds {
  /** inclusive upper bound */
  maxFen?: number
  /** what the bound is, for the message: e.g. '可提取金额' */
  maxLabel?: string
}

/** an amount in fen: a whole number of fen, more than 0, not above the bound */
export function checkAmountFen(fen: number, { maxFen = MAX_FEN, maxLabel = '' }: AmountBounds = {}): Check<number> {
  if (!Number.isSafeInteger(fen)) return fail('金额格式不正确，最多精确到分')
  if (fen <= 0) return fail('请输入大于0的金额')
  if (fen > maxFen) return fail(`金额不能超过${maxLabel}${formatYuan(maxFen)}元`)
  return { ok: true, value: fen }
}

/** an amount as typed in 元 ("1,234.5") → fen, with the same bounds */
export function checkYuanText(text: string, bounds?: AmountBounds): Check<number> {
  const parsed = parseYuan(text)
  return parsed.ok ? checkAmountFen(parsed.fen, bounds) : parsed
}

// ---------------------------------------------------------------- masking (DESIGN §5)

/** 654301199001011234 → 6543**********1234 */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

/** 6222021234567890128 → 6222 **** **** 0128 */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\s+/g, '')
  return digits.length <= 8 ? '*'.repeat(digits.length) : `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`
}

/** 王冬冬 → 王*冬, 王冬 → 王*, 欧阳冬冬 → 欧**冬 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
