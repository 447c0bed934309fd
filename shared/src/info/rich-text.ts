import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import {
  allowedImageSrc,
  checkImagePrefixes,
  cleanAlt,
  cleanText,
  isRichTextTag,
  isText,
  newsLinkHref,
  type RichTextElement,
  type RichTextNode,
  type RichTextOptions,
  type RichTextTag,
} from './rich-text-nodes'

export * from './rich-text-nodes'

/**
 * The news-body sanitizer: HTML written by center staff in, clean mini-program nodes out
 * (allow-list and node format in ./rich-text-nodes.ts).
 *
 * Tokens come from htmlparser2's Tokenizer, a linear state machine that follows the HTML rules for
 * the hard parts: entities (named, numeric, legacy without ';', the attribute-value exception),
 * comments and bogus comments (`<!…>`, `<?…>`, CDATA outside SVG/MathML), unquoted and valueless
 * attributes, upper-case names, and raw text (script, style, iframe, xmp, noembed, noframes,
 * plaintext; title and textarea with entities). The tree is built here, not by htmlparser2's
 * Parser: the Parser keeps its open elements with `unshift`/`indexOf`, which took 2–4 s on
 * 200,000 characters of nested tags; the builder below does constant work per token (each element
 * is pushed and popped once, every look down the open elements is capped), so sanitizing is
 * linear in the input.
 *
 * How the tree is built (a small, safe subset of the HTML tree builder):
 * - allowed elements are kept with their allowed attributes; h1 → h2, h5/h6 → h4, tfoot → tbody;
 * - a link without an internal news href is dropped and its text kept; an image whose src is not
 *   under a configured prefix is dropped;
 * - script, style, iframe, object, embed, svg, math, template, noscript, form controls (input,
 *   button, select, textarea), media and document-head elements are dropped WITH their content;
 * - other block containers (div, section, article, pre, center, dl, form …) are dropped but their loose
 *   inline content is gathered into paragraphs, so `<div>a</div><div>b</div>` stays two blocks;
 *   other inline elements (font, small, sub, del, code …) are dropped and their content kept;
 * - HTML's implied ends for unclosed tags: a block closes an open p, li closes li, td/th close
 *   td/th, tr closes tr, table sections close each other, a heading closes a heading, a link
 *   closes a link; an end tag closes up to its open element inside its table cell, or is ignored;
 *   `</br>` is a line break; the end of input closes everything;
 * - SVG/MathML content ends where the browser ends it (`<svg><p>` puts p back in HTML), so text a
 *   browser would show after a stray `<svg>` is not lost;
 * - kept elements nest at most MAX_DEPTH deep; deeper ones are dropped and their content kept;
 * - whitespace-only text directly inside table, row, section and list elements is left out.
 * Whatever is built, only allowed names and attributes with checked values exist in the output and
 * every text is plain text, so serializing it (`toSafeHtml`) cannot produce markup that runs.
 */

export const RICH_TEXT_MAX_CHARS = 200_000
export const RICH_TEXT_TOO_LONG = '正文过长，请删减到 200000 个字符以内'
/** the deepest nesting of kept elements */
export const MAX_DEPTH = 32
/** how far down the open elements an implied or explicit end looks */
const MAX_WALK = 256

const set = (...names: string[]): ReadonlySet<string> => new Set(names)

const RENAME: Readonly<Record<string, RichTextTag>> = { h1: 'h2', h5: 'h4', h6: 'h4', tfoot: 'tbody' }

/** dropped with everything inside them */
const DROP = set(
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'video',
  'audio',
  'canvas',
  'head',
  'meta',
  'link',
  'base',
  'param',
  'source',
  'track',
  'map',
  'area',
  'dialog',
  'portal',
)

/** dropped, their loose inline content gathered into paragraphs */
const BLOCK_CONTAINERS = set(
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'address',
  'center',
  'pre',
  'listing',
  'dl',
  'dd',
  'dt',
  'details',
  'summary',
  'fieldset',
  'legend',
  'hgroup',
  'caption',
  'menu',
  'dir',
  'form',
)

const BLOCK_TAGS = set(
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
)

const VOID = set(
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
)

const HEADING_LIST = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']
const HEADINGS = set(...HEADING_LIST)

/** elements whose start closes an open p (HTML's "close a p element in button scope") */
const CLOSES_P = set(
  ...HEADINGS,
  ...BLOCK_CONTAINERS,
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'hr',
  'form',
  'xmp',
  'plaintext',
)

