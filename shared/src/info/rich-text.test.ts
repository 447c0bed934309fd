import { parseDocument } from 'htmlparser2'
import { describe, expect, test } from 'vitest'
import {
  hasContent,
  MAX_DEPTH,
  RICH_TEXT_ATTRS,
  RICH_TEXT_MAX_CHARS,
  RICH_TEXT_TAGS,
  type RichTextNode,
  sanitizeRichText,
  toSafeHtml,
} from './rich-text'
import { richTextSchema } from './rich-text-schemas'

const PREFIX = 'https://cdn.gjj.test/public/news/'
const OPTIONS = { imagePrefixes: [PREFIX] }
const clean = (html: string) => sanitizeRichText(html, OPTIONS)
const roundTrip = (html: string) => toSafeHtml(clean(html))

const TAG = `(?:${RICH_TEXT_TAGS.join('|')})`
/** the only shape clean HTML can have: allowed tags with allowed double-quoted attributes, text with no < or > */
const CLEAN_HTML = new RegExp(`^(?:[^<>]|<${TAG}(?: (?:href|src|alt|colspan|rowspan)="[^"<>]*")*>|</${TAG}>)*$`)
const NEWS_HREF = /^\/news\/[A-Za-z0-9_-]{1,64}$/

function attributeIsSafe(name: string, attr: string, value: string) {
  if (!(RICH_TEXT_ATTRS[name as keyof typeof RICH_TEXT_ATTRS] ?? []).includes(attr)) return false
  if (attr === 'href') return NEWS_HREF.test(value)
  if (attr === 'src') return value.startsWith(PREFIX) && !/[\s"'<>\\?#]/.test(value)
  if (attr === 'colspan' || attr === 'rowspan') return /^\d{1,3}$/.test(value)
  return attr === 'alt'
}

type DomNodes = ReturnType<typeof parseDocument>['children']

/** no element but the allowed ones, no attribute but the allowed ones with checked values: in the nodes, in the HTML, and in that HTML parsed again */
function expectSafe(nodes: RichTextNode[]) {
  const problems: string[] = []
  const walkNodes = (list: RichTextNode[], depth: number) => {
    if (depth > MAX_DEPTH) problems.push(`depth ${depth}`)
    for (const node of list) {
      if ('type' in node) {
        if (node.type !== 'text' || typeof node.text !== 'string') problems.push(`text node ${JSON.stringify(node)}`)
        continue
      }
      if (!(RICH_TEXT_TAGS as readonly string[]).includes(node.name)) problems.push(`element ${node.name}`)
      for (const [attr, value] of Object.entries(node.attrs)) {
        if (!attributeIsSafe(node.name, attr, value)) problems.push(`${node.name}[${attr}=${value}]`)
      }
      walkNodes(node.children, depth + 1)
    }
  }
  walkNodes(nodes, 0)

  const html = toSafeHtml(nodes)
  if (!CLEAN_HTML.test(html)) problems.push(`html ${html.slice(0, 200)}`)
  const walkDom = (list: DomNodes) => {
    for (const node of list) {
      if (node.type === 'text') continue
      if (node.type !== 'tag') {
        problems.push(`parsed ${node.type}`)
        continue
      }
      if (!(RICH_TEXT_TAGS as readonly string[]).includes(node.name)) problems.push(`parsed element ${node.name}`)
      for (const [attr, value] of Object.entries(node.attribs)) {
        if (!attributeIsSafe(node.name, attr, value)) problems.push(`parsed ${node.name}[${attr}=${value}]`)
      }
      walkDom(node.children)
    }
  }
  walkDom(parseDocument(html).children)
  expect(problems).toEqual([])
  return html
}

// Written for this test from the well-known filter-evasion families (OWASP XSS Filter Evasion
// Cheat Sheet, html5sec.org, DOMPurify's mXSS reports); nothing fetched. Each row: the vector and,
// where it says something, the clean HTML it must become.
const XSS: [vector: string, cleanHtml?: string][] = [
  ['<script>alert(1)</script>', ''],
  ['<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>', ''],
  ['<SCRIPT/XSS SRC="http://evil.example/xss.js"></SCRIPT>after', 'after'],
  ['<<SCRIPT>alert("XSS");//<</SCRIPT>', '&lt;'],
  ['<SCRIPT SRC=http://evil.example/xss.js?< B >'],
  ['<scr<script>ipt>alert(1)</script>'],
  ['</TITLE><SCRIPT>alert("XSS");</SCRIPT>', ''],
  ['<img src=x onerror=alert(1)>ok', 'ok'],
  ['<IMG SRC="javascript:alert(\'XSS\');">', ''],
  ["<IMG SRC=JaVaScRiPt:alert('XSS')>", ''],
  ['<IMG SRC=javascript:alert(&quot;XSS&quot;)>', ''],
  ['<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>', ''],
  ['<IMG """><SCRIPT>alert("XSS")</SCRIPT>">', '"&gt;'],
  ['<IMG SRC=# onmouseover="alert(\'xxs\')">', ''],
  ['<IMG SRC= onmouseover="alert(\'xxs\')">', ''],
  ['<IMG onmouseover="alert(\'xxs\')">', ''],
  [
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
    '',
  ],
  [
    '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
    '',
  ],
  [
    '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
    '',
  ],
  ['<IMG SRC="jav\tascript:alert(\'XSS\');">', ''],
  ['<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">', ''],
  ['<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">', ''],
  ['<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">', ''],
  ['<IMG SRC=" &#14;  javascript:alert(\'XSS\');">', ''],
  ['<IMG SRC="`<javascript:alert>`(\'XSS\')"', ''],
  ['<IMG DYNSRC="javascript:alert(\'XSS\')"><IMG LOWSRC="javascript:alert(\'XSS\')">', ''],
  ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', ''],
  [`<img src="${PREFIX}a.png" onerror="alert(1)" style="x:expression(alert(1))">`, `<img src="${PREFIX}a.png">`],
  [`<img src="${PREFIX}a.png" srcset="https://evil.example/a.png 2x">`, `<img src="${PREFIX}a.png">`],
  [`<img src="${PREFIX}a.png\\" onerror=\\"alert(1)">`, ''],
  [`<img src="${PREFIX}..%2f..%2fprivate.png">`, ''],
  [`<img src="${PREFIX}a.png?x=javascript:alert(1)">`, ''],
  ['<img src="https://cdn.gjj.test.evil.example/public/news/a.png">', ''],
  ['<image src=x onerror=alert(1)>', ''],
  ['<a href="javascript:alert(1)">x</a>', 'x'],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', 'x'],
  ['<a href="java&#x73;cript:alert(1)">x</a>', 'x'],
  ['<a href="&#x6a;avascript&colon;alert(1)">x</a>', 'x'],
  ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', 'x'],
  ['<a href="jav&#x0A;ascript:alert(1)">x</a>', 'x'],
  ['<a href="  javascript:alert(1)">x</a>', 'x'],
  ['<a href="\u0000javascript:alert(1)">x</a>', 'x'],
  ['<a href="vbscript:msgbox(1)">x</a>', 'x'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', 'x'],
  ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'x'],
  ['<a href="https://evil.example/phish">办理入口</a>', '办理入口'],
  ['<a href="//evil.example/news/1">x</a>', 'x'],
  ['<a href="/news/1/../../evil">x</a>', 'x'],
  ['<a href="/news/1?next=https://evil.example">x</a>', 'x'],
  ['<a href="news:1" onclick="alert(1)" target="_blank" rel="opener">x</a>', '<a href="/news/1">x</a>'],
  ['<a href="/news/1" href="javascript:alert(1)">x</a>', '<a href="/news/1">x</a>'],
  ['<a href="javascript:alert(1)" href="/news/1">x</a>', 'x'],
  // `/` is not self-closing here: svg gets an onload attribute and 'after' is SVG content, unseen in a browser too
  ["<svg/onload=alert('XSS')>after", ''],
  ['<svg onload=alert(1)><p>shown</p>', '<p>shown</p>'],
  ['<svg><script>alert(1)</script></svg>', ''],
  ['<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>', ''],
  ['<svg><style><img src=x onerror=alert(1)></style></svg>', ''],
  ['<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
  ['<math href="javascript:alert(1)">CLICKME</math>', ''],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['<math><mi xlink:href="data:x,<script>alert(4)</script>">', ''],
  ['<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
  ['<textarea><script>alert(1)</script></textarea>', ''],
  ['<title><img src=x onerror=alert(1)></title>', ''],
  ['<xmp><img src=x onerror=alert(1)></xmp>', ''],
  ['<plaintext><img src=x onerror=alert(1)>', ''],
  ['<template><img src=x onerror=alert(1)></template>', ''],
  ['<![CDATA[<img src=x onerror=alert(1)>]]>', ''],
  ["<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->", ''],
  ['<!--><img src=x onerror=alert(1)>-->', '--&gt;'],
  ['<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>', ''],
  ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
  ['<iframe src=http://evil.example/scriptlet.html <', ''],
  ['<OBJECT TYPE="text/x-scriptlet" DATA="http://evil.example/scriptlet.html"></OBJECT>', ''],
  ['<EMBED SRC="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" AllowScriptAccess="always"></EMBED>', ''],
  ['<form action="javascript:alert(1)"><input type=submit value=go></form>', ''],
  ['<button formaction="javascript:alert(1)">x</button>', ''],
  ['<isindex type=image src=1 onerror=alert(1)>', ''],
  ['<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)>', ''],
  ['<details open ontoggle=alert(1)>', ''],
  ['<marquee onstart=alert(1)>x</marquee>', 'x'],
  ['<BODY onload=alert(1)>', ''],
  ['<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>', ''],
  ['<BODY BACKGROUND="javascript:alert(\'XSS\')">', ''],
  ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
  ['<div style="width: expression(alert(\'XSS\'));">', ''],
  ['<XSS STYLE="behavior: url(xss.htc);">', ''],
  [
    '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
    '<ul><li>XSS<br></li></ul>',
  ],
  ["<STYLE>@import'http://evil.example/xss.css';</STYLE>", ''],
  ['<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">', ''],
  ['<BASE HREF="javascript:alert(\'XSS\');//">', ''],
  ['<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">', ''],
  [
    '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TD BACKGROUND="javascript:alert(\'XSS\')">',
    '<table><td></td></table>',
  ],
  ['<td colspan="2 onmouseover=alert(1)" rowspan=3>c</td>', '<td rowspan="3">c</td>'],
  ['<p id="x" class="y" data-x="z" lang="zh" title="t" tabindex="1" contenteditable>x</p>', '<p>x</p>'],
  ['<span style="color:red" onmouseover="alert(1)">x</span>', '<span>x</span>'],
]

describe('known XSS vectors come out harmless', () => {
  test('the list holds more than forty vectors', () => {
    expect(XSS.length).toBeGreaterThan(40)
  })

  test.each(XSS)('%s', (vector, cleanHtml) => {
    const nodes = clean(vector)
    const html = expectSafe(nodes)
    if (cleanHtml !== undefined) expect(html).toBe(cleanHtml)
    // what comes out goes in again unchanged
    expect(clean(html)).toEqual(nodes)
  })
})

describe('well-formed articles keep their structure', () => {
  const ARTICLE = [
    '<h2>关于调整2026年度住房公积金缴存基数的通知</h2>',
    '<p>各缴存单位、广大缴存职工：</p>',
    '<p>根据<strong>《住房公积金管理条例》</strong>和自治区有关规定，现将有关事项通知如下：</p>',
    '<h3>一、缴存基数</h3>',
    '<ol><li>缴存基数为职工本人<em>上一年度</em>月平均工资。</li><li>上限不超过当地上一年度职工月平均工资的<b>3倍</b>。</li></ol>',
    '<h4>（一）缴存比例</h4>',
    '<table><thead><tr><th>类别</th><th>比例</th></tr></thead><tbody><tr><td>单位</td><td>5%–12%</td></tr><tr><td>个人</td><td>5%–12%</td></tr><tr><td colspan="2">两者相同</td></tr></tbody></table>',
    `<figure><img src="${PREFIX}2026/12/notice.png" alt="通知原文"><figcaption>通知原文（盖章件）</figcaption></figure>`,
    '<blockquote><p>咨询电话：<i>12329</i></p></blockquote>',
    '<ul><li><u>阿勒泰</u>分中心</li><li><span>乌鲁木齐</span>分中心</li></ul>',
    '<p>详见<a href="/news/n-2026-11">上期通知</a>。<br>特此通知。</p>',
  ].join('\n')

  test('an article written in the allowed elements comes out exactly as written', () => {
    expect(roundTrip(ARTICLE)).toBe(ARTICLE)
    expectSafe(clean(ARTICLE))
  })

  test('the nodes are the mini-program format, element by element', () => {
    expect(clean('<h3>标题</h3>\n<p>正文<strong>加粗</strong><br>第二行<a href="news:x1">链接</a></p>')).toEqual([
      { name: 'h3', attrs: {}, children: [{ type: 'text', text: '标题' }] },
      { type: 'text', text: '\n' },
      {
        name: 'p',
        attrs: {},
        children: [
          { type: 'text', text: '正文' },
          { name: 'strong', attrs: {}, children: [{ type: 'text', text: '加粗' }] },
          { name: 'br', attrs: {}, children: [] },
          { type: 'text', text: '第二行' },
          { name: 'a', attrs: { href: '/news/x1' }, children: [{ type: 'text', text: '链接' }] },
        ],
      },
    ])
  })

  test('a table inside a table cell keeps its place', () => {
    const nested =
      '<table><tbody><tr><td>外</td><td><table><tbody><tr><th>内</th><td>1</td></tr></tbody></table></td></tr><tr><td>下</td><td>2</td></tr></tbody></table>'
    expect(roundTrip(nested)).toBe(nested)
  })

  test('pretty-printed lists and tables lose only the white space between their rows and items', () => {
    const pretty = '<ul>\n  <li>一</li>\n  <li>二</li>\n</ul>\n<table>\n  <tr>\n    <td>1</td>\n  </tr>\n</table>'
    expect(roundTrip(pretty)).toBe('<ul><li>一</li><li>二</li></ul>\n<table><tr><td>1</td></tr></table>')
  })
})

describe('HTML as editors and people really write it', () => {
  test.each([
    [
      'upper-case tags and attributes',
      '<P>A<BR><STRONG>B</STRONG></P><A HREF="/news/1">c</A>',
      '<p>A<br><strong>B</strong></p><a href="/news/1">c</a>',
    ],
    [
      'attributes without quotes',
      '<td colspan=2 rowspan=3>x</td><a href=/news/abc>y</a>',
      '<td colspan="2" rowspan="3">x</td><a href="/news/abc">y</a>',
    ],
    ['single-quoted attributes', `<img src='${PREFIX}a.png' alt='图一'>`, `<img src="${PREFIX}a.png" alt="图一">`],
    ['unclosed paragraphs', '<p>一<p>二<p>三', '<p>一</p><p>二</p><p>三</p>'],
    ['unclosed list items', '<ul><li>一<li>二</ul>', '<ul><li>一</li><li>二</li></ul>'],
    [
      'unclosed cells and rows',
      '<table><tr><td>1<td>2<tr><th>3</table>',
      '<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>',
    ],
    ['a block inside a paragraph', '<p>一<ul><li>二</li></ul>三</p>', '<p>一</p><ul><li>二</li></ul>三'],
    ['unclosed inline elements', '<p><b>粗<i>斜', '<p><b>粗<i>斜</i></b></p>'],
    ['stray end tags', '</b></i></li>x</table></p>', 'x'],
    ['mis-nested inline elements', '<b><i>x</b>y</i>', '<b><i>x</i></b>y'],
    [
      'an end tag that closes its open ancestors',
      '<blockquote><p><b>x</blockquote>y',
      '<blockquote><p><b>x</b></p></blockquote>y',
    ],
    [
      'an end tag that stays inside its table cell',
      '<b><table><tr><td>x</b>y</td></tr></table>',
      '<b><table><tr><td>xy</td></tr></table></b>',
    ],
    ['a heading left open by the next', '<h2>一<h3>二</h3>', '<h2>一</h2><h3>二</h3>'],
    ['a heading closed by another level', '<h2>一</h3>二', '<h2>一</h2>二'],
    [
      'h1, h5, h6 and tfoot mapped to allowed ones',
      '<h1>a</h1><h5>b</h5><h6>c</h6><table><tfoot><tr><td>d</td></tr></tfoot></table>',
      '<h2>a</h2><h4>b</h4><h4>c</h4><table><tbody><tr><td>d</td></tr></tbody></table>',
    ],
    [
      'a link left open by the next',
      '<a href="/news/1">一<a href="/news/2">二</a>',
      '<a href="/news/1">一</a><a href="/news/2">二</a>',
    ],
    ['</br> as a line break and </p> alone ignored', 'a</br>b</p>c', 'a<br>bc'],
    [
      'comments, doctype and processing instructions',
      '<!DOCTYPE html><!-- 注释 --><?xml version="1.0"?>x<!--->y<!-- a -- b -->z',
      'xyz',
    ],
    // a browser ends it at the first '>' outside SVG/MathML; htmlparser2 at ']]>': less is shown, nothing runs
    ['CDATA dropped whole', 'a<![CDATA[b<i>x</i>]]>c', 'ac'],
    [
      'a whole document',
      '<html><head><title>t</title><style>p{}</style></head><body><p>正文</p></body></html>',
      '<p>正文</p>',
    ],
    [
      'div soup from a web editor',
      '<div><div>第一段</div><div>第二段<br></div></div><div><span>第三</span>段</div>',
      '<p>第一段</p><p>第二段<br></p><p><span>第三</span>段</p>',
    ],
    [
      'sections with inline text and paragraphs mixed',
      '<section>引言<p>正文</p>结语</section>',
      '<p>引言</p><p>正文</p><p>结语</p>',
    ],
    [
      'font and other inline wrappers dropped, text kept',
      '<font color=red face=宋体><small>小</small><sub>下</sub><del>删</del></font>',
      '小下删',
    ],
    [
      'a form keeps its text but not its controls',
      '<form>请到<input name=q>柜台<select><option>一</option></select>办理</form>',
      '<p>请到柜台办理</p>',
    ],
    ['an SVG closed by itself does not swallow the rest', '<svg/>正文<math/>继续', '正文继续'],
    ['white space in a block container is not a paragraph', '<div>\n  <p>x</p>\n</div>', '<p>x</p>'],
    ['an unfinished tag at the end', '<p>正文</p><img src=', '<p>正文</p>'],
    ['a lone less-than sign', '1 < 2 <3 <', '1 &lt; 2 &lt;3 &lt;'],
  ])('%s', (_what, html, expected) => {
    expect(roundTrip(html)).toBe(expected)
  })

  test.each([
    ['&amp; &lt; &gt; &quot; &apos;', '&amp; &lt; &gt; " \''],
    ['&amp;lt;b&amp;gt;', '&amp;lt;b&amp;gt;'],
    ['&nbsp;&ensp;&emsp;&yen;&copy;&hellip;&mdash;', '\u00a0\u2002\u2003¥©…—'],
    ['&copy 2026 &AMP', '© 2026 &amp;'],
    ['&notit; &notin;', '¬it; ∉'],
    ['&#x1F600; &#128512;', '😀 😀'],
    ['&#0; &#xD800; &#x110000;', '\ufffd \ufffd \ufffd'],
    ['&#x80;&#150;', '€–'],
    ['&unknown; & &# &#x;', '&amp;unknown; &amp; &amp;# &amp;#x;'],
    ['a\r\nb\rc\u0000d\u0007e\u000cf', 'a\nb\ncdef'],
  ])('the entities in %j decode to %j', (html, text) => {
    expect(roundTrip(html)).toBe(text)
  })

  test('entities in attribute values decode, except a legacy one followed by = or a letter', () => {
    expect(
      clean('<img src="https://cdn.gjj.test/public/news/a.png" alt="a&amp;b &copy=c &copyx &copy; &lt;">'),
    ).toEqual([
      {
        name: 'img',
        attrs: { src: `${PREFIX}a.png`, alt: 'a&b &copy=c &copyx © <' },
        children: [],
      },
    ])
    expect(roundTrip(`<img src="${PREFIX}a&#46;png">`)).toBe(`<img src="${PREFIX}a.png">`)
  })

  test('alt text is one plain line of at most 200 characters', () => {
    const [img] = clean(`<img src="${PREFIX}a.png" alt="  第一行\n第二行\t${'长'.repeat(300)}">`)
    expect(img && 'attrs' in img ? img.attrs.alt : undefined).toBe(`第一行 第二行 ${'长'.repeat(192)}`)
  })

  test('an image without an allowed source is dropped, even with alt text', () => {
    expect(roundTrip('<p>前<img alt="图" src="https://evil.example/a.png">后</p>')).toBe('<p>前后</p>')
  })

  test('with no image prefix configured no image survives', () => {
    expect(toSafeHtml(sanitizeRichText(`<img src="${PREFIX}a.png">x`, { imagePrefixes: [] }))).toBe('x')
  })

  test('a misconfigured image prefix is refused before anything is parsed', () => {
    expect(() => sanitizeRichText('x', { imagePrefixes: ['https://cdn.gjj.test'] })).toThrow('image prefix')
  })
})

describe('very long and very deep input', () => {
  test(`more than ${RICH_TEXT_MAX_CHARS} characters is refused with 正文过长`, () => {
    expect(() => clean('a'.repeat(RICH_TEXT_MAX_CHARS + 1))).toThrow('正文过长')
    expect(clean('a'.repeat(RICH_TEXT_MAX_CHARS))).toEqual([{ type: 'text', text: 'a'.repeat(RICH_TEXT_MAX_CHARS) }])
  })

  test(`kept elements nest at most ${MAX_DEPTH} deep; deeper ones are dropped and their text kept`, () => {
    const nodes = clean(`${'<blockquote>'.repeat(1000)}深${'</blockquote>'.repeat(1000)}后`)
    expectSafe(nodes)
    let depth = 0
    let node: RichTextNode | undefined = nodes[0]
    while (node && 'children' in node) {
      depth++
      node = node.children[0]
    }
    expect(depth).toBe(MAX_DEPTH)
    expect(node).toEqual({ type: 'text', text: '深' })
    expect(nodes[1]).toEqual({ type: 'text', text: '后' })
  })

  const N = RICH_TEXT_MAX_CHARS
  test.each([
    ['flat paragraphs', '<p>住房公积金</p>'.repeat(N / 13)],
    ['nested inline tags', '<b>'.repeat(N / 3)],
    ['nested tags then stray end tags', `${'<b>'.repeat(N / 8)}${'</i>'.repeat(N / 8)}`],
    ['nested dropped inline tags then stray end tags', `${'<font>'.repeat(N / 12)}${'</i>'.repeat(N / 8)}`],
    ['nested block containers', '<div>x'.repeat(N / 6)],
    ['a paragraph under many inline tags, then blocks', `<p>${'<b>'.repeat(N / 6 - 1)}${'<div>'.repeat(N / 10)}`],
    ['nested list items', '<li>'.repeat(N / 4)],
    ['cells without a table', '<td>'.repeat(N / 4)],
    ['nested SVG', '<svg>'.repeat(N / 5)],
    ['nested SVG then stray end tags', `${'<svg>'.repeat(N / 10)}${'</x>'.repeat(N / 8)}`],
    ['many attributes', `<p ${'a=1 '.repeat(N / 4 - 2)}>`],
    ['many entities', '&amp;'.repeat(N / 5)],
    ['unterminated comments', '<!--'.repeat(N / 4)],
    ['less-than signs', '<'.repeat(N)],
    ['an unterminated script', `<script>${'x'.repeat(N - 8)}`],
    ['tag openings without names', '</ '.repeat(N / 3)],
  ])('%s of 200,000 characters are cleaned safely', (_what, html) => {
    // how long they take is measured by rich-text.bench.ts, not asserted here
    expect(html.length).toBeLessThanOrEqual(N)
    expectSafe(clean(html))
  })
})

describe('the news body schema', () => {
  const schema = richTextSchema(OPTIONS)

  test('HTML in, clean nodes out', () => {
    expect(schema.parse('<p onclick="x">正文</p>')).toEqual([
      { name: 'p', attrs: {}, children: [{ type: 'text', text: '正文' }] },
    ])
    expect(schema.parse(`<img src="${PREFIX}a.png">`)).toHaveLength(1)
  })

  test.each([
    ['nothing', ''],
    ['white space and empty paragraphs', ' <p>\u3000</p><p><br></p> '],
    ['only a script', '<script>alert(1)</script>'],
    ['only a foreign image', '<img src="https://evil.example/a.png">'],
  ])('%s is refused with 请输入正文', (_what, html) => {
    expect(schema.safeParse(html).error?.issues.map((i) => i.message)).toEqual(['请输入正文'])
  })

  test('a body past the limit is refused with 正文过长 and something not a string with 请输入正文', () => {
    expect(schema.safeParse('x'.repeat(RICH_TEXT_MAX_CHARS + 1)).error?.issues[0]?.message).toMatch(/^正文过长/)
    expect(schema.safeParse(42).error?.issues[0]?.message).toBe('请输入正文')
  })

  test('hasContent counts text and images only', () => {
    expect(hasContent(clean('<p> </p><br>'))).toBe(false)
    expect(hasContent(clean('<ul><li><b>x</b></li></ul>'))).toBe(true)
  })
})
