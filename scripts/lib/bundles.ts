import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild'
import { parse } from 'yaml'
import { root } from './resources'

/**
 * What a function's Lambda bundle weighs next to its floor: a bundle of only the AWS SDK clients it
 * cannot do without (the DynamoDB DocumentClient sending one GetCommand; plus the S3 client and one
 * command where the operation touches the bucket), built with the same esbuild options
 * serverless.yml gives serverless-esbuild, minified, without the source map. `npm run bench` prints
 * the ratios and scripts/bundles.test.ts holds them to a budget (issue 14, decision 67).
 */

interface ServerlessDoc {
  custom: { esbuild: Record<string, unknown> }
  functions: Record<string, { handler: string }>
}

const serverless = () => parse(readFileSync(join(root, 'serverless.yml'), 'utf8')) as ServerlessDoc

/** serverless.yml's custom.esbuild as esbuild options (without the source map: it is a separate file) */
export function lambdaBuildOptions(): BuildOptions {
  const o = serverless().custom.esbuild
  return {
    bundle: true,
    minify: o.minify as boolean,
    charset: o.charset as 'utf8' | undefined,
    target: o.target as string,
    platform: o.platform as 'node',
    format: o.format as 'esm',
    mainFields: o.mainFields as string[],
    banner: o.banner as Record<string, string>,
    external: (o.exclude as string[] | undefined) ?? [],
    outExtension: { '.js': (o.outputFileExtension as string | undefined) ?? '.js' },
    sourcemap: false,
    logLevel: 'error',
    plugins: o.plugins ? (createRequire(import.meta.url)(join(root, o.plugins as string)) as Plugin[]) : [],
  }
}

/** every function of serverless.yml: its name and its entry file */
export function functionEntries(): { name: string; entry: string }[] {
  return Object.entries(serverless().functions).map(([name, f]) => ({
    name,
    entry: join(root, `${f.handler.replace(/\.[^.]+$/, '')}.ts`),
  }))
}

/** the floors: what any function reading DynamoDB must carry, and with the archive bucket */
export const FLOOR_SOURCES = {
  dynamodb: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}))
export const handler = async () => db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'p', sk: 's' } }))
`,
  'dynamodb+s3': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}))
const s3 = new S3Client({})
export const handler = async () => {
  await s3.send(new HeadObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: 'k' }))
  return db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'p', sk: 's' } }))
}
`,
} as const
export type Floor = keyof typeof FLOOR_SOURCES

/** the packages that mark a bundle as holding S3 / an identity vendor / an SMS vendor's code */
const S3_MARK = /node_modules\/@aws-sdk\/client-s3\//
const VENDOR_MARK = /functions\/src\/(identity\/(alipay|wechat)|sms\/aliyun)\.ts$/
/**
 * an SDK's aggregated client (every command of the service): it is bundled only when esbuild cannot
 * tree-shake the package, e.g. because a module on the way is imported dynamically (decision 87)
 */
const WHOLE_CLIENT_MARK =
  /node_modules\/@aws-sdk\/(client-dynamodb\/dist-es\/DynamoDB|lib-dynamodb\/dist-es\/DynamoDBDocument|client-s3\/dist-es\/S3)\.js$/

export interface BundleFigures {
  name: string
  bytes: number
  usesS3: boolean
  vendorCode: string[]
  /** the SDK's aggregated clients in the bundle (none is expected) */
  wholeClients: string[]
  /** input bytes in the output, by package or source folder: where the weight comes from */
  inputs: Record<string, number>
}