/** an implied or explicit end does not look past these */
const SCOPE = set(
  'table',
  'td',
  'th',
  'caption',
  'html',
  'template',
  'marquee',
  'object',
  'applet',
  'button',
  'svg',
  'math',
)
const LIST_SCOPE = set(...SCOPE, 'ul', 'ol')
const DEFINITION_SCOPE = set(...SCOPE, 'dl')
const ROW_SCOPE = set('tr', 'table', 'thead', 'tbody', 'tfoot', 'template', 'html')
const SECTION_SCOPE = set('table', 'thead', 'tbody', 'tfoot', 'template', 'html')
const TABLE_SCOPE = set('table', 'template', 'html')

/** HTML elements that end SVG/MathML content (font only with color, face or size) */
const BREAKOUT = set(
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  ...HEADINGS,
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
)
/** inside SVG/MathML, these hold HTML again */
const INTEGRATION_POINTS = set('foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml')

/** text that is only HTML white space is layout, not content, directly inside these */
const NO_LOOSE_WHITESPACE: ReadonlySet<string> = set('table', 'thead', 'tbody', 'tr', 'ul', 'ol')
const isSpace = (text: string) => /^[\t\n\f\r ]*$/.test(text)

type Mode =
  /** an allowed element: content goes into it */
  | 'keep'
  /** a dropped inline element: content goes where it would have gone without it */
  | 'inline'
  /** a dropped block container: inline content is gathered into paragraphs */
  | 'block'
  /** dropped with its content */
  | 'drop'

interface Frame {
  /** the tag as written (lower case), for matching end tags */
  tag: string
  mode: Mode
  /** for keep and block frames and the root: the list content goes into (null when dropping) */
  out: RichTextNode[] | null
  /** the nesting depth of `out` */
  depth: number
  /** the frame that receives this frame's content (itself unless inline) */
  host: Frame
  /** block frames: the paragraph gathering inline content now */
  paragraph: RichTextElement | null
  /** the content of this frame is SVG/MathML */
  foreign: boolean
  element: RichTextElement | null
}

const element = (name: RichTextTag, attrs: Record<string, string> = {}): RichTextElement => ({
  name,
  attrs,
  children: [],
})

class TreeBuilder implements TokenizerCallbacks {
  readonly root: RichTextNode[] = []
  private readonly stack: Frame[]
  /** how many elements of each tag are open */
  private readonly openCount = new Map<string, number>()
  private tagName = ''
  private attrs = new Map<string, string>()
  private attrName = ''
  private attrValue = ''

  constructor(
    private readonly html: string,
    private readonly imagePrefixes: readonly string[],
  ) {
    const root: Frame = {
      tag: '#root',
      mode: 'keep',
      out: this.root,
      depth: 0,
      host: undefined as unknown as Frame,
      paragraph: null,
      foreign: false,
      element: null,
    }
    root.host = root
    this.stack = [root]
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame
  }

  // ---------------------------------------------------------- where content goes

  /** the list inline content goes into now, and its depth (null: dropped) */
  private inlineTarget(): { list: RichTextNode[]; depth: number } | null {
    const host = this.top.host
    if (host.out === null) return null
    if (host.mode === 'block' && host.depth < MAX_DEPTH) {
      if (!host.paragraph) {
        host.paragraph = element('p')
        host.out.push(host.paragraph)
      }
      return { list: host.paragraph.children, depth: host.depth + 1 }
    }
    return { list: host.out, depth: host.depth }
  }

  /** the list a block goes into now (ends a gathering paragraph) */
  private blockTarget(): { list: RichTextNode[]; depth: number } | null {
    const host = this.top.host
    if (host.out === null) return null
    host.paragraph = null
    return { list: host.out, depth: host.depth }
  }

  private addText(raw: string) {
    const text = cleanText(raw)
    if (text === '') return
    const host = this.top.host
    if (host.out === null) return
    if (isSpace(text)) {
      if (host.mode === 'block' && !host.paragraph) return
      if (host.element && NO_LOOSE_WHITESPACE.has(host.element.name)) return
    }
    const target = this.inlineTarget()
    if (!target) return
    const last = target.list[target.list.length - 1]
    if (last && isText(last)) last.text += text
    else target.list.push({ type: 'text', text })
  }

  // ---------------------------------------------------------- open and close

