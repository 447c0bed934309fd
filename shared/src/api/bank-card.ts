import * as z from 'zod/mini'
import '../zod-locale'
import { bankCardSchema } from '../validation-schemas'
import { id, maskedBankCard } from './common'
import { defineOperation, emptyInput } from './contract'

/** 收款银行账号: the depositor's own debit cards (Luhn-valid, 16–19 digits, in their own name) */
export const bankCardInfoSchema = z.object({
  id,
  bankName: z.string(),
  cardNoMasked: maskedBankCard,
})
export type BankCardInfo = z.infer<typeof bankCardInfoSchema>

export const listBankCards = defineOperation({
  name: 'listBankCards',
  method: 'GET',
  path: '/api/bank-cards',
  audience: 'depositor',
  summary: '本人的收款银行卡',
  input: emptyInput,
  output: z.object({ cards: z.array(bankCardInfoSchema) }),
})

export const addBankCard = defineOperation({
  name: 'addBankCard',
  method: 'POST',
  path: '/api/bank-cards',
  audience: 'depositor',
  summary: '添加新银行卡：收款银行账号 + 收款银行（须为本人名下一类借记卡）',
  input: z.strictObject({
    cardNo: bankCardSchema,
    bankName: z
      .string({ error: '请输入收款银行' })
      .check(z.trim(), z.minLength(1, { error: '请输入收款银行' }), z.maxLength(50)),
  }),
  output: bankCardInfoSchema,
})
