import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { cacheControlOf } from './headers.cjs'

/**
 * The static site's files (issue 13): what the H5 build becomes before it is served — by the local
 * stack (scripts/lib/services.ts) and by CloudFront from the site bucket (uploadSite, run after
 * `serverless deploy` by site/serverless-plugin.cjs).
 */

/** the review console's own entry (decision 63): its page, title and first route */
export const CONSOLE_ENTRY = 'admin/index.html'
export const CONSOLE_TITLE = '公积金中心业务管理控制台'
const CONSOLE_FIRST_ROUTE = '#/packages/admin/login/index'

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8)

/** writes `text` to static/js/<name>.<hash>.js and answers its URL path */
function scriptFile(dir: string, name: string, text: string): string {
  const file = `static/js/${name}.${short(text)}.js`
  mkdirSync(join(dir, 'static', 'js'), { recursive: true })
  writeFileSync(join(dir, file), text)
  return `/${file}`
}

/**
 * Makes a fresh H5 build servable under the site's CSP, in place (decision 63): Taro's inline boot
 * script (it sets the root font size before the app loads) moves to a hashed file, so scripts need
 * no 'unsafe-inline'; and the console gets its entry page, admin/index.html: the same app with its
 * own title and a first script that opens the console's route when the address names none. Running
 * it twice changes nothing.
 */
export function prepareSite(dir: string): void {
  const indexPath = join(dir, 'index.html')
  let html = readFileSync(indexPath, 'utf8')
  html = html.replace(/<script>([\s\S]*?)<\/script>/g, (_all, code: string) => {
    return `<script src="${scriptFile(dir, 'boot', code)}"></script>`
  })
  writeFileSync(indexPath, html)

  const entry = scriptFile(
    dir,
    'admin-entry',
    `if(!/^#\\/packages\\/admin\\//.test(location.hash))location.replace(location.pathname+${JSON.stringify(CONSOLE_FIRST_ROUTE)})\n`,
  )
  const consoleHtml = html
    .replace(/<title>[^<]*<\/title>/, `<title>${CONSOLE_TITLE}</title>`)
    .replace('<head>', `<head><script src="${entry}"></script>`)
  mkdirSync(join(dir, 'admin'), { recursive: true })
  writeFileSync(join(dir, CONSOLE_ENTRY), consoleHtml)
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

export interface SiteFile {
  /** the object key (also the URL path without its leading '/') */
  key: string
  path: string
  contentType: string
  cacheControl: string
}

/**
 * Every file of a prepared build as it is uploaded: pages last (a page never names an asset not yet
 * uploaded), the console's page also under `admin/` and `admin` (S3 behind CloudFront has no
 * directory index: /admin/ and /admin are those keys).
 */
export function siteFiles(dir: string): SiteFile[] {
  const out: SiteFile[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      // .br/.gz copies are for the local server; CloudFront compresses on its own (Compress: true)
      else if (!name.startsWith('.') && !/\.(br|gz)$/.test(name)) {
        const key = relative(dir, p).split(sep).join('/')
        out.push({
          key,
          path: p,
          contentType: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
          cacheControl: cacheControlOf(key),
        })
      }
    }
  }
  walk(dir)
  const consolePage = out.find((f) => f.key === CONSOLE_ENTRY)
  if (consolePage) out.push({ ...consolePage, key: 'admin/' }, { ...consolePage, key: 'admin' })
  const isPage = (f: SiteFile) => f.contentType.startsWith('text/html')
  return [...out.filter((f) => !isPage(f)), ...out.filter(isPage)]
}

/** uploads a prepared build to the site bucket; answers how many objects were written */
export async function uploadSite(s3: S3Client, bucket: string, dir: string): Promise<number> {
  if (!existsSync(join(dir, CONSOLE_ENTRY))) throw new Error(`${dir} is not a prepared site (run prepareSite)`)
  const files = siteFiles(dir)
  const assets = files.filter((f) => !f.contentType.startsWith('text/html'))
  const pages = files.filter((f) => f.contentType.startsWith('text/html'))
  const put = (f: SiteFile) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: f.key,
        Body: readFileSync(f.path),
        ContentType: f.contentType,
        CacheControl: f.cacheControl,
      }),
    )
  // assets a few at a time, then the pages
  for (let i = 0; i < assets.length; i += 8) await Promise.all(assets.slice(i, i + 8).map(put))
  for (const f of pages) await put(f)
  return files.length
}
