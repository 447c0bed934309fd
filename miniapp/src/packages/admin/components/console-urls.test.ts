import { describe, expect, test } from 'vitest'
import { adminUrl, afterLogin, homeFor, sectionsFor } from './console-urls'

describe('what the console offers', () => {
  test.each([
    [['reviewer'], ['queue', 'documents']],
    [['publisher'], ['news', 'outlets']],
    [['regionAdmin'], ['news']],
    [
      ['regionAdmin', 'publisher'],
      ['news', 'outlets'],
    ],
    [
      ['reviewer', 'publisher'],
      ['queue', 'documents', 'news', 'outlets'],
    ],
    [['centerAdmin'], ['staff', 'audit']],
  ] as const)('roles %j open %j', (roles, sections) => {
    expect(sectionsFor(roles)).toEqual(sections)
  })

  test('after signing in: the page asked for, else the first section the roles open', () => {
    expect(afterLogin(undefined, ['reviewer'])).toBe(adminUrl.queue())
    expect(afterLogin(undefined, ['publisher'])).toBe(adminUrl.news())
    expect(homeFor(['regionAdmin'])).toBe(adminUrl.news())
    expect(afterLogin(encodeURIComponent(adminUrl.outlets()), ['publisher'])).toBe(adminUrl.outlets())
    // outside the console, or the login itself: the home page
    expect(afterLogin('/pages/me/index', ['publisher'])).toBe(adminUrl.news())
    expect(afterLogin(adminUrl.login(), ['reviewer'])).toBe(adminUrl.queue())
    expect(homeFor(['centerAdmin'])).toBe(adminUrl.staff())
  })

  test('a password set by an admin is changed before anything else', () => {
    expect(afterLogin(encodeURIComponent(adminUrl.outlets()), ['publisher'], true)).toBe(adminUrl.password())
    expect(afterLogin(undefined, ['reviewer'], true)).toBe(adminUrl.password())
  })
})
