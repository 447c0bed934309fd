import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { getNews, listNews } from '@gjj/shared/api/news'
import {
  addNewsImage,
  createNews,
  deleteNews,
  getStaffNews,
  listStaffNews,
  previewNews,
  publishNews,
  requestNewsImageUpload,
  unpublishNews,
  updateNews,
} from '@gjj/shared/api/publishing'
import { toSafeHtml } from '@gjj/shared/info/rich-text-nodes'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer } from '../../test/factory'
import { auditsOf, countCalls, makeStaff } from '../../test/publishing'
import { jpegSize, THUMB_WIDTH } from '../lib/thumbnail'
import { db, table } from '../repository/client'
import { articleKey } from '../repository/news'
import { seedDemoData } from '../seed/index'
import { NEWS_IMAGE_PREFIX, REGION_SOURCE } from '../services/news'
import { handler as addImageHandler } from './add-news-image'
import { handler as createHandler } from './create-news'
import { handler as deleteHandler } from './delete-news'
import { handler as getHandler } from './get-news'
import { handler as getStaffHandler } from './get-staff-news'
import { handler as listHandler } from './list-news'
import { handler as listStaffHandler } from './list-staff-news'
import { handler as previewHandler } from './preview-news'
import { handler as publishHandler } from './publish-news'
import { handler as uploadHandler } from './request-news-image-upload'
import { handler as unpublishHandler } from './unpublish-news'
import { handler as updateHandler } from './update-news'

type Item = {
  id: string
  title: string
  publishedAt: string
  summary: string
  regionWide: boolean
  coverThumbnailUrl: string | null
}
type Page = { items: Item[]; nextCursor: string | null }
type Detail = {
  id: string
  title: string
  status: string
  version: number
  publishedAt: string | null
  bodyHtml: string
  coverImageUrl: string | null
  regionWide: boolean
}
type ErrorBody = { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] }

/** a center of the tests' own (no demo data), so counts here do not depend on other files */
const TEST_CENTER = 'C69901'
const OTHER_CENTER = 'C69902'

const list = (centerCode: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  listHandler(eventFor(listNews, { centerCode, ...extra }, { headers }))
const read = (centerCode: string, id: string) => getHandler(eventFor(getNews, { centerCode, id }))

async function allPages(centerCode: string, limit: number) {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: Page = bodyOf<Page>(await list(centerCode, { limit, ...(cursor ? { cursor } : {}) }))
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
    pages++
  } while (cursor && pages < 50)
  return ids
}

let publisher: { token: string }
let otherPublisher: { token: string }
let regionAdmin: { token: string }

beforeAll(async () => {
  await seedDemoData()
  publisher = await makeStaff(TEST_CENTER, ['publisher'])
  otherPublisher = await makeStaff(OTHER_CENTER, ['publisher'])
  regionAdmin = await makeStaff('C65000', ['regionAdmin'])
})

async function draft(token: string, input: Record<string, unknown>) {
  const res = await createHandler(eventFor(createNews, { title: '测试新闻', body: '<p>正文</p>', ...input }, { token }))
  return { res, body: bodyOf<Detail & ErrorBody>(res) }
}
async function published(token: string, input: Record<string, unknown> = {}) {
  const { body } = await draft(token, input)
  const res = await publishHandler(eventFor(publishNews, { id: body.id }, { token }))
  expect(res.statusCode).toBe(200)
  return bodyOf<Detail>(res)
}

