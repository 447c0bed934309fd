import { listDepositHistory } from '@gjj/shared/api/account'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { endpoint } from '../endpoint'
import { openSession } from '../services/sessions'

/**
 * The error boundary when the handler itself is wrong: an answer that fails its contract output
 * schema is a 500 with no detail for the caller, and one error log line for the developer that
 * names the operation and the failing fields, without their values.
 */
function captureLog(): () => string[] {
  const lines: string[] = []
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(String(chunk))
      return write(chunk, ...rest)
    }) as typeof stream.write)
  }
  return () => lines.flatMap((l) => l.split('\n')).filter((l) => l.trim())
}

afterEach(() => {
  vi.restoreAllMocks()
})

const PHONE = '13899990004'
const NEGATIVE_BALANCE = -4_321_987

async function depositorToken() {
  const { token } = await openSession({
    kind: 'depositor',
    depositorId: 'DLOGTEST',
    centerCode: 'C65010',
    accountNo: '650100199999',
    loanNo: null,
    channel: 'h5',
  })
  return token
}

const goodEntry = {
  id: '00001',
  date: '2019-09-10',
  type: { code: '11' as const, label: '部分提取' },
  amountFen: -100,
  balanceFen: 100,
  month: null,
  summary: '购买住房提取',
}

describe('an answer that fails its contract', () => {
  test('is a 500 with no detail, logged as an error naming the operation and the failing paths, without values', async () => {
    const broken = endpoint(listDepositHistory, async () => ({
      items: [goodEntry, { ...goodEntry, id: '00002', balanceFen: NEGATIVE_BALANCE, month: PHONE }],
      nextCursor: null,
    }))
    const token = await depositorToken()
    const logged = captureLog()

    const res = await broken(eventFor(listDepositHistory, { year: 2019 }, { token }))

    expect(res.statusCode).toBe(500)
    expect(bodyOf(res)).toEqual({ code: 'INTERNAL', message: '系统异常，请稍后重试' })
    const errors = logged()
      .map((l) => JSON.parse(l) as { level: string; message: string; operation: string; fields: string[] })
      .filter((l) => l.level === 'ERROR')
    expect(errors).toHaveLength(1)
    const line = errors[0] as (typeof errors)[number]
    expect(line.operation).toBe('listDepositHistory')
    expect(line.message).toMatch(/^listDepositHistory: the answer fails the contract at /)
    expect(line.fields).toEqual(['items.1.balanceFen (too_small)', 'items.1.month (invalid_format)'])
    expect(line.message).toContain('items.1.balanceFen')
    expect(line.message).toContain('items.1.month')
    const raw = logged().join('\n')
    expect(raw).not.toContain(PHONE)
    expect(raw).not.toContain(String(NEGATIVE_BALANCE).slice(1))
    expect(raw).not.toContain('购买住房提取')
  })

  test('names at most five fields and counts the rest', async () => {
    const broken = endpoint(listDepositHistory, async () => ({
      items: Array.from({ length: 8 }, (_, i) => ({ ...goodEntry, id: String(i), balanceFen: -1 })),
      nextCursor: null,
    }))
    const token = await depositorToken()
    const logged = captureLog()

    const res = await broken(eventFor(listDepositHistory, {}, { token }))

    expect(res.statusCode).toBe(500)
    const line = logged().find((l) => l.includes('"ERROR"')) ?? ''
    const { message, fields } = JSON.parse(line) as { message: string; fields: string[] }
    expect(fields).toHaveLength(5)
    expect(message).toMatch(/items\.4\.balanceFen \(too_small\) and 3 more$/)
  })
})
