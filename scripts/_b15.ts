import { build } from 'esbuild'
import { functionEntries, lambdaBuildOptions } from './lib/bundles'
const name = process.env.FN ?? 'getAccount'
const e = functionEntries().find((f) => f.name === name)!
const r = await build({ ...lambdaBuildOptions(), entryPoints: [e.entry], write: false, outdir: '/tmp/x', metafile: true })
const out = Object.values(r.metafile.outputs)[0]!
const rows = Object.entries(out.inputs).filter(([f]) => /zod/.test(f)).map(([f, v]) => [f.replace(/.*node_modules\//, ''), v.bytesInOutput] as const)
let sum = 0
for (const [f, b] of rows.sort((a, b) => b[1] - a[1])) { sum += b; if (b > 500) console.log(String(b).padStart(7), f) }
console.log('total zod', sum)
