/**
 * News bodies as mini-program rich-text nodes, after `sanitizeRichText` (./rich-text.ts) cleaned
 * them. This file holds the node types, the allow-list, the URL rules, and what the pages and
 * handlers do with clean nodes (HTML for H5 and storage, a one-line summary, the nodes WeChat and
 * Alipay want). It imports no HTML parser, so a page that only shows nodes stays small.
 *
 * Node format (WeChat and Alipay `rich-text`, Taro `RichText`):
 *   element { name, attrs, children }   text { type: 'text', text }
 * `text` holds the characters themselves (entities already decoded).
 *
 * Allowed: h2 h3 h4 p br strong b em i u ul ol li blockquote a img figure figcaption table thead
 * tbody tr th td span, with these attributes only:
 * - a[href]: an internal news link, always written `/news/<id>` (id: letters, digits, _ and -, up to
 *   64). `news:<id>` is read as the same link. Nothing else: no scheme, no host, no query.
 * - img[src]: a URL under one of the configured image prefixes (the system's own storage, e.g. the
 *   archive bucket's public news folder), with no `..`, `//`, `\`, query or encoded dot/slash after
 *   the prefix; img[alt] as plain text.
 * - th/td[colspan], th/td[rowspan]: whole numbers 1–100 (tables of 缴存比例 merge cells).
 */

export const RICH_TEXT_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
] as const
export type RichTextTag = (typeof RICH_TEXT_TAGS)[number]

export interface RichTextText {
  type: 'text'
  text: string
}
export interface RichTextElement {
  name: RichTextTag
  attrs: Record<string, string>
  children: RichTextNode[]
}
export type RichTextNode = RichTextText | RichTextElement

export const isText = (node: RichTextNode): node is RichTextText => 'type' in node && node.type === 'text'

const TAGS: ReadonlySet<string> = new Set(RICH_TEXT_TAGS)
export const isRichTextTag = (name: string): name is RichTextTag => TAGS.has(name)

export const VOID_TAGS: ReadonlySet<RichTextTag> = new Set(['br', 'img'])

/** the attributes each element may keep, in the order they are written */
export const RICH_TEXT_ATTRS: Readonly<Partial<Record<RichTextTag, readonly string[]>>> = {
  a: ['href'],
  img: ['src', 'alt'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
}

export interface RichTextOptions {
  /**
   * URL prefixes images may come from: absolute http(s) URLs ending in '/', e.g.
   * 'https://gjj-prod-archives.s3.cn-northwest-1.amazonaws.com.cn/public/news/'. http is for the
   * local stack only.
   */
  imagePrefixes: readonly string[]
}

// ---------------------------------------------------------------- URL and attribute rules

/** HTML's ASCII whitespace, which browsers strip from both ends of a URL */
const trimUrl = (value: string) => value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')

const NEWS_PATH = /^\/news\/([A-Za-z0-9_-]{1,64})$/
const NEWS_SCHEME = /^news:([A-Za-z0-9_-]{1,64})$/i

/** the id of an internal news link ('/news/<id>' or 'news:<id>'), or undefined for anything else */
export function newsIdFromHref(href: string): string | undefined {
  const value = trimUrl(href)
  return (NEWS_PATH.exec(value) ?? NEWS_SCHEME.exec(value))?.[1]
}

/** the canonical href of an internal news link, or undefined */
export function newsLinkHref(href: string): string | undefined {
  const id = newsIdFromHref(href)
  return id === undefined ? undefined : `/news/${id}`
}

const PREFIX = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/(?:[A-Za-z0-9._~-]+\/)*$/
/** what may follow the prefix: path characters only, no leading slash */
const REST = /^[A-Za-z0-9._~%-][A-Za-z0-9._~%/-]*$/
const MAX_URL = 2048

/** throws (a configuration mistake, in English for the logs) unless every prefix is an http(s) folder URL */
export function checkImagePrefixes(prefixes: readonly string[]): void {
  for (const prefix of prefixes) {
    if (!PREFIX.test(prefix)) {
      throw new Error(
        `rich text image prefix must be an http(s) URL of a folder ending in '/': ${JSON.stringify(prefix)}`,
      )
    }
  }
}

/** the image URL if it lies under one of the prefixes, else undefined */
export function allowedImageSrc(src: string, prefixes: readonly string[]): string | undefined {
  const value = trimUrl(src)
  if (value.length > MAX_URL) return undefined
  for (const prefix of prefixes) {
    if (!value.startsWith(prefix)) continue
    const rest = value.slice(prefix.length)
    if (
      REST.test(rest) &&
      !rest.includes('//') &&
      !/(?:^|\/)\.{1,2}(?:\/|$)/.test(rest) &&
      !/%(?:2e|2f|5c|00)/i.test(rest) &&
      !/%(?![0-9a-f]{2})/i.test(rest)
    ) {
      return value
    }
  }
  return undefined
}

/** an http(s) URL with nothing a browser would read as more than one attribute (used when no prefixes are at hand) */
const HTTP_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/[A-Za-z0-9._~%/-]*$/

const SPAN = /^(?:[1-9]\d?|100)$/
export const MAX_ALT = 200

/** control characters other than tab and newline never reach a text node */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
}

/** an alt text: plain, one line, at most MAX_ALT characters */
export function cleanAlt(alt: string): string {
  return Array.from(cleanText(alt).replace(/\s+/g, ' ').trim()).slice(0, MAX_ALT).join('')
}

