import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createVerifier, memoryFaceSessions } from './index'

const app = generateKeyPairSync('rsa', { modulusLength: 2048 })
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keys = {
  alipay: {
    appId: '2021000000000001',
    privateKey: app.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    alipayPublicKey: alipay.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  },
  wechat: { appId: 'wx0123456789abcdef', appSecret: 'app-secret' },
}

describe('createVerifier', () => {
  test('the local provider on the local stage gives the local verifier', () => {
    expect(createVerifier({ stage: 'local', provider: 'local' }).name).toBe('local')
  })

  test('the local provider is refused on stage prod', () => {
    expect(() => createVerifier({ stage: 'prod', provider: 'local' })).toThrow(
      'The local identity verifier is only allowed on the local stage, not on stage "prod"',
    )
  })

  test('the real provider names every key that is missing', () => {
    expect(() => createVerifier({ stage: 'prod', provider: 'real' })).toThrow(
      'The real identity verifier is missing alipay.appId, alipay.privateKey, alipay.alipayPublicKey, wechat.appId, wechat.appSecret',
    )
    expect(() =>
      createVerifier({
        stage: 'prod',
        provider: 'real',
        alipay: { ...keys.alipay, privateKey: '' },
        wechat: keys.wechat,
        faceSessions: memoryFaceSessions(),
      }),
    ).toThrow('The real identity verifier is missing alipay.privateKey')
  })

  test('the real provider outside the local stage needs a face session store shared by the functions', () => {
    expect(() => createVerifier({ stage: 'prod', provider: 'real', ...keys })).toThrow(/missing faceSessions/)
  })

  test('the real provider with every key is the real verifier', () => {
    const verifier = createVerifier({ stage: 'prod', provider: 'real', ...keys, faceSessions: memoryFaceSessions() })

    expect(verifier.name).toBe('real')
    expect(createVerifier({ stage: 'local', provider: 'real', ...keys }).name).toBe('real')
  })

  test('a malformed Alipay key is refused when the verifier is built, not at the first login', () => {
    expect(() =>
      createVerifier({
        stage: 'prod',
        provider: 'real',
        alipay: { ...keys.alipay, alipayPublicKey: 'MIIB-not-base64-key' },
        wechat: keys.wechat,
        faceSessions: memoryFaceSessions(),
      }),
    ).toThrow('alipay.alipayPublicKey is not an RSA public key')
  })
})
