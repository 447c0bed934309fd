import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { describe, expect, test } from 'vitest'
import { localCredentials } from '../scripts/lib/resources'
import { freePort, serveWeb } from '../scripts/lib/services'
import { CONSOLE_TITLE, prepareSite, siteFiles, uploadSite } from './files'
import { contentSecurityPolicy } from './headers.cjs'

/** the static site's files: prepared from an H5 build, uploaded to the site bucket (s3rver), served locally */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-site-'))
  mkdirSync(join(dir, 'static', 'js'), { recursive: true })
  mkdirSync(join(dir, 'static', 'images'), { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>手机公积金</title><script>!function(n){n.document.documentElement.style.fontSize="20px"}(window);</script>' +
      '<script defer="defer" src="/static/js/app.1a2b3c4d.js"></script></head><body><div id="app"></div></body></html>',
  )
  writeFileSync(join(dir, 'static', 'js', 'app.1a2b3c4d.js'), 'console.log(1)')
  writeFileSync(join(dir, 'static', 'images', 'tab.png'), 'png')
  writeFileSync(join(dir, '.build-hash'), 'x')
  return dir
}

describe('prepareSite', () => {
  test('moves the inline boot script to a hashed file and writes the console entry with its own title', () => {
    const dir = fakeBuild()
    prepareSite(dir)
    const index = readFileSync(join(dir, 'index.html'), 'utf8')
    expect(index).not.toMatch(/<script>/)
    const boot = index.match(/<script src="\/(static\/js\/boot\.[0-9a-f]{8}\.js)"><\/script>/)?.[1] as string
    expect(readFileSync(join(dir, boot), 'utf8')).toContain('fontSize')
    const admin = readFileSync(join(dir, 'admin', 'index.html'), 'utf8')
    expect(admin).toContain(`<title>${CONSOLE_TITLE}</title>`)
    expect(admin).not.toMatch(/<script>/)
    expect(admin).toMatch(/<head><script src="\/static\/js\/admin-entry\.[0-9a-f]{8}\.js"><\/script>/)

    prepareSite(dir)
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(index)
    expect(readFileSync(join(dir, 'admin', 'index.html'), 'utf8')).toBe(admin)
  })

  test('lists pages last, the console page also as admin/ and admin, hashed assets cached a year', () => {
    const dir = fakeBuild()
    prepareSite(dir)
    const files = siteFiles(dir)
    const keys = files.map((f) => f.key)
    expect(keys).not.toContain('.build-hash')
    expect(keys.slice(-4).sort()).toEqual(['admin', 'admin/', 'admin/index.html', 'index.html'])
    const by = Object.fromEntries(files.map((f) => [f.key, f]))
    expect(by['static/js/app.1a2b3c4d.js']).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
    })
    expect(by['static/images/tab.png']?.cacheControl).toBe('no-cache')
    expect(by['index.html']).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' })
    expect(by.admin?.contentType).toBe('text/html; charset=utf-8')
  })
})

describe('uploadSite', () => {
  test('puts every file in the site bucket with its type and cache policy', async () => {
    const s3 = new S3Client({
      endpoint: process.env.S3_ENDPOINT as string,
      region: 'cn-northwest-1',
      forcePathStyle: true,
      credentials: localCredentials,
    })
    const bucket = `site-test-${Date.now().toString(36)}`
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
    const dir = fakeBuild()
    await expect(uploadSite(s3, bucket, dir)).rejects.toThrow(/not a prepared site/)
    prepareSite(dir)
    expect(await uploadSite(s3, bucket, dir)).toBe(siteFiles(dir).length)

    const get = (Key: string) => s3.send(new GetObjectCommand({ Bucket: bucket, Key }))
    const page = await get('admin/')
    expect(page.ContentType).toBe('text/html; charset=utf-8')
    expect(page.CacheControl).toBe('no-cache')
    expect(await page.Body?.transformToString()).toContain(CONSOLE_TITLE)
    const asset = await get('static/js/app.1a2b3c4d.js')
    expect(asset.CacheControl).toBe('public, max-age=31536000, immutable')
    expect(await asset.Body?.transformToString()).toBe('console.log(1)')
  })
})

describe('the local static server', () => {
  test('sends the same security headers and cache policy as the deployed site', async () => {
    const dir = fakeBuild()
    prepareSite(dir)
    const origins = { api: ['http://127.0.0.1:3999'], archive: ['http://127.0.0.1:4999'] }
    const web = await serveWeb(await freePort(), dir, origins)
    try {
      const res = await fetch(`${web.url}/admin/`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain(CONSOLE_TITLE)
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(origins))
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self';")
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      const asset = await fetch(`${web.url}/static/js/app.1a2b3c4d.js`)
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    } finally {
      await web.stop()
    }
  })
})