describe('the public news list (demo data)', () => {
  test("answers a center's news with the region's notices mixed in and marked, newest first, in ONE Query", async () => {
    const { result: res, calls } = await countCalls(() => list('C65430'))

    expect(res.statusCode).toBe(200)
    expect(calls).toEqual(['QueryCommand'])
    const { items } = bodyOf<Page>(res)
    const seeded = items.filter((i) => /^N(AL|XJ)/.test(i.id))
    expect(seeded.map((i) => i.id)).toEqual([
      'NAL0001',
      'NXJ0001',
      'NAL0002',
      'NXJ0002',
      'NAL0003',
      'NAL0004',
      'NAL0005',
    ])
    expect(seeded.filter((i) => i.regionWide).map((i) => i.id)).toEqual(['NXJ0001', 'NXJ0002'])
    expect(items.some((i) => i.id.startsWith('NUR'))).toBe(false)
    const times = items.map((i) => i.publishedAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(seeded[0]?.summary.length).toBeLessThanOrEqual(60)
    expect(seeded[0]?.summary).not.toMatch(/[<>]/)
  })

  test('the same region notices appear in 乌鲁木齐 too, marked', async () => {
    const { items } = bodyOf<Page>(await list('C65010'))
    expect(items.filter((i) => i.regionWide).map((i) => i.id)).toEqual(expect.arrayContaining(['NXJ0001', 'NXJ0002']))
    expect(items.filter((i) => i.id.startsWith('NUR'))).toHaveLength(5)
  })

  test('pages follow each other without gaps or repeats', async () => {
    const whole = bodyOf<Page>(await list('C65430', { limit: 100 })).items.map((i) => i.id)
    for (const limit of [1, 2, 3]) {
      const paged = await allPages('C65430', limit)
      expect(paged).toEqual(whole)
    }
  })

  test('is cacheable: Cache-Control public, max-age=60, an ETag, and 304 to If-None-Match', async () => {
    const first = await list('C65430')
    expect(first.headers?.['cache-control']).toBe('public, max-age=60')
    const etag = first.headers?.etag as string
    expect(etag).toBeTruthy()

    const again = await list('C65430', {}, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  test("refuses another center's cursor and a bad center code, in Chinese", async () => {
    const { nextCursor } = bodyOf<Page>(await list('C65010', { limit: 1 }))
    const forged = await list('C65430', { cursor: nextCursor })
    const badCenter = await list('XJ')

    expect(forged.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(forged).message).toBe('分页参数无效，请刷新后重试')
    expect(badCenter.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(badCenter).message).toBe('公积金中心代码不正确')
  })
})

describe('a news article', () => {
  test('comes with clean rich-text nodes, its source and the region mark; cacheable too', async () => {
    const { result: res, calls } = await countCalls(() => read('C65430', 'NAL0002'))
    expect(res.statusCode).toBe(200)
    expect(calls).toEqual(['GetCommand'])
    expect(res.headers?.etag).toBeTruthy()
    const body = bodyOf<{ source: string; body: unknown[]; regionWide: boolean }>(res)
    expect(body.source).toBe('阿勒泰地区住房公积金管理中心')
    expect(body.regionWide).toBe(false)
    expect(body.body.length).toBeGreaterThan(2)

    const region = bodyOf<{ regionWide: boolean }>(await read('C65010', 'NXJ0001'))
    expect(region.regionWide).toBe(true)
  })

  test("another center's article and an unknown one are 404 in Chinese", async () => {
    const other = await read('C65010', 'NAL0002')
    const unknown = await read('C65430', 'NOPE0001')
    expect(other.statusCode).toBe(404)
    expect(unknown.statusCode).toBe(404)
    expect(bodyOf<ErrorBody>(other).message).toBe('未找到该新闻，可能已撤下')
  })

  test('is sanitized again on read: a malicious body written straight into the table leaves clean', async () => {
    const n = await published(publisher.token, { title: '读时清理' })
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...(await db.send(new GetCommand({ TableName: table, Key: articleKey(n.id) }))).Item,
          bodyHtml:
            '<p onclick="alert(1)">好<script>alert(1)</script></p><img src="https://evil.example/x.png" onerror="alert(2)"><a href="javascript:alert(3)">链接</a><iframe src="https://evil.example"></iframe>',
        },
      }),
    )

    const res = await read(TEST_CENTER, n.id)

    expect(res.statusCode).toBe(200)
    const html = toSafeHtml(bodyOf<{ body: never[] }>(res).body)
    expect(html).toBe('<p>好</p>链接')
    expect(res.body).not.toMatch(/script|onerror|onclick|evil|javascript|iframe/)
  })
})

