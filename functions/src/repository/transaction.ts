import { randomUUID } from 'node:crypto'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { db } from './client'

/**
 * TransactWriteItems with typed outcomes: the only place that reads a cancelled transaction.
 *
 * Each write names what its failed condition means (`onFailure`), told the item as it was when the
 * condition failed (DynamoDB returns it: ReturnValuesOnConditionCheckFailure ALL_OLD), so a caller
 * gets `{ ok: false, reason: 'insufficientBalance' }` instead of reading cancellation positions. A
 * cancellation only by other transactions in flight on its items (TransactionConflict) is tried
 * again up to 3 times after a short random pause; one without a failed condition after that
 * (conflicts, throttling) is thrown as it is: the error boundary answers a retryable 503 and
 * nothing was written.
 */
export type TxItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

/** a stored item as DynamoDB gives it back */
export type StoredItem = Record<string, unknown>

/** why a step did not happen; `reason` is what the caller switches on */
export interface Failure {
  reason: string
}

export interface Write<F extends Failure = never> {
  item: TxItem
  /** what a failed condition of this item means, given the item as it is now (undefined: no such item) */
  onFailure?: (current: StoredItem | undefined) => F
}

/** the same request token met a transaction of other parameters, or one still running */
export type Duplicate = { reason: 'duplicate' }

export type Outcome<F extends Failure> = { ok: true } | ({ ok: false } & F)

/** a write whose condition is not expected to fail (a unique new key): a failure is an error */
export const plain = (item: TxItem): Write => ({ item })

export function isTransactionCanceled(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'TransactionCanceledException'
}

function isIdempotencyClash(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name
  return name === 'IdempotentParameterMismatchException' || name === 'TransactionInProgressException'
}

function askForOldItem<F extends Failure>(w: Write<F>): TxItem {
  if (!w.onFailure) return w.item
  const [op, body] = Object.entries(w.item)[0] as [keyof TxItem, Record<string, unknown>]
  return { [op]: { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TxItem
}

/** Writes all or nothing. */
export async function transact<F extends Failure = never>(writes: Write<F>[]): Promise<Outcome<F>> {
  return run(writes) as Promise<Outcome<F>>
}

/**
 * Writes all or nothing, once: `requestToken` (ClientRequestToken) makes the same call repeated
 * within 10 minutes (the SDK's retry of a call whose answer was lost) a no-op; meeting it with
 * other parameters or still running is the `duplicate` outcome.
 */
export async function transactOnce<F extends Failure = never>(
  writes: Write<F>[],
  requestToken: string,
): Promise<Outcome<F | Duplicate>> {
  return run(writes, requestToken)
}

/** how often a transaction cancelled only by others in flight on its items is tried again */
const CONFLICT_RETRIES = 3

async function run<F extends Failure>(writes: Write<F>[], requestToken?: string): Promise<Outcome<F | Duplicate>> {
  const items = writes.map(askForOldItem)
  for (let attempt = 0; ; attempt++) {
    try {
      // a retry after a cancellation is a new request: the cancelled one wrote nothing
      const token = attempt === 0 ? requestToken : requestToken && randomUUID()
      await db.send(new TransactWriteCommand({ TransactItems: items, ...(token ? { ClientRequestToken: token } : {}) }))
      return { ok: true }
    } catch (error) {
      if (requestToken && isIdempotencyClash(error)) return { ok: false, reason: 'duplicate' }
      if (!isTransactionCanceled(error)) throw error
      const reasons =
        (error as { CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[] })
          .CancellationReasons ?? []
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed')
      if (failed < 0 && onlyConflicts(reasons) && attempt < CONFLICT_RETRIES) {
        // another transaction was in flight on one of the items (e.g. a busy counter): as AWS
        // advises, try again after a short random pause; conditions are evaluated afresh
        await sleep(10 + Math.random() * 40 * (attempt + 1))
        continue
      }
      const onFailure = writes[failed]?.onFailure
      if (!onFailure) throw error
      const old = reasons[failed]?.Item
      return { ok: false, ...onFailure(old ? unmarshall(old) : undefined) }
    }
  }
}

const onlyConflicts = (reasons: { Code?: string }[]) =>
  reasons.some((r) => r.Code === 'TransactionConflict') &&
  reasons.every((r) => !r.Code || r.Code === 'None' || r.Code === 'TransactionConflict')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** all or nothing, where only the first item (an entity at the version read) may fail: 'conflict' */
export async function writeGuarded(items: TxItem[]): Promise<'ok' | 'conflict'> {
  const [first, ...rest] = items
  if (!first) return 'ok'
  const outcome = await transact<{ reason: 'conflict' }>([
    { item: first, onFailure: () => ({ reason: 'conflict' }) },
    ...rest.map(plain),
  ])
  return outcome.ok ? 'ok' : 'conflict'
}
