import { buildBundles } from './lib/bundles'
const r = (await buildBundles({ only: (process.env.ONLY ?? 'getAccount,submitApplication').split(',') })) as any
for (const f of r.functions) {
  const base = r.floors[f.floor]
  console.log(f.name, f.bytes, 'floor', base.bytes, f.ratio.toFixed(3))
  const diff: [string, number][] = []
  for (const k of new Set([...Object.keys(f.inputs), ...Object.keys(base.inputs)])) {
    const d = (f.inputs[k] ?? 0) - (base.inputs[k] ?? 0)
    if (Math.abs(d) > 300) diff.push([k, d])
  }
  for (const [k, d] of diff.sort((a, b) => b[1] - a[1])) console.log('   ', String(d).padStart(8), k)
}
