import { bench, describe } from 'vitest'
import { RICH_TEXT_MAX_CHARS, sanitizeRichText } from './rich-text'

// Hostile news bodies at the length limit must clean in linear time (htmlparser2's own Parser,
// quadratic on deep nesting, took 2–4 s on the nested ones; the tokenizer-based builder 30–470 ms).
// Run: npx vitest bench --project unit --run shared/src/info/rich-text.bench.ts
const N = RICH_TEXT_MAX_CHARS
const options = { imagePrefixes: ['https://cdn.gjj.test/public/news/'] }
const bodies: [string, string][] = [
  ['flat paragraphs', '<p>住房公积金</p>'.repeat(N / 13)],
  ['nested inline tags', '<b>'.repeat(N / 3)],
  ['nested tags then stray end tags', `${'<b>'.repeat(N / 8)}${'</i>'.repeat(N / 8)}`],
  ['nested block containers', '<div>x'.repeat(N / 6)],
  ['nested list items', '<li>'.repeat(N / 4)],
  ['many entities', '&amp;'.repeat(N / 5)],
]

describe('sanitizeRichText on 200,000 characters', () => {
  for (const [name, html] of bodies) {
    bench(name, () => {
      sanitizeRichText(html, options)
    })
  }
})