describe('publishing news', () => {
  test('a draft is invisible in the list and the detail until published, and again once unpublished', async () => {
    const { res, body } = await draft(publisher.token, { title: '草稿不可见' })
    expect(res.statusCode).toBe(200)
    expect(body.status).toBe('draft')
    const ids = async () => bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.map((i) => i.id)

    expect(await ids()).not.toContain(body.id)
    expect((await read(TEST_CENTER, body.id)).statusCode).toBe(404)

    const pub = await publishHandler(eventFor(publishNews, { id: body.id }, { token: publisher.token }))
    expect(bodyOf<Detail>(pub).status).toBe('published')
    expect((await ids())[0]).toBe(body.id)
    expect((await read(TEST_CENTER, body.id)).statusCode).toBe(200)

    await unpublishHandler(eventFor(unpublishNews, { id: body.id }, { token: publisher.token }))
    expect(await ids()).not.toContain(body.id)
    expect((await read(TEST_CENTER, body.id)).statusCode).toBe(404)

    // the staff desk still has it, as a draft
    const desk = bodyOf<{ items: { id: string; status: string }[] }>(
      await listStaffHandler(eventFor(listStaffNews, {}, { token: publisher.token })),
    )
    expect(desk.items.find((i) => i.id === body.id)?.status).toBe('draft')
  })

  test('an edit of a published article shows at once in the list; delete removes it', async () => {
    const n = await published(publisher.token, { title: '修改前' })
    const edited = await updateHandler(
      eventFor(
        updateNews,
        { id: n.id, title: '修改后', body: '<p>新的正文</p>', version: n.version },
        { token: publisher.token },
      ),
    )
    expect(edited.statusCode).toBe(200)
    const item = bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.find((i) => i.id === n.id)
    expect(item).toMatchObject({ title: '修改后', summary: '新的正文' })

    const stale = await updateHandler(
      eventFor(
        updateNews,
        { id: n.id, title: '旧版本', body: '<p>x</p>', version: n.version },
        { token: publisher.token },
      ),
    )
    expect(stale.statusCode).toBe(409)

    const gone = await deleteHandler(eventFor(deleteNews, { id: n.id }, { token: publisher.token }))
    expect(gone.statusCode).toBe(200)
    expect(bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.map((i) => i.id)).not.toContain(n.id)
    expect((await read(TEST_CENTER, n.id)).statusCode).toBe(404)
  })

  test('the body is sanitized on save: scripts, handlers, outside images and links are gone', async () => {
    const { body } = await draft(publisher.token, {
      body: `<p onclick="x()">欢迎<script>alert(1)</script></p><img src="https://evil.example/a.png"><img src="${NEWS_IMAGE_PREFIX}${TEST_CENTER}/ok.png" alt="图"><a href="https://evil.example">外链</a><a href="/news/NAL0002">内链</a>`,
    })
    expect(body.bodyHtml).toBe(
      `<p>欢迎</p><img src="${NEWS_IMAGE_PREFIX}${TEST_CENTER}/ok.png" alt="图">外链<a href="/news/NAL0002">内链</a>`,
    )
    const stored = bodyOf<Detail>(
      await getStaffHandler(eventFor(getStaffNews, { id: body.id }, { token: publisher.token })),
    )
    expect(stored.bodyHtml).toBe(body.bodyHtml)
  })

  test.each([
    ['an empty body', { body: '<p> </p><script>x</script>' }, ['body'], '请输入正文'],
    ['no body', { body: undefined }, ['body'], '请输入正文'],
    ['a title over 60 characters', { title: '长'.repeat(61) }, ['title'], '标题不能超过60个字'],
    ['an empty title', { title: '  ' }, ['title'], '请输入标题'],
    ['a cover key of another folder', { coverKey: 'archives/APP1/F1' }, ['coverKey'], '封面图片不正确，请重新上传'],
    [
      'a cover never uploaded',
      { coverKey: `uploads/news/${TEST_CENTER}/abcdefgh12345678` },
      ['coverKey'],
      '封面图片还没有上传完成，请重新上传',
    ],
  ])('%s is a 422 in Chinese', async (_, input, path, message) => {
    const { res, body } = await draft(publisher.token, input)
    expect(res.statusCode).toBe(422)
    expect(body.message).toBe(message)
    expect(body.issues?.[0]?.path).toEqual(path)
  })
})

async function upload(token: string, bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg') {
  const res = await uploadHandler(eventFor(requestNewsImageUpload, { contentType, size: bytes.length }, { token }))
  expect(res.statusCode).toBe(200)
  const { key, url, fields } = bodyOf<{ key: string; url: string; fields: Record<string, string> }>(res)
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([bytes], { type: contentType }), 'cover')
  const posted = await fetch(url, { method: 'POST', body: form })
  expect(posted.status).toBeLessThan(300)
  return key
}

