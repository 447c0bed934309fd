import { describe, expect, test } from 'vitest'
import {
  allowedImageSrc,
  checkImagePrefixes,
  newsIdFromHref,
  newsLinkHref,
  plainSummary,
  plainTextToNodes,
  type RichTextNode,
  toMiniProgramNodes,
  toSafeHtml,
} from './rich-text-nodes'
import { richTextNodesSchema } from './rich-text-schemas'

const PREFIX = 'https://cdn.gjj.test/public/news/'
const text = (t: string): RichTextNode => ({ type: 'text', text: t })
const el = (name: string, attrs: Record<string, string>, ...children: RichTextNode[]) =>
  ({ name, attrs, children }) as RichTextNode

describe('internal news links', () => {
  test.each([
    ['/news/n-2026-11', 'n-2026-11'],
    [' /news/abc_1 \n', 'abc_1'],
    ['news:abc', 'abc'],
    ['NEWS:abc', 'abc'],
    [`/news/${'a'.repeat(64)}`, 'a'.repeat(64)],
  ])('%j links to news %s', (href, id) => {
    expect(newsIdFromHref(href)).toBe(id)
    expect(newsLinkHref(href)).toBe(`/news/${id}`)
  })

  test.each([
    ['javascript:alert(1)'],
    ['https://gjj.example/news/1'],
    ['//evil.example/news/1'],
    ['/news/'],
    ['/news/1/'],
    ['/news/1?x=1'],
    ['/news/1#top'],
    ['/news/../admin'],
    ['/News/1'],
    ['/news/中文'],
    ['/news/a b'],
    [`/news/${'a'.repeat(65)}`],
    ['news:'],
    ['news://1'],
    ['news:comp.lang.javascript'],
    ['\\news\\1'],
  ])('%j is not an internal news link', (href) => {
    expect(newsIdFromHref(href)).toBeUndefined()
  })
})

