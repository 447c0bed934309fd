import type { OutputOf } from '@gjj/shared/api/contract'
import { type getStaffNews, NEWS_TITLE_MAX, type previewNews } from '@gjj/shared/api/publishing'
import { nowIso } from '@gjj/shared/clock'
import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Loaded } from '../../../components/Loaded'
import { Tag } from '../../../components/Tag'
import { errorText, fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { Article } from '../../info/components/Article'
import { AdminPage } from '../components/AdminPage'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import { BodyEditor, type BodyEditorHandle } from './BodyEditor'
import { uploadNewsImage } from './upload-image'
import './index.css'

type Detail = OutputOf<typeof getStaffNews>
type Preview = OutputOf<typeof previewNews>
const FIELDS = ['title', 'body', 'coverKey'] as const
type Errors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>

const EMPTY: Detail | undefined = undefined

/**
 * 新建/编辑新闻 (issue 10, center side): 标题 (with its limit), 封面, 正文 in the editor, 预览 as the
 * depositor will see it, 保存, 发布 / 撤回发布 and 删除 with a confirmation each. The server's 422
 * messages stand under their fields. A 自治区 notice is made from the region's desk (regionAdmin).
 */
export default function NewsEditPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : undefined
  const signedIn = useStaffGuard(adminUrl.newsEdit(id))
  return (
    <AdminPage className="news-edit">
      {signedIn && (id ? <Existing id={id} /> : <Editor initial={EMPTY} regionWide={params.region === '1'} />)}
    </AdminPage>
  )
}

function Existing({ id }: { id: string }) {
  const article = useRequest(() => staffApi.getStaffNews({ id }), id)
  return (
    <Loaded state={article} rows={8}>
      {(n) => <Editor initial={n} regionWide={n.regionWide} />}
    </Loaded>
  )
}

