import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

/** bytes per package of a mini-program build: `main` and each subpackage root (maps and licences left out) */
export function packageSizes(distDir: string) {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const file of files(distDir)) {
    const rel = relative(distDir, file)
    if (rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size)
  }
  return sizes
}