function summarise(name: string, output: Metafile['outputs'][string]): BundleFigures {
  const inputs: Record<string, number> = {}
  let usesS3 = false
  const vendorCode: string[] = []
  const wholeClients: string[] = []
  for (const [file, v] of Object.entries(output.inputs)) {
    if (WHOLE_CLIENT_MARK.test(file) && v.bytesInOutput > 0) wholeClients.push(file.replace(/^.*node_modules\//, ''))
    if (S3_MARK.test(file)) usesS3 = true
    if (VENDOR_MARK.test(file)) vendorCode.push(file.replace(/^.*functions\/src\//, ''))
    const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? file.replace(/\/[^/]+$/, '')
    inputs[pkg] = (inputs[pkg] ?? 0) + v.bytesInOutput
  }
  return { name, bytes: output.bytes, usesS3, vendorCode, wholeClients, inputs }
}

/**
 * Builds every function and both floors in one esbuild run (each its own output, no code
 * splitting, as serverless-esbuild packages them individually) and returns their sizes.
 * With `outdir` the bundles are written there (for the import timing); otherwise kept in memory.
 */
export async function buildBundles(opts: { outdir?: string; only?: string[] } = {}) {
  const dir = opts.outdir ?? join(root, 'node_modules', '.cache', 'gjj-bundles')
  mkdirSync(join(dir, 'floors'), { recursive: true })
  const floors = Object.entries(FLOOR_SOURCES).map(([name, source]) => {
    const file = join(dir, 'floors', `${name.replace('+', '-')}.ts`)
    writeFileSync(file, source)
    return { name: `floor:${name}`, entry: file }
  })
  const functions = functionEntries().filter((f) => !opts.only || opts.only.includes(f.name))
  const entries = [...functions, ...floors]
  const result = await build({
    ...lambdaBuildOptions(),
    entryPoints: Object.fromEntries(entries.map((e) => [e.name.replace(':', '-').replace('+', '-'), e.entry])),
    outdir: dir,
    write: Boolean(opts.outdir),
    metafile: true,
    absWorkingDir: root,
  })
  const byOut = new Map<string, BundleFigures>()
  for (const [out, output] of Object.entries(result.metafile.outputs)) {
    const base = out.replace(/^.*\//, '').replace(/\.m?js$/, '')
    const entry = entries.find((e) => e.name.replace(':', '-').replace('+', '-') === base)
    if (entry) byOut.set(entry.name, summarise(entry.name, output))
  }
  const floor = (name: Floor) => byOut.get(`floor:${name}`) as BundleFigures
  return {
    dir,
    floors: { dynamodb: floor('dynamodb'), 'dynamodb+s3': floor('dynamodb+s3') },
    functions: functions.map((f) => {
      const b = byOut.get(f.name) as BundleFigures
      const against: Floor = b.usesS3 ? 'dynamodb+s3' : 'dynamodb'
      return { ...b, floor: against, ratio: b.bytes / floor(against).bytes }
    }),
  }
}

/** the environment a bundle needs to import (lib/config.ts fails fast without it) */
const IMPORT_ENV = {
  STAGE: 'bench',
  TABLE_NAME: 'gjj-bench',
  BUCKET_NAME: 'gjj-bench-archives',
  AWS_REGION: 'cn-northwest-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
}

/** wall time of a whole `node -e "await import(file)"` process, in ms */
function importOnce(file: string, nodeOptions = ''): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(file)})`], {
    env: { PATH: process.env.PATH, ...IMPORT_ENV, NODE_OPTIONS: nodeOptions },
    encoding: 'utf8',
  })
  const ms = performance.now() - t
  if (r.status !== 0) throw new Error(`importing ${file} failed: ${r.stderr}`)
  return ms
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/**
 * Median wall time of importing each file in its own node process, the files taken in turn
 * (a, b, c, a, b, c, …) so that a busy moment of the machine falls on all of them alike.
 */
export function importTimes(files: string[], runs = 10, nodeOptions = ''): number[] {
  const times = files.map(() => [] as number[])
  for (const f of files) importOnce(f, nodeOptions) // warm the file cache once
  for (let i = 0; i < runs; i++) {
    for (const [j, f] of files.entries()) times[j]?.push(importOnce(f, nodeOptions))
  }
  return times.map(median)
}

/** a bare node process doing nothing: what any cold start pays before our code */
export function bareNode(runs = 10): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    times.push(performance.now() - t)
  }
  return median(times)
}

export const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
