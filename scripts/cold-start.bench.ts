import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { bareNode, buildBundles, importTimes, kb, lambdaBuildOptions } from './lib/bundles'
import { root } from './lib/resources'

/**
 * `npm run bench` part for issue 14: each hot function's bundle beside its floor (built side by
 * side with serverless.yml's esbuild options), and the wall time of a whole
 * `node -e "await import(bundle)"` process, median of 10 alternating runs, beside the floor's.
 * Also the two decisions of decision 67: a linked source map read at start
 * (NODE_OPTIONS=--enable-source-maps) and the SDK bundled vs taken from the runtime.
 */
const HOT = [
  { name: 'getAccount', file: 'get-account' },
  { name: 'submitApplication', file: 'submit-application' },
  { name: 'approveApplication', file: 'approve-application' },
] as const

export async function benchColdStart(runs = 10) {
  const dir = join(root, 'node_modules', '.cache', 'gjj-bench-bundles')
  rmSync(dir, { recursive: true, force: true })
  const built = await buildBundles({ outdir: dir })
  const file = (name: string) => join(dir, `${name.replace(':', '-').replace('+', '-')}.mjs`)
  const floorOf = (f: (typeof built.functions)[number]) => built.floors[f.floor]

  console.log('\n— Lambda bundles (minified, without map) vs their floor —')
  for (const h of HOT) {
    const f = built.functions.find((x) => x.name === h.name)
    if (!f) continue
    console.log(
      `${`${h.name} bundle`.padEnd(34)} ${kb(f.bytes).padStart(8)} vs ${f.floor} floor ${kb(floorOf(f).bytes).padStart(7)}  ratio ${f.ratio.toFixed(2)}×`,
    )
  }
  const worst = [...built.functions].sort((a, b) => b.ratio - a.ratio)[0]
  if (worst) console.log(`${'largest ratio of all functions'.padEnd(34)} ${worst.name} ${worst.ratio.toFixed(2)}×`)

  console.log(`\n— cold import: whole node process, median of ${runs} alternating runs —`)
  const bare = bareNode(runs)
  const files = [file('floor:dynamodb'), file('floor:dynamodb+s3'), ...HOT.map((h) => file(h.name))]
  const times = importTimes(files, runs)
  const [floorDb, floorS3] = times as [number, number]
  console.log(
    `${'bare node'.padEnd(34)} ${bare.toFixed(0).padStart(6)} ms\n${'floor dynamodb'.padEnd(34)} ${floorDb.toFixed(0).padStart(6)} ms\n${'floor dynamodb+s3'.padEnd(34)} ${floorS3.toFixed(0).padStart(6)} ms`,
  )
  HOT.forEach((h, i) => {
    const f = built.functions.find((x) => x.name === h.name)
    const t = times[i + 2] as number
    const floor = f?.floor === 'dynamodb+s3' ? floorS3 : floorDb
    console.log(
      `${`${h.name} import`.padEnd(34)} ${t.toFixed(0).padStart(6)} ms  ratio to floor ${(t / floor).toFixed(2)}×`,
    )
  })

  // decision 67: the source map at cold start, and the SDK from the runtime instead of the bundle
  const variants = join(dir, 'variants')
  mkdirSync(variants, { recursive: true })
  const entry = join(root, 'functions', 'src', 'handlers', 'get-account.ts')
  const common = { ...lambdaBuildOptions(), entryPoints: { 'get-account': entry }, absWorkingDir: root }
  await build({ ...common, outdir: join(variants, 'map'), sourcemap: 'linked' })
  // the runtime's SDK: @aws-sdk/* and @smithy/* left out of the bundle and resolved at run time
  // (here from node_modules, as /var/runtime/node_modules would on Lambda)
  const sdkExternal = join(root, 'node_modules', '.cache', 'gjj-bench-sdk-external')
  mkdirSync(sdkExternal, { recursive: true })
  const ext = await build({
    ...common,
    outdir: sdkExternal,
    external: ['@aws-sdk/*', '@smithy/*'],
    metafile: true,
  })
  const extBytes = Object.values(ext.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0
  const mapFile = join(variants, 'map', 'get-account.mjs')
  const extFile = join(sdkExternal, 'get-account.mjs')
  const [plainT, extT] = importTimes([file('getAccount'), extFile], runs) as [number, number]
  const withMap = importTimes([mapFile], runs, '--enable-source-maps')[0] as number
  console.log(
    `${'getAccount, no map'.padEnd(34)} ${plainT.toFixed(0).padStart(6)} ms\n` +
      `${'getAccount, linked map + --enable-source-maps'.padEnd(46)} ${withMap.toFixed(0).padStart(6)} ms (${(withMap / plainT).toFixed(2)}×)\n` +
      `${'getAccount, SDK from the runtime'.padEnd(34)} ${extT.toFixed(0).padStart(6)} ms (${(extT / plainT).toFixed(2)}×), bundle ${kb(extBytes)}`,
  )
}
