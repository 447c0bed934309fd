import { createRequire } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'
import { lambdaBuildOptions } from './lib/bundles'
import { root } from './lib/resources'

const { markPure } = createRequire(import.meta.url)(join(root, 'functions', 'esbuild-plugins.cjs')) as {
  markPure: (source: string, fileName: string) => string
}

describe("the Lambda bundles' pure-schemas plugin (decision 87)", () => {
  test('marks the calls of top-level constants, not those in functions or other statements', () => {
    const source = [
      "export const a = z.string().check(z.minLength(1, { error: '请输入' }))",
      'export function b() { return z.number() }',
      'const c = (n: number) => z.int().check(z.lte(n))',
      'z.config({})',
      'let d = z.string()',
    ].join('\n')
    expect(markPure(source, 'x.ts').split('\n')).toEqual([
      "export const a = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1, { error: '请输入' }))",
      'export function b() { return z.number() }',
      'const c = (n: number) => z.int().check(z.lte(n))',
      'z.config({})',
      'let d = z.string()',
    ])
  })

  test("a function bundles its operation's schemas, not the rest of the contract module", async () => {
    const bundle = async (name: string) => {
      const out = await build({
        ...lambdaBuildOptions(),
        stdin: {
          contents: `import { ${name} } from '@gjj/shared/api/application'\nexport const op = ${name}`,
          resolveDir: root,
          loader: 'ts',
        },
        write: false,
      })
      return out.outputFiles[0]?.text ?? ''
    }
    const submit = await bundle('submitApplication')
    expect(submit).toContain('/api/applications/{id}/submit')
    // createApplication lives in the same module: neither it nor its drafts' schemas are bundled
    const created = await bundle('createApplication')
    for (const text of ['新建申请（草稿）', '租房地址']) {
      expect(created).toContain(text)
      expect(submit).not.toContain(text)
    }
  })
})