/** a real picture of `width` × `height`, a colour gradient (so it does not compress to nothing) */
function picture(width: number, height: number, as: 'png' | 'jpg'): Uint8Array {
  const data = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    data.set([(i % width) % 256, Math.floor(i / width) % 256, (i * 7) % 256, 255], i * 4)
  }
  if (as === 'jpg') return new Uint8Array(jpeg.encode({ width, height, data }, 90).data)
  const png = new PNG({ width, height })
  png.data.set(data)
  return new Uint8Array(PNG.sync.write(png))
}
const PNG_PICTURE = picture(960, 540, 'png')
/** a PNG signature and header start, but no picture behind it */
const PNG_HEADER_ONLY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

async function bytesAt(url: string) {
  const res = await fetch(url)
  expect(res.status, url).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

describe('covers', () => {
  test('an uploaded PNG becomes the cover, served from the system storage; the list shows its thumbnail', async () => {
    const key = await upload(publisher.token, PNG_PICTURE, 'image/png')
    const n = await published(publisher.token, { title: '有封面', coverKey: key })

    expect(n.coverImageUrl?.startsWith(`${NEWS_IMAGE_PREFIX}${TEST_CENTER}/${n.id}/`)).toBe(true)
    const original = await bytesAt(n.coverImageUrl as string)
    expect(original).toEqual(PNG_PICTURE)
    const item = bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.find((i) => i.id === n.id)
    const thumbUrl = item?.coverThumbnailUrl as string
    expect(thumbUrl).toMatch(new RegExp(`^${NEWS_IMAGE_PREFIX}${TEST_CENTER}/${n.id}/[A-Za-z0-9]+\\.thumb\\.jpg$`))
    expect(thumbUrl).not.toBe(n.coverImageUrl)
    const thumb = await bytesAt(thumbUrl)
    expect(jpegSize(thumb)).toEqual({ width: THUMB_WIDTH, height: 135 })
    expect(thumb.length).toBeLessThan(original.length / 10)
    // the article itself shows the original
    const article = bodyOf<{ coverImageUrl: string }>(await read(TEST_CENTER, n.id))
    expect(article.coverImageUrl).toBe(n.coverImageUrl)
  })

  test('a JPEG cover narrower than a thumbnail keeps its width; a new cover on edit gets a new thumbnail', async () => {
    const small = await upload(publisher.token, picture(160, 90, 'jpg'), 'image/jpeg')
    const n = await published(publisher.token, { title: '小封面', coverKey: small })
    const first = bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.find((i) => i.id === n.id)
    expect(jpegSize(await bytesAt(first?.coverThumbnailUrl as string))).toEqual({ width: 160, height: 90 })

    const wide = await upload(publisher.token, picture(800, 800, 'jpg'), 'image/jpeg')
    const edited = await updateHandler(
      eventFor(
        updateNews,
        { id: n.id, title: '小封面', body: '<p>正文</p>', coverKey: wide, version: n.version },
        { token: publisher.token },
      ),
    )
    expect(edited.statusCode).toBe(200)
    const second = bodyOf<Page>(await list(TEST_CENTER, { limit: 100 })).items.find((i) => i.id === n.id)
    expect(second?.coverThumbnailUrl).not.toBe(first?.coverThumbnailUrl)
    expect(jpegSize(await bytesAt(second?.coverThumbnailUrl as string))).toEqual({
      width: THUMB_WIDTH,
      height: THUMB_WIDTH,
    })
  })

  test('a file that starts like a PNG but holds no picture is refused in Chinese', async () => {
    const key = await upload(publisher.token, PNG_HEADER_ONLY, 'image/png')
    const { res, body } = await draft(publisher.token, { coverKey: key })
    expect(res.statusCode).toBe(422)
    expect(body.message).toBe('封面图片无法读取，请换一张 JPG 或 PNG 图片')
    expect(body.issues?.[0]?.path).toEqual(['coverKey'])
  })

  test('a file that is not an image is refused, whatever type it was uploaded as', async () => {
    const key = await upload(publisher.token, new TextEncoder().encode('%PDF-1.4 not an image'), 'image/png')
    const { res, body } = await draft(publisher.token, { coverKey: key })
    expect(res.statusCode).toBe(422)
    expect(body.message).toBe('封面不是图片，请上传 JPG 或 PNG 图片')
  })

  test('only JPG and PNG up to 2MB may be uploaded', async () => {
    const pdf = await uploadHandler(
      eventFor(requestNewsImageUpload, { contentType: 'application/pdf', size: 10 }, { token: publisher.token }),
    )
    const big = await uploadHandler(
      eventFor(requestNewsImageUpload, { contentType: 'image/png', size: 3 * 1024 * 1024 }, { token: publisher.token }),
    )
    expect(bodyOf<ErrorBody>(pdf).message).toBe('封面只能是 JPG 或 PNG 图片')
    expect(bodyOf<ErrorBody>(big).message).toBe('封面图片不能超过2MB')
  })

  test("another center's upload cannot become a cover", async () => {
    const key = await upload(otherPublisher.token, PNG_PICTURE, 'image/png')
    const { res } = await draft(publisher.token, { coverKey: key })
    expect(res.statusCode).toBe(422)
  })
})

describe('pictures in the body', () => {
  const add = (token: string, key: string) => addImageHandler(eventFor(addNewsImage, { key }, { token }))

  test('an uploaded picture gets an address in the system storage that a saved body keeps', async () => {
    const key = await upload(publisher.token, picture(400, 300, 'jpg'), 'image/jpeg')
    const res = await add(publisher.token, key)
    expect(res.statusCode).toBe(200)
    const { url } = bodyOf<{ url: string }>(res)
    expect(url).toMatch(new RegExp(`^${NEWS_IMAGE_PREFIX}${TEST_CENTER}/images/[A-Za-z0-9]+\\.jpg$`))
    await bytesAt(url)

    const n = await published(publisher.token, { body: `<h2>插图</h2><p><img src="${url}" alt="图一"></p>` })
    const article = bodyOf<{ body: unknown }>(await read(TEST_CENTER, n.id))
    expect(JSON.stringify(article.body)).toContain(url)
  })

  test("a file that is not a picture, one that does not decode and another center's upload are refused", async () => {
    const text = await upload(publisher.token, new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png')
    const broken = await upload(publisher.token, PNG_HEADER_ONLY, 'image/png')
    const foreign = await upload(otherPublisher.token, picture(10, 10, 'png'), 'image/png')

    const messages = []
    for (const key of [text, broken, foreign]) {
      const res = await add(publisher.token, key)
      expect(res.statusCode).toBe(422)
      messages.push(bodyOf<ErrorBody>(res).message)
    }
    expect(messages).toEqual([
      '文件不是图片，请上传 JPG 或 PNG 图片',
      '图片无法读取，请换一张 JPG 或 PNG 图片',
      '图片不正确，请重新上传',
    ])
  })

  test('needs the publisher role', async () => {
    const reviewer = await makeReviewer(TEST_CENTER)
    const res = await add(reviewer.token, `uploads/news/${TEST_CENTER}/abcdefgh1234`)
    expect(res.statusCode).toBe(403)
  })
})

describe('预览', () => {
  const preview = (token: string, input: Record<string, unknown>) =>
    previewHandler(eventFor(previewNews, { title: '预览', ...input }, { token }))

  test('answers the body as depositors will get it, cleaned, with the summary and source; stores nothing', async () => {
    const before = bodyOf<{ items: unknown[] }>(
      await listStaffHandler(eventFor(listStaffNews, { limit: 100 }, { token: publisher.token })),
    ).items.length
    const res = await preview(publisher.token, {
      body: '<h1 onclick="x()">标题</h1><p>第一段<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>',
    })
    expect(res.statusCode).toBe(200)
    const body = bodyOf<{ source: string; summary: string; regionWide: boolean; body: unknown }>(res)
    expect(body.body).toEqual([
      { name: 'h2', attrs: {}, children: [{ type: 'text', text: '标题' }] },
      { name: 'p', attrs: {}, children: [{ type: 'text', text: '第一段链接' }] },
    ])
    expect(body.summary).toBe('标题 第一段链接')
    expect(body.regionWide).toBe(false)
    const after = bodyOf<{ items: unknown[] }>(
      await listStaffHandler(eventFor(listStaffNews, { limit: 100 }, { token: publisher.token })),
    ).items.length
    expect(after).toBe(before)
  })

  test('an empty body is 422 in Chinese; a region notice preview needs regionAdmin', async () => {
    const empty = await preview(publisher.token, { body: '<p> </p><script>x</script>' })
    expect(empty.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(empty).issues?.[0]?.path).toEqual(['body'])
    expect((await preview(publisher.token, { body: '<p>a</p>', regionWide: true })).statusCode).toBe(403)
    const region = await preview(regionAdmin.token, { body: '<p>a</p>', regionWide: true })
    expect(bodyOf<{ source: string }>(region).source).toBe(REGION_SOURCE)
  })
})

describe('who may publish', () => {
  test('a reviewer without the publisher role gets 403; a depositor token 403; no token 401', async () => {
    const reviewer = await makeReviewer(TEST_CENTER)
    const depositor = await makeDepositor()

    const asReviewer = await draft(reviewer.token, {})
    const asDepositor = await draft(depositor.token, {})
    const nobody = await createHandler(eventFor(createNews, { title: 'x', body: '<p>x</p>' }))
    const reviewerList = await listStaffHandler(eventFor(listStaffNews, {}, { token: reviewer.token }))

    expect(asReviewer.res.statusCode).toBe(403)
    expect(asReviewer.body.message).toBe('您没有发布信息的权限，请联系中心管理员开通')
    expect(reviewerList.statusCode).toBe(403)
    expect(asDepositor.res.statusCode).toBe(403)
    expect(asDepositor.body.message).toBe('仅限公积金中心工作人员使用')
    expect(nobody.statusCode).toBe(401)
  })

  test("another center's news is not found for every change", async () => {
    const n = await published(publisher.token, { title: '本中心新闻' })
    const t = otherPublisher.token
    const answers = await Promise.all([
      getStaffHandler(eventFor(getStaffNews, { id: n.id }, { token: t })),
      updateHandler(
        eventFor(updateNews, { id: n.id, title: '改', body: '<p>改</p>', version: n.version }, { token: t }),
      ),
      publishHandler(eventFor(publishNews, { id: n.id }, { token: t })),
      unpublishHandler(eventFor(unpublishNews, { id: n.id }, { token: t })),
      deleteHandler(eventFor(deleteNews, { id: n.id }, { token: t })),
    ])
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404])
    expect((await read(TEST_CENTER, n.id)).statusCode).toBe(200)
  })

  test('a region-wide notice needs the regionAdmin role, then shows in every center marked', async () => {
    const refused = await draft(publisher.token, { regionWide: true })
    expect(refused.res.statusCode).toBe(403)
    expect(refused.body.message).toBe('您没有发布自治区通知的权限')

    const n = await published(regionAdmin.token, { title: '全区测试通知', regionWide: true })
    expect(n.regionWide).toBe(true)
    for (const center of ['C65430', 'C65010', 'C65320']) {
      const item = bodyOf<Page>(await list(center)).items[0]
      expect(item).toMatchObject({ id: n.id, regionWide: true })
      expect((await read(center, n.id)).statusCode).toBe(200)
    }
    // a center publisher cannot touch it
    const t = publisher.token
    expect((await unpublishHandler(eventFor(unpublishNews, { id: n.id }, { token: t }))).statusCode).toBe(403)

    await unpublishHandler(eventFor(unpublishNews, { id: n.id }, { token: regionAdmin.token }))
    for (const center of ['C65430', 'C65010']) {
      expect(bodyOf<Page>(await list(center)).items.map((i) => i.id)).not.toContain(n.id)
    }
  })

  test('every change is audited: who, when, what', async () => {
    const n = await published(publisher.token, { title: '审计' })
    const audits = await auditsOf(`news:${n.id}`, n.publishedAt as string)
    expect(audits.map((a) => a.action).sort()).toEqual(['news.create', 'news.publish'])
    expect(audits[0]?.actor).toMatch(/^staff:TP/)
    expect(audits[0]?.at).toBeTruthy()
  })
})
