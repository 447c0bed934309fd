import { useEffect, useRef } from 'react'

/**
 * 正文 editor of the console (H5 only): an editable area with a toolbar for what a news body may hold
 * — 大标题/小标题 (h2/h3), 正文段落, 加粗, 列表, 链接到其他新闻 and 插入图片. What it produces is
 * plain HTML; the server keeps only the allowed elements, internal news links and pictures from the
 * system's own storage (decision 36), and 预览 shows the result as depositors get it.
 *
 * The browser's editing commands (document.execCommand) do the work: old but the one editing API
 * every browser has, and enough for headings, paragraphs, bold, lists, links and pictures. The
 * toolbar keeps the selection (mousedown does not take the focus), and a command run after a
 * dialog (a link, a picture) goes back to the place the cursor was.
 */
export interface BodyEditorHandle {
  /** the article link `/news/<id>` on the selection, or the title as a new link at the cursor */
  insertNewsLink: (id: string, title: string) => void
  insertImage: (url: string) => void
}

type Command = { label: string; className: string; run: () => void }

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function BodyEditor({
  initialHtml,
  onChange,
  onLink,
  onImage,
  handle,
}: {
  initialHtml: string
  onChange: (html: string) => void
  /** 链接新闻: the page asks which article, then calls handle.insertNewsLink */
  onLink: () => void
  /** 插入图片: the page uploads one, then calls handle.insertImage */
  onImage: () => void
  handle: { current: BodyEditorHandle | null }
}) {
  const area = useRef<HTMLDivElement>(null)
  const saved = useRef<Range | null>(null)

  // the article's body once, when it has come; afterwards the area is the person's
  useEffect(() => {
    if (area.current) area.current.innerHTML = initialHtml
  }, [initialHtml])

  useEffect(() => {
    const keep = () => {
      const sel = document.getSelection()
      if (sel && sel.rangeCount > 0 && area.current?.contains(sel.anchorNode)) saved.current = sel.getRangeAt(0)
    }
    // Enter starts a new <p>, not a <div>
    document.execCommand('defaultParagraphSeparator', false, 'p')
    document.addEventListener('selectionchange', keep)
    return () => document.removeEventListener('selectionchange', keep)
  }, [])

  const changed = () => onChange(area.current?.innerHTML ?? '')

  /** focus the area at the place last edited, and run a command there */
  const exec = (command: string, value?: string) => {
    const el = area.current
    if (!el) return
    el.focus()
    const sel = document.getSelection()
    if (sel && saved.current) {
      sel.removeAllRanges()
      sel.addRange(saved.current)
    }
    document.execCommand(command, false, value)
    changed()
  }

  handle.current = {
    insertNewsLink: (id, title) => {
      const sel = saved.current
      const href = `/news/${id}`
      if (sel && !sel.collapsed) exec('createLink', href)
      else exec('insertHTML', `<a href="${href}">${escapeHtml(title)}</a>&nbsp;`)
    },
    insertImage: (url) => exec('insertHTML', `<p><img src="${escapeHtml(url)}" alt=""></p>`),
  }

  const commands: Command[] = [
    { label: '大标题', className: 'h2', run: () => exec('formatBlock', 'h2') },
    { label: '小标题', className: 'h3', run: () => exec('formatBlock', 'h3') },
    { label: '正文', className: 'p', run: () => exec('formatBlock', 'p') },
    { label: '加粗', className: 'bold', run: () => exec('bold') },
    { label: '列表', className: 'list', run: () => exec('insertUnorderedList') },
    { label: '链接新闻', className: 'link', run: onLink },
    { label: '插入图片', className: 'image', run: onImage },
  ]

  return (
    <div className="body-editor">
      <div className="body-editor__toolbar">
        {commands.map((c) => (
          <button
            key={c.className}
            type="button"
            className={`body-editor__tool body-editor__tool--${c.className}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={c.run}
          >
            {c.label}
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area (headings, links, pictures) cannot be a textarea */}
      <div
        ref={area}
        role="textbox"
        aria-multiline="true"
        className="body-editor__area"
        contentEditable
        suppressContentEditableWarning
        aria-label="正文"
        tabIndex={0}
        onInput={changed}
        onBlur={changed}
      />
    </div>
  )
}
