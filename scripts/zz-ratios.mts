import { buildBundles } from './lib/bundles'

const b = await buildBundles()
console.log('floors', b.floors.dynamodb.bytes, b.floors['dynamodb+s3'].bytes)
for (const f of b.functions.sort((x, y) => y.ratio - x.ratio))
  console.log(f.name.padEnd(34), f.bytes, f.ratio.toFixed(3))