/** whether `value` may stand as attribute `attr` of element `name` in clean nodes */
export function attributeAllowed(
  name: RichTextTag,
  attr: string,
  value: string,
  prefixes?: readonly string[],
): boolean {
  if (!RICH_TEXT_ATTRS[name]?.includes(attr)) return false
  switch (attr) {
    case 'href':
      return newsLinkHref(value) === value
    case 'src':
      return prefixes ? allowedImageSrc(value, prefixes) === value : HTTP_URL.test(value) && value.length <= MAX_URL
    case 'alt':
      return cleanAlt(value) === value
    default:
      return SPAN.test(value)
  }
}

// ---------------------------------------------------------------- clean nodes out

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The nodes as HTML, for H5 and for storing the cleaned body. Only allowed elements and attributes
 * are written (anything else is left out, an unknown element's children kept), text and attribute
 * values are escaped, attributes are double-quoted: the result parses back to the same nodes.
 * Pass the image prefixes to check image URLs against them again.
 */
export function toSafeHtml(nodes: readonly RichTextNode[], options?: RichTextOptions): string {
  const out: string[] = []
  const write = (list: readonly RichTextNode[]) => {
    for (const node of list) {
      if (isText(node)) {
        out.push(escapeText(cleanText(node.text)))
        continue
      }
      if (!isRichTextTag(node.name)) {
        write(node.children ?? [])
        continue
      }
      let attrs = ''
      for (const attr of RICH_TEXT_ATTRS[node.name] ?? []) {
        const value = node.attrs?.[attr]
        if (value !== undefined && attributeAllowed(node.name, attr, value, options?.imagePrefixes)) {
          attrs += ` ${attr}="${escapeAttr(value)}"`
        }
      }
      if (node.name === 'img') {
        if (attrs.includes(' src="')) out.push(`<img${attrs}>`)
      } else if (node.name === 'br') {
        out.push('<br>')
      } else if (node.name === 'a' && !attrs) {
        write(node.children ?? [])
      } else {
        out.push(`<${node.name}${attrs}>`)
        write(node.children ?? [])
        out.push(`</${node.name}>`)
      }
    }
  }
  write(nodes)
  return out.join('')
}

const SUMMARY_BREAKS: ReadonlySet<string> = new Set([
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'tr',
  'th',
  'td',
])

/**
 * The text of the nodes on one line, for a list item: blocks and line breaks become one space,
 * runs of white space (ideographic space included) one space, images nothing. Longer than
 * `maxChars` characters (code points, so no emoji is cut in half): cut and ended with '…', the
 * ellipsis included in `maxChars`.
 */
export function plainSummary(nodes: readonly RichTextNode[], maxChars: number): string {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`摘要长度应为正整数：${maxChars}`)
  const parts: string[] = []
  const walk = (list: readonly RichTextNode[]) => {
    for (const node of list) {
      if (isText(node)) parts.push(node.text)
      else if (SUMMARY_BREAKS.has(node.name)) {
        parts.push(' ')
        walk(node.children ?? [])
        parts.push(' ')
      } else walk(node.children ?? [])
    }
  }
  walk(nodes)
  const text = parts.join('').replace(/\s+/g, ' ').trim()
  const chars = Array.from(text)
  if (chars.length <= maxChars) return text
  return `${chars
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`
}

/**
 * The nodes as WeChat's and Alipay's `rich-text` want them (Taro H5 renders clean nodes as they are):
 * - figure and figcaption, which neither trusts (an untrusted node is removed with its children),
 *   become div and p; u, which Alipay does not trust, becomes an underlined span;
 * - images get `max-width:100%;height:auto`, or a wide photo runs off the screen;
 * - links lose their href: rich-text cannot follow a tap, so the page lists them itself
 *   (`newsIdFromHref`);
 * - WeChat decodes entities in text nodes, so an '&' that would begin one ('&amp;', '&#38;') is
 *   written '&amp;' to show as typed. A lone '&' ('R&D', '公积金&贷款') is left alone.
 */
export type MiniProgramNode =
  | RichTextText
  | { name: string; attrs: Record<string, string>; children: MiniProgramNode[] }

export function toMiniProgramNodes(nodes: readonly RichTextNode[]): MiniProgramNode[] {
  return nodes.map((node): MiniProgramNode => {
    if (isText(node)) {
      return { type: 'text', text: node.text.replace(/&(?=#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;') }
    }
    const children = toMiniProgramNodes(node.children ?? [])
    switch (node.name) {
      case 'figure':
        return { name: 'div', attrs: {}, children }
      case 'figcaption':
        return { name: 'p', attrs: {}, children }
      case 'u':
        return { name: 'span', attrs: { style: 'text-decoration:underline' }, children }
      case 'img':
        return { name: 'img', attrs: { ...node.attrs, style: 'max-width:100%;height:auto' }, children: [] }
      case 'a':
        return { name: 'a', attrs: {}, children }
      default:
        return { name: node.name, attrs: { ...node.attrs }, children }
    }
  })
}

/**
 * Plain text (the bodies written before rich text) as nodes: paragraphs at blank lines, line
 * breaks within a paragraph kept.
 */
export function plainTextToNodes(text: string): RichTextNode[] {
  return cleanText(text)
    .split(/\n[\t ]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const children: RichTextNode[] = []
      paragraph.split('\n').forEach((line, i) => {
        if (i > 0) children.push({ name: 'br', attrs: {}, children: [] })
        if (line.trim() !== '') children.push({ type: 'text', text: line.trim() })
      })
      return { name: 'p', attrs: {}, children }
    })
}
