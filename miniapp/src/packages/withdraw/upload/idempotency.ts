/** a fresh idempotency key (contract: 16–64 of A–Z a–z 0–9 -) */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `${Date.now().toString(36)}-${random()}${random()}`
}
