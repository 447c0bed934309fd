import { describe, expect, test } from 'vitest'
import { isIsoDate } from '../date'
import { needsConsent, PRIVACY_SUMMARY_MAX_CHARS, PRIVACY_VERSION, privacySummary } from './privacy'
import { privacyStatement } from './privacy-statement'

const fullText = privacyStatement.sections.flatMap((s) => [s.title, ...s.paragraphs]).join('\n')

describe('the privacy statement', () => {
  test('its version is a date and the statement names it', () => {
    expect(isIsoDate(PRIVACY_VERSION)).toBe(true)
    expect(privacyStatement.version).toBe(PRIVACY_VERSION)
    expect(fullText).toContain(PRIVACY_VERSION)
  })

  test('every section has a title and sentences that end properly', () => {
    expect(privacyStatement.sections.length).toBeGreaterThanOrEqual(6)
    for (const section of privacyStatement.sections) {
      expect(section.title).not.toBe('')
      expect(section.paragraphs.length).toBeGreaterThan(0)
      for (const paragraph of section.paragraphs) expect(paragraph).toMatch(/[。）]$/)
    }
  })

  test.each([
    ['the name', '姓名'],
    ['the ID number', '身份证号码'],
    ['the phone number', '手机号码'],
    ['face verification through WeChat', '微信人脸核身'],
    ['that no face image is kept', '不接收、不保存您的人脸图像'],
    ['the Alipay route', '支付宝用户标识'],
    ['location only for sorting outlets, never stored', '只用于计算您到各网点的距离，不保存'],
    ['uploaded archives', '档案材料'],
    ['bank card numbers', '银行卡号'],
    ['archives kept by the fund’s archive rules', '按住房公积金业务档案管理的规定保存'],
    ['sessions ending after 30 idle minutes', '30 分钟没有操作即失效'],
    ['unsubmitted uploads deleted after 2 days', '2 天后自动删除'],
    ['logs kept 180 days', '180 天'],
    ['the depositor’s own center', '您的公积金中心'],
    ['Tencent', '腾讯'],
    ['nobody else', '不向任何其他单位或个人提供'],
    ['data kept in China', '中国境内'],
    ['how to query', '查询：'],
    ['how to correct', '更正：'],
    ['how to withdraw consent', '“我”→“隐私声明”→“撤回同意”'],
    ['how to close the account', '注销：'],
    ['the 12329 hotline', '12329'],
  ])('it tells %s (%s)', (_what, words) => {
    expect(fullText).toContain(words)
  })

  test('it is this service’s statement, not the old vendor website terms', () => {
    for (const words of ['神玥', 'shineyue', '本网站', '使用条款', '知识产权']) expect(fullText).not.toContain(words)
  })
})

describe('the summary shown on first open', () => {
  test(`fits in ${PRIVACY_SUMMARY_MAX_CHARS} characters and offers 【同意】 and 【不同意】`, () => {
    expect(Array.from(privacySummary).length).toBeLessThanOrEqual(PRIVACY_SUMMARY_MAX_CHARS)
    expect(privacySummary).toContain('【同意】')
    expect(privacySummary).toContain('【不同意】')
    expect(privacySummary).toContain('《隐私声明》')
  })

  test.each([
    ['姓名'],
    ['身份证号码'],
    ['手机号码'],
    ['档案材料'],
    ['银行卡号'],
    ['位置信息'],
    ['不保存'],
    ['腾讯或支付宝'],
  ])('names %s', (words) => {
    expect(privacySummary).toContain(words)
  })
})

describe('when to ask for consent', () => {
  test.each([
    [undefined, true],
    [null, true],
    ['', true],
    ['2026-01-01', true],
    [PRIVACY_VERSION, false],
    ['2099-01-01', false],
  ])('a person who agreed to %j is asked: %s', (accepted, ask) => {
    expect(needsConsent(accepted)).toBe(ask)
  })
})