  private push(tag: string, mode: Mode, out: RichTextNode[] | null, depth: number, el: RichTextElement | null) {
    const parent = this.top
    const frame: Frame = {
      tag,
      mode,
      out,
      depth,
      host: undefined as unknown as Frame,
      paragraph: null,
      foreign: parent.foreign ? !INTEGRATION_POINTS.has(tag) : tag === 'svg' || tag === 'math',
      element: el,
    }
    frame.host = mode === 'inline' ? parent.host : frame
    this.stack.push(frame)
    this.openCount.set(tag, (this.openCount.get(tag) ?? 0) + 1)
  }

  /** pops frames until `length` are left */
  private popTo(length: number) {
    while (this.stack.length > length) {
      const tag = (this.stack.pop() as Frame).tag
      this.openCount.set(tag, (this.openCount.get(tag) as number) - 1)
    }
  }

  /**
   * Pops every frame above and including the nearest open element `matches` accepts, looking down
   * at most MAX_WALK frames and not past a `boundary`; true when one was found.
   */
  private closeOpen(tags: readonly string[], boundary: ReadonlySet<string>): boolean {
    // a tag with no open element (a stray end tag) costs nothing
    if (!tags.some((tag) => (this.openCount.get(tag) ?? 0) > 0)) return false
    for (let i = this.stack.length - 1, seen = 0; i > 0 && seen < MAX_WALK; i--, seen++) {
      const tag = (this.stack[i] as Frame).tag
      if (tags.includes(tag)) {
        this.popTo(i)
        return true
      }
      if (boundary.has(tag)) return false
    }
    return false
  }

  private impliedEnds(tag: string) {
    if (CLOSES_P.has(tag)) this.closeOpen(['p'], SCOPE)
    if (tag === 'li') this.closeOpen(['li'], LIST_SCOPE)
    else if (tag === 'dd' || tag === 'dt') this.closeOpen(['dd', 'dt'], DEFINITION_SCOPE)
    else if (tag === 'td' || tag === 'th') this.closeOpen(['td', 'th'], ROW_SCOPE)
    else if (tag === 'tr') this.closeOpen(['tr'], SECTION_SCOPE)
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')
      this.closeOpen(['thead', 'tbody', 'tfoot'], TABLE_SCOPE)
    else if (tag === 'a') this.closeOpen(['a'], SCOPE)
    if (HEADINGS.has(tag) && HEADINGS.has(this.top.tag)) this.popTo(this.stack.length - 1)
  }

  private start(tag: string, attrs: Map<string, string>, selfClosing: boolean) {
    if (
      this.top.foreign &&
      (BREAKOUT.has(tag) || (tag === 'font' && ['color', 'face', 'size'].some((a) => attrs.has(a))))
    ) {
      while (this.top.foreign && this.stack.length > 1) this.popTo(this.stack.length - 1)
    }
    if (this.top.foreign) {
      // SVG/MathML content: dropped; its self-closing tags close
      if (!selfClosing) this.push(tag, 'drop', null, 0, null)
      return
    }
    const name = tag === 'image' ? 'img' : tag
    if (this.top.host.out === null) {
      // inside a dropped element: frames only to match the end tags
      if (!VOID.has(name) && !(selfClosing && (name === 'svg' || name === 'math')))
        this.push(name, 'drop', null, 0, null)
      return
    }
    this.impliedEnds(name)
    if (VOID.has(name)) {
      this.openVoid(name, attrs)
      return
    }
    if (DROP.has(name)) {
      if (!(selfClosing && (name === 'svg' || name === 'math'))) this.push(name, 'drop', null, 0, null)
      return
    }
    if (BLOCK_CONTAINERS.has(name)) {
      const target = this.blockTarget() as { list: RichTextNode[]; depth: number }
      this.push(name, 'block', target.list, target.depth, null)
      return
    }
    const kept = RENAME[name] ?? (isRichTextTag(name) ? name : undefined)
    const href = kept === 'a' ? newsLinkHref(attrs.get('href') ?? '') : undefined
    if (kept === undefined || (kept === 'a' && href === undefined)) {
      this.push(name, 'inline', null, 0, null)
      return
    }
    const block = BLOCK_TAGS.has(kept)
    const target = (block ? this.blockTarget() : this.inlineTarget()) as { list: RichTextNode[]; depth: number }
    if (target.depth + 1 > MAX_DEPTH) {
      // too deep: dropped, content kept
      if (block) this.push(name, 'block', target.list, target.depth, null)
      else this.push(name, 'inline', null, 0, null)
      return
    }
    const el = element(kept, this.attributes(kept, attrs, href))
    target.list.push(el)
    this.push(name, 'keep', el.children, target.depth + 1, el)
  }

