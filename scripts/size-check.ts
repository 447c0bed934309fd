import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { files, packageSizes } from './lib/package-sizes'
import { root } from './lib/resources'

/**
 * Fails when a mini-program package grows past what we allow ourselves (WeChat's hard limit is
 * 2 MB per package): the main package 450 KB (issue 14's budget: what a cheap phone downloads and
 * evaluates before the first screen; decision 86 says how it was reached: no zod and no schema in
 * it), any subpackage 1 MB. Prints every size.
 * Fails too when the review console got into a depositors' package: it is built for H5 only
 * (app.config.ts).
 */
const MAIN_LIMIT = 450 * 1024
const SUB_LIMIT = 1024 * 1024

/** what only the review console has: its routes, the staff API, its session and its title */
const CONSOLE_MARKERS = ['packages/admin', '/api/admin/', 'gjj.staffSession', '审批管理后台']

/** a marker as minified code may hold it: Chinese as \uXXXX */
const escaped = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** the files of a build that hold any of the console's markers, with the marker found */
export function consoleTraces(distDir: string): string[] {
  return files(distDir).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const lower = text.toLowerCase()
    const found = CONSOLE_MARKERS.find((m) => text.includes(m) || lower.includes(escaped(m).toLowerCase()))
    return found ? [`${relative(distDir, file)} (${found})`] : []
  })
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
let failed = false
for (const platform of ['weapp', 'alipay']) {
  const dist = join(root, 'miniapp', 'dist', platform)
  if (!existsSync(join(dist, 'app.json'))) {
    console.error(`size: ${platform} build not found at ${dist}; run npm run build:${platform} first`)
    failed = true
    continue
  }
  for (const [pkg, size] of packageSizes(dist)) {
    const limit = pkg === 'main' ? MAIN_LIMIT : SUB_LIMIT
    const over = size > limit
    failed ||= over
    console.log(
      `size: ${platform} ${pkg.padEnd(20)} ${kb(size).padStart(10)}  (limit ${kb(limit)})${over ? '  TOO LARGE' : ''}`,
    )
  }
  const traces = consoleTraces(dist)
  failed ||= traces.length > 0
  console.log(
    traces.length
      ? `size: ${platform} holds review console code (it is H5 only): ${traces.join(', ')}`
      : `size: ${platform} holds no review console code`,
  )
}
if (failed) process.exit(1)
