import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { packageSizes } from './lib/package-sizes'
import { root } from './lib/resources'
import { freePort, serveWeb } from './lib/services'
import { buildH5 } from './lib/web-build'

/**
 * `npm run bench` part for issue 14: the H5 login page's LCP in Chromium at 4× CPU throttling
 * (CDP Emulation.setCPUThrottlingRate), loopback, cold cache, median of 5, with the bytes
 * transferred and the scripts the first screen loads (their compressed bodies; issue 14's goal is
 * 150 KB); and the weapp / alipay package sizes from fresh production builds.
 * BENCH_SKIP_BUILDS=1 measures the builds already in miniapp/dist instead of building them again.
 */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

export async function benchFirstScreen(runs = 5) {
  const outDir = join(root, 'node_modules', '.cache', 'gjj-bench-h5')
  // the login page asks nothing of the API before it paints; an address nobody listens on
  const apiUrl = 'http://127.0.0.1:9'
  const built = await buildH5({ apiUrl, outDir })
  // served as `npm start` and the deployed site serve it: compressed, with the site's headers
  const web = await serveWeb(await freePort(), outDir, { api: [apiUrl], archive: [] })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  })
  try {
    const lcps: number[] = []
    const bytes: number[] = []
    const scriptBytes: number[] = []
    let scripts: string[] = []
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      let transferred = 0
      let script = 0
      const isScript = new Map<string, string>()
      cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string } }) => {
        if (e.type === 'Script') isScript.set(e.requestId, e.response.url.replace(/^.*\//, ''))
      })
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength
      })
      // the scripts' bodies as sent (compressed), without the response headers
      cdp.on('Network.dataReceived', (e: { requestId: string; encodedDataLength: number }) => {
        if (isScript.has(e.requestId)) script += e.encodedDataLength
      })
      await page.goto(`${web.url}/#/pages/login/index`, { waitUntil: 'load' })
      await page.waitForTimeout(1500)
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries()
              resolve((entries[entries.length - 1] as PerformanceEntry).startTime)
            }).observe({ type: 'largest-contentful-paint', buffered: true })
          }),
      )
      lcps.push(lcp)
      bytes.push(transferred)
      scriptBytes.push(script)
      scripts = [...isScript.values()].sort()
      await context.close()
    }
    const s = [...lcps].sort((a, b) => a - b)
    console.log(`\n— H5 first screen (login page), Chromium 4× CPU throttle, loopback, ${runs} cold loads —`)
    console.log(
      `${'H5 login LCP'.padEnd(34)} median ${(median(lcps) / 1000).toFixed(2)} s (${((s[0] as number) / 1000).toFixed(2)}–${((s[s.length - 1] as number) / 1000).toFixed(2)} s), ${(median(bytes) / 1024).toFixed(0)} KB transferred${built === 'cached' ? ' (H5 build unchanged, reused)' : ''}`,
    )
    console.log(
      `${'H5 login scripts (compressed body)'.padEnd(34)} ${(median(scriptBytes) / 1024).toFixed(1)} KB in ${scripts.length} files: ${scripts.join(', ')}`,
    )
  } finally {
    await browser.close()
    await web.stop()
  }

  console.log('\n— mini-program packages (production builds) —')
  for (const platform of ['weapp', 'alipay']) {
    const dist = join(root, 'miniapp', 'dist', platform)
    if (process.env.BENCH_SKIP_BUILDS !== '1' || !existsSync(join(dist, 'app.json'))) {
      const r = spawnSync('npm', ['run', `build:${platform}`, '--silent'], { cwd: root, stdio: 'ignore' })
      if (r.status !== 0) {
        console.log(`${platform}: build failed`)
        continue
      }
    }
    const sizes = packageSizes(dist)
    const main = sizes.get('main') ?? 0
    const subs = [...sizes].filter(([k]) => k !== 'main')
    console.log(
      `${`${platform} main package`.padEnd(34)} ${(main / 1024).toFixed(0).padStart(6)} KB  (subpackages: ${subs.map(([k, v]) => `${k.replace('packages/', '')} ${(v / 1024).toFixed(0)} KB`).join(', ')})`,
    )
  }
}