describe('image sources', () => {
  test.each([[`${PREFIX}a.png`], [`${PREFIX}2026/12/notice-1.jpg`], [`  ${PREFIX}a%E5%9B%BE.png `]])(
    '%s is the system’s own storage',
    (src) => {
      expect(allowedImageSrc(src, [PREFIX])).toBe(src.trim())
    },
  )

  test.each([
    ['another host', 'https://evil.example/public/news/a.png'],
    ['a look-alike host', 'https://cdn.gjj.test.evil.example/public/news/a.png'],
    ['a sibling folder', 'https://cdn.gjj.test/public/newsx/a.png'],
    ['the folder itself', PREFIX],
    ['a parent segment', `${PREFIX}../private/a.png`],
    ['an encoded parent segment', `${PREFIX}%2e%2e/private/a.png`],
    ['an encoded slash', `${PREFIX}..%2Fprivate.png`],
    ['a backslash', `${PREFIX}..\\private.png`],
    ['a double slash', `${PREFIX}a//b.png`],
    ['a query', `${PREFIX}a.png?x=1`],
    ['a fragment', `${PREFIX}a.png#x`],
    ['a quote', `${PREFIX}a.png" onerror="alert(1)`],
    ['a space inside', `${PREFIX}a b.png`],
    ['a bad percent', `${PREFIX}a%zz.png`],
    ['http for https', 'http://cdn.gjj.test/public/news/a.png'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:image/png;base64,AAAA'],
    ['too long a URL', `${PREFIX}${'a'.repeat(2100)}.png`],
  ])('%s is refused', (_what, src) => {
    expect(allowedImageSrc(src, [PREFIX])).toBeUndefined()
  })

  test('no prefix configured: no image at all', () => {
    expect(allowedImageSrc(`${PREFIX}a.png`, [])).toBeUndefined()
  })

  test.each([
    ['https://cdn.gjj.test'],
    ['https://cdn.gjj.test/public/news'],
    ['https://cdn.gjj.test/news/?x=/'],
    ['ftp://cdn.gjj.test/news/'],
    ['/public/news/'],
    ['https://user@cdn.gjj.test/news/'],
  ])('the image prefix %j is a configuration mistake', (prefix) => {
    expect(() => checkImagePrefixes([prefix])).toThrow('image prefix')
  })

  test('folder prefixes on https, and on http for the local stack, are accepted', () => {
    expect(() =>
      checkImagePrefixes([PREFIX, 'http://127.0.0.1:4569/gjj-local/public/news/', 'https://a.b/']),
    ).not.toThrow()
  })
})

describe('clean nodes as HTML', () => {
  test('text and attribute values are escaped and attributes double-quoted', () => {
    const nodes = [
      el('p', {}, text('a < b && c > "d" \'e\'')),
      el('img', { src: `${PREFIX}a.png`, alt: '图 "1" <x>' }),
      el('a', { href: '/news/x' }, text('<script>')),
    ]
    expect(toSafeHtml(nodes)).toBe(
      `<p>a &lt; b &amp;&amp; c &gt; "d" 'e'</p><img src="${PREFIX}a.png" alt="图 &quot;1&quot; &lt;x&gt;"><a href="/news/x">&lt;script&gt;</a>`,
    )
  })

  test('anything not allowed that reaches it is left out, children kept', () => {
    const forged = [
      el('script', {}, text('alert(1)')),
      el('p', { style: 'color:red', onclick: 'alert(1)', class: 'x' }, text('p')),
      el('a', { href: 'javascript:alert(1)' }, text('link')),
      el('img', { src: 'javascript:alert(1)', onerror: 'alert(1)' }),
      el('img', { src: 'https://x.example/a.png" onerror="alert(1)' }),
      el('td', { colspan: '2 onmouseover=alert(1)', rowspan: '3' }, text('c')),
      el('br', {}),
      { type: 'text', text: 'nul\u0000 and bell\u0007 gone' } as RichTextNode,
    ]
    expect(toSafeHtml(forged)).toBe('alert(1)<p>p</p>link<td rowspan="3">c</td><br>nul and bell gone')
  })

  test('with the image prefixes at hand, images are checked against them again', () => {
    const nodes = [el('img', { src: 'https://other.example/a.png' }), el('img', { src: `${PREFIX}b.png` })]
    expect(toSafeHtml(nodes)).toBe(`<img src="https://other.example/a.png"><img src="${PREFIX}b.png">`)
    expect(toSafeHtml(nodes, { imagePrefixes: [PREFIX] })).toBe(`<img src="${PREFIX}b.png">`)
  })
})

describe('the one-line summary', () => {
  const article = [
    el('h2', {}, text('关于调整缴存基数的通知')),
    text('\n'),
    el('p', {}, text('各缴存单位：'), el('br', {}), text('现将\u3000有关事项\n\n通知如下。')),
    el('figure', {}, el('img', { src: `${PREFIX}a.png`, alt: '原文' }), el('figcaption', {}, text('通知原文'))),
    el('ul', {}, el('li', {}, text('一')), el('li', {}, text('二'))),
  ]

  test('blocks and breaks become single spaces, images nothing', () => {
    expect(plainSummary(article, 200)).toBe(
      '关于调整缴存基数的通知 各缴存单位： 现将 有关事项 通知如下。 通知原文 一 二',
    )
  })

  test.each([
    [10, '关于调整缴存基数的…'],
    [11, '关于调整缴存基数的通…'],
    [12, '关于调整缴存基数的通知…'],
    [13, '关于调整缴存基数的通知…'],
    [1, '…'],
  ])('cut to %s characters it reads %s', (max, summary) => {
    const cut = plainSummary(article, max)
    expect(cut).toBe(summary)
    expect(Array.from(cut).length).toBeLessThanOrEqual(max)
  })

  test('an emoji is counted as one character and never cut in half', () => {
    const nodes = [text('😀😀😀😀')]
    expect(plainSummary(nodes, 4)).toBe('😀😀😀😀')
    expect(plainSummary(nodes, 3)).toBe('😀😀…')
  })

  test('inline elements do not add spaces and an empty body is an empty summary', () => {
    expect(plainSummary([el('p', {}, text('住房'), el('strong', {}, text('公积金')), text('中心'))], 50)).toBe(
      '住房公积金中心',
    )
    expect(plainSummary([], 50)).toBe('')
  })

  test.each([[0], [-1], [1.5]])('a length of %s is refused', (max) => {
    expect(() => plainSummary(article, max)).toThrow('摘要长度应为正整数')
  })
})

describe('nodes for WeChat and Alipay', () => {
  test('untrusted figure, figcaption and u become div, p and an underlined span; images fit the screen; links lose href', () => {
    const nodes = [
      el('figure', {}, el('img', { src: `${PREFIX}a.png`, alt: 'x' }), el('figcaption', {}, el('u', {}, text('说明')))),
      el('p', {}, el('a', { href: '/news/1' }, text('上期'))),
      el('td', { colspan: '2' }, text('c')),
    ]
    expect(toMiniProgramNodes(nodes)).toEqual([
      {
        name: 'div',
        attrs: {},
        children: [
          {
            name: 'img',
            attrs: { src: `${PREFIX}a.png`, alt: 'x', style: 'max-width:100%;height:auto' },
            children: [],
          },
          {
            name: 'p',
            attrs: {},
            children: [{ name: 'span', attrs: { style: 'text-decoration:underline' }, children: [text('说明')] }],
          },
        ],
      },
      { name: 'p', attrs: {}, children: [{ name: 'a', attrs: {}, children: [text('上期')] }] },
      { name: 'td', attrs: { colspan: '2' }, children: [text('c')] },
    ])
  })

  test.each([
    ['R&D 公积金&贷款', 'R&D 公积金&贷款'],
    ['write &amp; for &', 'write &amp;amp; for &'],
    ['&lt;script&gt;', '&amp;lt;script&amp;gt;'],
    ['&#38; and &#x26;', '&amp;#38; and &amp;#x26;'],
    ['a & b; c', 'a & b; c'],
  ])('the text %j is written %j because WeChat decodes entities in text nodes', (input, output) => {
    expect(toMiniProgramNodes([text(input)])).toEqual([text(output)])
  })
})

describe('plain text bodies', () => {
  test('blank lines separate paragraphs and single line breaks stay', () => {
    expect(plainTextToNodes('第一段\r\n第一段第二行\r\n\r\n  \n第二段\n\n\n')).toEqual([
      el('p', {}, text('第一段'), el('br', {}), text('第一段第二行')),
      el('p', {}, text('第二段')),
    ])
    expect(plainTextToNodes('  \n ')).toEqual([])
  })
})

describe('the contract’s node schema', () => {
  test('clean nodes pass', () => {
    const nodes = [
      el('h2', {}, text('标题')),
      el('p', {}, text('正文'), el('br', {}), el('a', { href: '/news/1' }, text('链接'))),
      el('img', { src: `${PREFIX}a.png`, alt: '图' }),
      el('table', {}, el('tbody', {}, el('tr', {}, el('td', { colspan: '2', rowspan: '100' }, text('x'))))),
    ]
    expect(richTextNodesSchema.parse(nodes)).toEqual(nodes)
  })

  test.each([
    ['a script element', [el('script', {}, text('alert(1)'))], '0'],
    ['a style attribute', [el('p', { style: 'color:red' })], '0.attrs.style'],
    ['an event handler', [el('img', { src: `${PREFIX}a.png`, onerror: 'alert(1)' })], '0.attrs.onerror'],
    ['a javascript link', [el('a', { href: 'javascript:alert(1)' })], '0.attrs.href'],
    ['a non-canonical link', [el('a', { href: 'news:1' })], '0.attrs.href'],
    ['an image that is not http(s)', [el('img', { src: 'data:image/png;base64,AA' })], '0.attrs.src'],
    ['a colspan of 101', [el('td', { colspan: '101' })], '0.attrs.colspan'],
    ['a line break with children', [el('br', {}, text('x'))], '0.children'],
    ['a nested forbidden element', [el('p', {}, el('iframe', {}))], '0.children.0'],
    ['a text node with extra keys', [{ type: 'text', text: 'x', html: '<b>' }], '0'],
  ])('%s is refused with a Chinese message', (_what, nodes, path) => {
    const result = richTextNodesSchema.safeParse(nodes)
    expect(result.success).toBe(false)
    const issue = result.error?.issues.find((i) => i.path.map(String).join('.') === path) ?? result.error?.issues[0]
    expect(issue?.message).toBe('正文含有不允许的内容')
  })
})
