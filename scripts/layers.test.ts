import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { root } from './lib/resources'

/**
 * functions/src/lib is the bottom layer (config, clock, errors, the HTTP boundary): it imports
 * packages and its own siblings, never the repository, services, handlers or anything else above
 * it. The HTTP boundary gets the session lookup handed in (functions/src/endpoint.ts).
 */
const libDir = join(root, 'functions', 'src', 'lib')
const libFiles = readdirSync(libDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

function relativeImports(source: string): string[] {
  return [...source.matchAll(/\bfrom\s+'(\.[^']*)'|\bimport\s*\(\s*'(\.[^']*)'\s*\)|\bimport\s+'(\.[^']*)'/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  )
}

describe('functions/src/lib depends on nothing above it', () => {
  test.each(libFiles)('%s imports only its siblings', (file) => {
    const imports = relativeImports(readFileSync(join(libDir, file), 'utf8'))
    expect(imports.filter((path) => !path.startsWith('./'))).toEqual([])
  })
})

/**
 * The mini-program's pages use the shared rules (validation, catalog, workflow, hours, rich text,
 * loan businesses) without zod (decision 86): a shared module builds schemas only if it is part of
 * the contract (shared/src/api) or a `*-schemas.ts` beside the rules it is built from. A module
 * that builds schemas imports the zod configuration (zod-locale.ts) first, so that zod answers in
 * Chinese and compiles no validator outside Node — zod decides that when a schema is built.
 */
const sharedDir = join(root, 'shared', 'src')
const sharedModules = (readdirSync(sharedDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(f) && !f.startsWith('testing'))
  .map((f) => ({ file: f, source: readFileSync(join(sharedDir, f), 'utf8') }))
const buildsSchemas = (source: string) => /^import \* as z from 'zod\/mini'$/m.test(source)
/** every TypeScript file of shared/src, functions/src and scripts, tests included */
const allSources = ['shared/src', 'functions/src', 'functions/test', 'scripts'].flatMap((dir) =>
  (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, source: readFileSync(join(root, dir, f), 'utf8') })),
)

describe('shared modules and zod', () => {
  test('only the contract and *-schemas.ts modules import zod', () => {
    const importing = sharedModules.filter((m) => /^import (?!type )[^\n]*from 'zod[/']/m.test(m.source))
    expect(importing.length).toBeGreaterThan(20)
    const elsewhere = importing
      .map((m) => m.file)
      .filter((f) => !f.startsWith('api/') && !f.endsWith('-schemas.ts') && f !== 'zod-locale.ts')
    expect(elsewhere).toEqual([])
  })

  test('a module that builds schemas imports the zod configuration right after zod', () => {
    const schemaModules = sharedModules.filter((m) => buildsSchemas(m.source) && m.file !== 'zod-locale.ts')
    expect(schemaModules.length).toBeGreaterThan(20)
    for (const { file, source } of schemaModules) {
      const lines = source.split('\n')
      const at = lines.indexOf("import * as z from 'zod/mini'")
      expect(lines[at + 1], file).toMatch(/^import (\{ [^}]+ \} from )?'(\.\/|\.\.\/)+zod-locale'$/)
    }
  })

  test('schemas are built with zod/mini: classic zod, whose every schema carries every method, is imported nowhere', () => {
    // zod/mini keeps only the checks a bundle uses: ~20 KB of a Lambda instead of ~90 (decision 87)
    const classic = allSources.filter((m) => /from 'zod(\/v4)?(\/classic)?'/.test(m.source)).map((m) => m.file)
    expect(classic).toEqual([])
  })
})
