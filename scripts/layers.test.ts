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
