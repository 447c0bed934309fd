/** what a cancelled DynamoDB transaction says about each of its items */
export function isTransactionCanceled(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'TransactionCanceledException'
}

export function cancellationCodes(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] } | null)?.CancellationReasons ?? []
  return reasons.map((r) => r.Code ?? 'None')
}

/** index of the first item whose condition failed, or -1 */
export function failedConditionIndex(error: unknown): number {
  return cancellationCodes(error).indexOf('ConditionalCheckFailed')
}

/**
 * The same ClientRequestToken met a transaction of other parameters (a concurrent retry built its
 * own timestamps) or one that is still running.
 */
export function isIdempotencyClash(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name
  return name === 'IdempotentParameterMismatchException' || name === 'TransactionInProgressException'
}
