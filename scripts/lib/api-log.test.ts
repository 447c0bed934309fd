import { describe, expect, test } from 'vitest'
import { lineSplitter, problemLine } from './api-log'

/** which lines of the API's output `npm start` shows at its console, and how */
describe('problemLine', () => {
  test.each([
    [
      'a contract failure of a function',
      '{"level":"ERROR","message":"listDepositHistory: the answer fails the contract at items.0.balanceFen (too_small)","timestamp":"2026-12-02T19:00:16.925Z","service":"gjj","operation":"listDepositHistory","fields":["items.0.balanceFen (too_small)"],"issueCount":1}',
      'ERROR listDepositHistory: the answer fails the contract at items.0.balanceFen (too_small)',
    ],
    [
      'an unexpected exception, with its name, first message line and place',
      '{"level":"ERROR","message":"unexpected error","operation":"getAccount","error":{"name":"TypeError","location":"file:///x/functions/src/services/account.ts:12","message":"Cannot read properties of undefined (reading \'x\')\\nmore","stack":"TypeError: ..."}}',
      "ERROR getAccount: unexpected error — TypeError: Cannot read properties of undefined (reading 'x') (file:///x/functions/src/services/account.ts:12)",
    ],
    [
      'a warning of a function',
      '{"level":"WARN","message":"retryable AWS error","operation":"submitApplication","error":"ThrottlingException"}',
      'WARN submitApplication: retryable AWS error — ThrottlingException',
    ],
    [
      'serverless-offline’s own error',
      '\u001b[31m✖\u001b[39m Error importing module x',
      'ERROR Error importing module x',
    ],
    [
      'serverless-offline’s own error without colours',
      '× Unhandled exception in handler',
      'ERROR Unhandled exception in handler',
    ],
    ['serverless-offline’s warning', 'Warning: Old version', 'WARN Old version'],
    [
      'a Node process warning',
      '(node:42) DeprecationWarning: Buffer() is deprecated',
      'WARN DeprecationWarning: Buffer() is deprecated',
    ],
  ])('shows %s', (_what, line, shown) => {
    expect(problemLine(line)).toBe(shown)
  })

  test.each([
    ['an info line of a function', '{"level":"INFO","message":"approved","operation":"approveApplication"}'],
    ['a request line', 'GET /api/account/history (λ: listDepositHistory)'],
    ['a duration line', '(λ: health) RequestId: 4a14  Duration: 339.47 ms  Billed Duration: 340 ms'],
    ['a line that only looks like JSON', '{ not json'],
    ['an empty line', ''],
  ])('keeps %s to the log file', (_what, line) => {
    expect(problemLine(line)).toBeUndefined()
  })
})

describe('lineSplitter', () => {
  test('joins lines split across chunks and hands over the unfinished last one at the end', () => {
    const lines: string[] = []
    const split = lineSplitter((l) => lines.push(l))
    split.write('{"level":"ER')
    split.write('ROR"}\nsecond\nthi')
    expect(lines).toEqual(['{"level":"ERROR"}', 'second'])
    split.end()
    expect(lines).toEqual(['{"level":"ERROR"}', 'second', 'thi'])
  })
})
