import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createLocalSmsSender, phoneDigest } from './local'

describe('the local SMS sender', () => {
  test('writes each code to the outbox with the phone only hashed and masked', async () => {
    const outboxFile = join(mkdtempSync(join(tmpdir(), 'gjj-sms-')), 'outbox.jsonl')
    const sender = createLocalSmsSender({ stage: 'local', outboxFile, now: () => new Date('2026-03-01T02:00:00Z') })
    await sender.sendCode('13800138000', '123456', 'changePhone')
    await sender.sendCode('13900139000', '654321', 'resetPassword')

    const text = readFileSync(outboxFile, 'utf8')
    expect(text).not.toContain('13800138000')
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({
      at: '2026-03-01T02:00:00.000Z',
      to: phoneDigest('13800138000'),
      phoneMasked: '138****8000',
      purpose: 'changePhone',
      code: '123456',
      text: '【公积金】您正在修改手机号码，验证码 123456，5分钟内有效，请勿告诉他人。',
    })
    expect(lines[1]).toMatchObject({ phoneMasked: '139****9000', purpose: 'resetPassword', code: '654321' })
  })

  test.each(['dev', 'prod'])('refuses to exist on stage %s', (stage) => {
    expect(() => createLocalSmsSender({ stage, outboxFile: '/tmp/never' })).toThrow('only allowed on the local stage')
  })
})
