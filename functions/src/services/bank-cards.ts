import { maskBankCard } from '@gjj/shared/validation'
import { nowIso } from '../lib/clock'
import { Unauthorized } from '../lib/errors'
import { newId } from '../lib/tokens'
import * as cards from '../repository/bank-cards'
import { getDepositor } from '../repository/depositors'
import type { DepositorSession } from '../repository/sessions'

/**
 * 收款银行账号: the depositor's own cards. The card number is checked (Luhn, 16–19 digits) by the
 * contract; the holder is the depositor by construction — a card is only ever added to and paid
 * to the signed-in depositor, in their name. (Verifying the name with the issuing bank needs a
 * bank-side service this system does not have yet.)
 */
const present = (c: cards.BankCardItem) => ({ id: c.id, bankName: c.bankName, cardNoMasked: maskBankCard(c.cardNo) })

export async function list(session: DepositorSession) {
  const all = await cards.listBankCards(session.depositorId)
  return { cards: all.sort((a, b) => a.addedAt.localeCompare(b.addedAt)).map(present) }
}

export async function add(session: DepositorSession, input: { cardNo: string; bankName: string }) {
  const holder = await getDepositor(session.depositorId)
  if (!holder) throw new Unauthorized()
  const existing = (await cards.listBankCards(session.depositorId)).find((c) => c.cardNo === input.cardNo)
  if (existing) return present(existing)
  const card = {
    id: newId('C'),
    cardNo: input.cardNo,
    bankName: input.bankName,
    holderName: holder.name,
    addedAt: nowIso(),
  }
  await cards.putBankCard(session.depositorId, card)
  return present(card)
}