function Editor({ initial, regionWide }: { initial: Detail | undefined; regionWide: boolean }) {
  const [saved, setSaved] = useState<Detail | undefined>(initial)
  const [title, setTitle] = useState(initial?.title ?? '')
  const [body, setBody] = useState(initial?.bodyHtml ?? '')
  /** the cover: undefined = as saved, null = removed, a key = a new upload */
  const [coverKey, setCoverKey] = useState<string | null | undefined>(undefined)
  const [coverShown, setCoverShown] = useState<string | null>(initial?.coverImageUrl ?? null)
  const [errors, setErrors] = useState<Errors>({})
  const [preview, setPreview] = useState<Preview>()
  const [linking, setLinking] = useState(false)
  const editor = useRef<BodyEditorHandle | null>(null)
  const { busy, run } = useBusy()
  const titleLength = Array.from(title.trim()).length

  const fail = (e: unknown) => setErrors(fieldErrors(e, FIELDS))

  /** saves what is on screen: a new draft, or the article's new version */
  const save = async (): Promise<Detail> => {
    const fields = { title, body, ...(coverKey !== undefined ? { coverKey } : {}) }
    const next = saved
      ? await staffApi.updateNews({ id: saved.id, version: saved.version, ...fields })
      : await staffApi.createNews({ ...fields, regionWide })
    setSaved(next)
    setCoverKey(undefined)
    setErrors({})
    return next
  }

  const confirm = async (content: string, confirmText: string) =>
    (await Taro.showModal({ title: '请确认', content, confirmText, cancelText: '取消' })).confirm

  const onSave = () =>
    run(async () => {
      await save()
      Taro.showToast({ title: '已保存', icon: 'success' })
    }, fail)

  const onPreview = () =>
    run(async () => {
      setPreview(await staffApi.previewNews({ title, body, regionWide }))
      setErrors({})
    }, fail)

  const onPublish = () =>
    run(async () => {
      if (!(await confirm('发布后缴存人即可在「新闻动态」中看到，确定发布吗？', '发布'))) return
      const draft = await save()
      setSaved(await staffApi.publishNews({ id: draft.id }))
      Taro.showToast({ title: '已发布', icon: 'success' })
    }, fail)

  const onUnpublish = () =>
    run(async () => {
      if (!saved || !(await confirm('撤回后缴存人将看不到这条新闻（可再次发布），确定撤回吗？', '撤回发布'))) return
      setSaved(await staffApi.unpublishNews({ id: saved.id }))
      Taro.showToast({ title: '已撤回', icon: 'success' })
    }, fail)

  const onDelete = () =>
    run(async () => {
      if (!saved || !(await confirm('删除后不能恢复，已发布的也会同时撤下，确定删除吗？', '删除'))) return
      await staffApi.deleteNews({ id: saved.id })
      Taro.showToast({ title: '已删除', icon: 'success' })
      Taro.redirectTo({ url: adminUrl.news() })
    }, fail)

  const onCover = () =>
    run(
      async () => {
        const up = await uploadNewsImage()
        if (!up) return
        setCoverKey(up.key)
        setCoverShown(up.localUrl)
        setErrors((e) => ({ ...e, coverKey: undefined }))
      },
      (e) => setErrors((old) => ({ ...old, coverKey: errorText(e) })),
    )

  const onImage = () =>
    run(
      async () => {
        const up = await uploadNewsImage()
        if (!up) return
        const { url } = await staffApi.addNewsImage({ key: up.key })
        editor.current?.insertImage(url)
      },
      (e) => setErrors((old) => ({ ...old, body: errorText(e) })),
    )

  const published = saved?.status === 'published'
  return (
    <>
      <View className="console-form">
        <View className="news-edit__state">
          <Text>
            {saved ? (regionWide ? '编辑自治区通知' : '编辑新闻') : regionWide ? '新建自治区通知' : '新建新闻'}
          </Text>
          {saved && <Tag tone={published ? 'green' : 'grey'}>{saved.statusLabel}</Tag>}
          {regionWide && <Tag tone="blue">自治区</Tag>}
        </View>

        <View className="console-form__field">
          <View className="console-form__label">
            <Text>标题</Text>
            <Text
              className={`console-form__hint news-edit__count${titleLength > NEWS_TITLE_MAX ? ' console-form__hint--over' : ''}`}
            >
              {titleLength}/{NEWS_TITLE_MAX}
            </Text>
          </View>
          <Input
            className="console-form__input news-edit__title"
            placeholder={`不超过${NEWS_TITLE_MAX}个字`}
            value={title}
            onChange={setTitle}
          />
          {errors.title && <Text className="field-error news-edit__title-error">{errors.title}</Text>}
        </View>

        <View className="console-form__field">
          <View className="console-form__label">
            <Text>封面</Text>
            <Text className="console-form__hint">JPG 或 PNG，不超过2MB；列表显示缩略图</Text>
          </View>
          {coverShown && <Image className="news-edit__cover" src={coverShown} mode="aspectFill" />}
          <View className="console-chips">
            <Text className="console-chip news-edit__cover-upload" onClick={onCover}>
              {coverShown ? '更换封面' : '上传封面'}
            </Text>
            {coverShown && (
              <Text
                className="console-chip news-edit__cover-remove"
                onClick={() => {
                  setCoverKey(null)
                  setCoverShown(null)
                }}
              >
                移除封面
              </Text>
            )}
          </View>
          {errors.coverKey && <Text className="field-error news-edit__cover-error">{errors.coverKey}</Text>}
        </View>

        <View className="console-form__field">
          <View className="console-form__label">
            <Text>正文</Text>
            <Text className="console-form__hint">摘要取正文开头，保存时清除不安全的内容</Text>
          </View>
          <BodyEditor
            initialHtml={initial?.bodyHtml ?? ''}
            onChange={setBody}
            onLink={() => setLinking(true)}
            onImage={onImage}
            handle={editor}
          />
          {errors.body && <Text className="field-error news-edit__body-error">{errors.body}</Text>}
        </View>
        {errors.form && <Text className="field-error news-edit__form-error">{errors.form}</Text>}
      </View>

      <View className="console-actions">
        <Button className="news-edit__preview" disabled={busy} onClick={onPreview}>
          预览
        </Button>
        <Button className="news-edit__save" disabled={busy} onClick={onSave}>
          {published ? '保存修改' : '保存草稿'}
        </Button>
        {published ? (
          <Button className="news-edit__unpublish" type="warning" disabled={busy} onClick={onUnpublish}>
            撤回发布
          </Button>
        ) : (
          <Button className="news-edit__publish" type="primary" disabled={busy} onClick={onPublish}>
            发布
          </Button>
        )}
        {saved && (
          <Button className="news-edit__delete" type="danger" fill="outline" disabled={busy} onClick={onDelete}>
            删除
          </Button>
        )}
      </View>

      <Popup
        visible={Boolean(preview)}
        position="bottom"
        round
        closeable
        title="预览（缴存人看到的样子）"
        onClose={() => setPreview(undefined)}
      >
        {preview && (
          <ScrollView scrollY className="news-edit__preview-frame">
            <Article
              article={{
                ...preview,
                publishedAt: saved?.publishedAt ?? nowIso(),
                coverImageUrl: coverShown,
              }}
            />
            <View className="news-edit__preview-summary">
              <Text className="console-form__hint">列表摘要：{preview.summary}</Text>
            </View>
          </ScrollView>
        )}
      </Popup>

      <NewsLinkPicker
        visible={linking}
        regionWide={regionWide}
        self={saved?.id}
        onClose={() => setLinking(false)}
        onPick={(n) => {
          setLinking(false)
          editor.current?.insertNewsLink(n.id, n.title)
        }}
      />
    </>
  )
}

/** 链接新闻: the desk's published articles, to link to from the body */
function NewsLinkPicker({
  visible,
  regionWide,
  self,
  onClose,
  onPick,
}: {
  visible: boolean
  regionWide: boolean
  self: string | undefined
  onClose: () => void
  onPick: (n: { id: string; title: string }) => void
}) {
  const list = useRequest(
    async () => (visible ? staffApi.listStaffNews({ scope: regionWide ? 'region' : 'center', limit: 50 }) : undefined),
    String(visible),
  )
  const items = (list.data?.items ?? []).filter((n) => n.status === 'published' && n.id !== self)
  return (
    <Popup visible={visible} position="bottom" round closeable title="选择要链接的新闻" onClose={onClose}>
      <ScrollView scrollY className="news-edit__links">
        {list.loading && <Text className="console-form__hint">加载中…</Text>}
        {list.error && <Text className="field-error">{list.error.message}</Text>}
        {!list.loading && items.length === 0 && <Text className="console-form__hint">还没有已发布的新闻可以链接</Text>}
        {items.map((n) => (
          <View key={n.id} className="news-edit__link" onClick={() => onPick(n)}>
            <Text>{n.title}</Text>
          </View>
        ))}
      </ScrollView>
    </Popup>
  )
}