  private attributes(name: RichTextTag, attrs: Map<string, string>, href: string | undefined): Record<string, string> {
    if (name === 'a') return { href: href as string }
    const out: Record<string, string> = {}
    if (name === 'td' || name === 'th') {
      for (const attr of ['colspan', 'rowspan']) {
        const value = attrs.get(attr)?.trim()
        if (value !== undefined && /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100) {
          out[attr] = String(Number(value))
        }
      }
    }
    return out
  }

  private openVoid(name: string, attrs: Map<string, string>) {
    if (name === 'br') {
      this.inlineTarget()?.list.push(element('br'))
    } else if (name === 'img') {
      const src = allowedImageSrc(attrs.get('src') ?? '', this.imagePrefixes)
      if (src === undefined) return
      const target = this.inlineTarget()
      if (!target || target.depth + 1 > MAX_DEPTH) return
      const alt = cleanAlt(attrs.get('alt') ?? '')
      target.list.push(element('img', alt ? { src, alt } : { src }))
    }
  }

  private close(tag: string) {
    if (tag === 'br') {
      // `</br>` is a line break in HTML
      if (!this.top.foreign && this.top.host.out !== null) this.openVoid('br', new Map())
      return
    }
    if (VOID.has(tag)) return
    if (this.top.foreign || this.top.host.out === null) {
      this.closeOpen([tag], TABLE_SCOPE)
      return
    }
    if (HEADINGS.has(tag)) this.closeOpen(HEADING_LIST, SCOPE)
    else if (tag === 'li') this.closeOpen(['li'], LIST_SCOPE)
    else if (tag === 'dd' || tag === 'dt') this.closeOpen([tag], DEFINITION_SCOPE)
    else if (ROW_SCOPE.has(tag) || tag === 'td' || tag === 'th') this.closeOpen([tag], TABLE_SCOPE)
    else this.closeOpen([tag], SCOPE)
  }

  // ---------------------------------------------------------- tokenizer callbacks

  private slice(start: number, end: number) {
    return this.html.slice(start, end)
  }

  ontext(start: number, end: number) {
    this.addText(this.slice(start, end))
  }
  ontextentity(codepoint: number) {
    this.addText(String.fromCodePoint(codepoint))
  }
  onopentagname(start: number, end: number) {
    this.tagName = this.slice(start, end).toLowerCase()
    this.attrs = new Map()
  }
  onattribname(start: number, end: number) {
    this.attrName = this.slice(start, end).toLowerCase()
    this.attrValue = ''
  }
  onattribdata(start: number, end: number) {
    this.attrValue += this.slice(start, end)
  }
  onattribentity(codepoint: number) {
    this.attrValue += String.fromCodePoint(codepoint)
  }
  onattribend() {
    // the first of two attributes with one name wins, as in browsers
    if (!this.attrs.has(this.attrName)) this.attrs.set(this.attrName, this.attrValue)
    this.attrValue = ''
  }
  onopentagend() {
    this.start(this.tagName, this.attrs, false)
  }
  onselfclosingtag() {
    this.start(this.tagName, this.attrs, true)
  }
  onclosetag(start: number, end: number) {
    this.close(this.slice(start, end).toLowerCase())
  }
  isInForeignContext() {
    return this.top.foreign
  }
  oncdata() {}
  oncomment() {}
  ondeclaration() {}
  onprocessinginstruction() {}
  onend() {}
}

/**
 * Staff HTML as clean rich-text nodes. Throws a RangeError with RICH_TEXT_TOO_LONG past
 * RICH_TEXT_MAX_CHARS (UTF-16 code units), and an Error when an image prefix is not a folder URL.
 */
export function sanitizeRichText(html: string, options: RichTextOptions): RichTextNode[] {
  if (html.length > RICH_TEXT_MAX_CHARS) throw new RangeError(RICH_TEXT_TOO_LONG)
  checkImagePrefixes(options.imagePrefixes)
  const builder = new TreeBuilder(html, options.imagePrefixes)
  const tokenizer = new Tokenizer({ decodeEntities: true }, builder)
  tokenizer.write(html)
  tokenizer.end()
  return builder.root
}

/** whether the nodes show anything: text other than white space, or an image */
export function hasContent(nodes: readonly RichTextNode[]): boolean {
  return nodes.some((node) =>
    isText(node) ? /\S/.test(node.text) : node.name === 'img' || hasContent(node.children ?? []),
  )
}
