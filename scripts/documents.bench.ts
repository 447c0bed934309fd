import { performance } from 'node:perf_hooks'

/**
 * `npx tsx scripts/documents.bench.ts`: the 电子证明 PDF on this machine — the font's first load
 * (once per container), then p50/p95 of making one 缴存使用证明 PDF (layout, CJK subset, QR code,
 * compression) and its size. BENCH_N documents (default 50). No I/O but the font file.
 */
const N = Number(process.env.BENCH_N ?? 50)
process.env.STAGE ??= 'local'
const { documentFont, renderDocumentPdf } = await import('../functions/src/documents/pdf')

const t0 = performance.now()
const font = documentFont()
const fontMs = performance.now() - t0

const content = (i: number) => ({
  title: '个人住房公积金缴存使用证明',
  centerName: '阿勒泰地区住房公积金管理中心',
  number: `ZM20261203${String(i).padStart(10, '0')}`,
  issuedAtText: '2026-12-03 10:15:00',
  validUntil: '2027-03-02',
  statement: '兹证明 张建国 在阿勒泰地区住房公积金管理中心缴存住房公积金，截至 2026-12-03 缴存及使用情况如下：',
  rows: [
    ['姓名', '张建国'],
    ['身份证号', '6543**********0157'],
    ['个人账号', '654300100003'],
    ['缴存单位', '布尔津县自来水公司'],
    ['开户日期', '2008-01-15'],
    ['账户状态', '正常'],
    ['缴存基数', '8,280.00 元'],
    ['月缴存额', '1,987.20 元'],
    ['缴至年月', '2021-03'],
    ['账户余额', '262,371.85 元'],
    ['贷款情况', '无住房公积金贷款'],
  ].map(([label, value]) => ({ label: label as string, value: value as string })),
  verifyUrl: `https://gjj.example.gov.cn/#/packages/docs/verify/index?number=ZM20261203${String(i).padStart(10, '0')}&code=AB12CD34`,
  code: 'AB12CD34',
  issuedAt: new Date('2026-12-03T02:15:00Z'),
})

const first = performance.now()
let size = (await renderDocumentPdf(content(0))).length
const firstMs = performance.now() - first
const times: number[] = []
for (let i = 1; i <= N; i++) {
  const t = performance.now()
  size = (await renderDocumentPdf(content(i))).length
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(1)
console.log(`font ${(font.length / 1024 / 1024).toFixed(1)} MB read in ${fontMs.toFixed(1)} ms (once per container)`)
console.log(
  `first PDF ${firstMs.toFixed(1)} ms; then p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${N}; ${(size / 1024).toFixed(1)} KB each`,
)
