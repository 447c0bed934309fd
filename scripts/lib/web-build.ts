import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib'
import { prepareSite } from '../../site/files'
import { root } from './resources'
import { StartError } from './services'

/** a hash of everything the H5 build depends on, so an unchanged app is not built again */
function sourceHash(apiUrl: string): string {
  const hash = createHash('sha256').update(apiUrl)
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else hash.update(p).update(readFileSync(p))
    }
  }
  for (const dir of ['miniapp/src', 'miniapp/config', 'shared/src', 'site']) walk(join(root, dir))
  for (const file of ['miniapp/babel.config.js', 'miniapp/package.json', 'package-lock.json']) {
    const p = join(root, file)
    if (existsSync(p)) hash.update(readFileSync(p))
  }
  return hash.digest('hex')
}

/** builds the H5 app into `outDir` with the API address baked in; skipped when nothing changed */
export async function buildH5(opts: {
  apiUrl: string
  outDir: string
  log?: (s: string) => void
}): Promise<'built' | 'cached'> {
  const stamp = join(opts.outDir, '.build-hash')
  const hash = sourceHash(opts.apiUrl)
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(opts.outDir, 'index.html'))) {
    return 'cached'
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: join(root, 'miniapp'),
      env: { ...process.env, TARO_APP_API_URL: opts.apiUrl, GJJ_OUTPUT_ROOT: opts.outDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.on('exit', (code) => {
      if (code === 0 && existsSync(join(opts.outDir, 'index.html'))) resolve()
      else reject(new StartError(`H5 构建失败（退出码 ${code}）：\n${stripVTControlCharacters(output).slice(-3000)}`))
    })
  })
  // the inline boot script to a file, the console's /admin/ entry (decision 63)
  prepareSite(opts.outDir)
  compressAssets(opts.outDir)
  writeFileSync(stamp, hash)
  return 'built'
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|ttf|woff)$/

/**
 * Brotli (.br) and gzip (.gz) copies of every text asset of a build, made once at build time so the
 * server only picks the file the browser accepts (serveWeb; issue 14: the first screen's JS is a
 * third of its size compressed).
 */
export function compressAssets(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name)
    if (!COMPRESSIBLE.test(name) || !statSync(p).isFile()) continue
    const bytes = readFileSync(p)
    if (bytes.length < 1024) continue
    writeFileSync(`${p}.br`, brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }))
    writeFileSync(`${p}.gz`, gzipSync(bytes, { level: 9 }))
  }
}
