import * as z from 'zod/mini'
import { transformIssue } from '../zod-locale'
import { hasContent, RICH_TEXT_MAX_CHARS, RICH_TEXT_TOO_LONG, sanitizeRichText } from './rich-text'
import {
  attributeAllowed,
  checkImagePrefixes,
  RICH_TEXT_TAGS,
  type RichTextNode,
  type RichTextOptions,
  VOID_TAGS,
} from './rich-text-nodes'

/**
 * The rich text's schemas: the contract's clean nodes, and a news body from staff (rich-text-nodes.ts
 * and rich-text.ts build no schema: the article page uses them without zod).
 */

const NOT_ALLOWED = '正文含有不允许的内容'

const textNodeSchema = z.strictObject({ type: z.literal('text'), text: z.string() }, { error: NOT_ALLOWED })

const elementNodeSchema = z
  .strictObject(
    {
      name: z.enum(RICH_TEXT_TAGS, { error: NOT_ALLOWED }),
      attrs: z.record(z.string(), z.string(), { error: NOT_ALLOWED }),
      // lazily: zod/mini's .check below copies the shape, which a getter would read too early
      children: z.array(
        z.lazy((): z.ZodMiniType<RichTextNode> => richTextNodeSchema),
        { error: NOT_ALLOWED },
      ),
    },
    { error: NOT_ALLOWED },
  )
  .check(
    z.superRefine((node, ctx) => {
      for (const [attr, value] of Object.entries(node.attrs)) {
        if (!attributeAllowed(node.name, attr, value)) {
          ctx.addIssue({ code: 'custom', message: NOT_ALLOWED, path: ['attrs', attr] })
        }
      }
      if (VOID_TAGS.has(node.name) && node.children.length > 0) {
        ctx.addIssue({ code: 'custom', message: NOT_ALLOWED, path: ['children'] })
      }
    }),
  )

/** one clean node: what the API may send (allowed names and attributes only, links and image URLs checked) */
export const richTextNodeSchema: z.ZodMiniType<RichTextNode> = z.union([textNodeSchema, elementNodeSchema], {
  error: NOT_ALLOWED,
})
export const richTextNodesSchema = z.array(richTextNodeSchema, { error: NOT_ALLOWED })

/** a news body from staff: HTML in, clean nodes out; 请输入正文 when nothing would show */
export function richTextSchema(options: RichTextOptions) {
  checkImagePrefixes(options.imagePrefixes)
  return z.pipe(
    z.string({ error: '请输入正文' }),
    z.transform((html, ctx) => {
      if (html.length > RICH_TEXT_MAX_CHARS) {
        return transformIssue(ctx, RICH_TEXT_TOO_LONG)
      }
      const nodes = sanitizeRichText(html, options)
      if (!hasContent(nodes)) {
        return transformIssue(ctx, '请输入正文')
      }
      return nodes
    }),
  )
}
