import { randomUUID } from 'node:crypto'
import { createApplication, requestUploadUrl, submitApplication } from '@gjj/shared/api/application'
import { expect } from 'vitest'
import { handler as createHandler } from '../src/handlers/create-application'
import { handler as uploadHandler } from '../src/handlers/request-upload-url'
import { handler as submitHandler } from '../src/handlers/submit-application'
import { bodyOf, eventFor } from './events'
import { makeDepositor, type TestPerson } from './factory'

/** applications through the real handlers, as the mini-program makes them */
export type Detail = {
  id: string
  status: string
  amountFen: number
  archive: { key: string; required: boolean; files: unknown[] }[]
  timeline: { action: string; opinion: string | null }[]
  closing: { balanceFen: number; closingInterestFen: number; totalFen: number } | null
}

/** a depositor whose account has been 封存 for 8 months (终止劳动关系提取 is open to them) */
export const sealed = (centerCode = 'C65430') => makeDepositor({ centerCode, sealedMonthsAgo: 8 })

export async function create(p: TestPerson, data: Record<string, unknown>) {
  const res = await createHandler(eventFor(createApplication, { bankCardId: p.cardId, ...data }, { token: p.token }))
  return { res, body: bodyOf<Detail & { code?: string; message?: string }>(res) }
}

/** an archive file as the client uploads it */
export interface ArchiveUpload {
  fileName: string
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png'
  bytes: Uint8Array
}

/**
 * uploads one file per required category through the presigned POST, as the client does: by
 * default a small PDF named after the category; `fileFor` chooses another (an image, a name)
 */
export async function uploadRequired(p: TestPerson, app: Detail, fileFor?: (category: string) => ArchiveUpload) {
  for (const c of app.archive.filter((a) => a.required)) {
    const f = fileFor?.(c.key) ?? {
      fileName: `${c.key}.pdf`,
      contentType: 'application/pdf' as const,
      bytes: new TextEncoder().encode(`%PDF-1.4 ${c.key}`),
    }
    const res = await uploadHandler(
      eventFor(
        requestUploadUrl,
        { id: app.id, category: c.key, fileName: f.fileName, contentType: f.contentType, size: f.bytes.length },
        { token: p.token },
      ),
    )
    expect(res.statusCode).toBe(200)
    const { url, fields } = bodyOf<{ url: string; fields: Record<string, string> }>(res)
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.contentType }), f.fileName)
    const posted = await fetch(url, { method: 'POST', body: form })
    expect(posted.status, await posted.text()).toBeLessThan(300)
  }
}

export const submit = (p: TestPerson, id: string, key = randomUUID()) =>
  submitHandler(eventFor(submitApplication, { id, idempotencyKey: key, noticeAcknowledged: true }, { token: p.token }))
