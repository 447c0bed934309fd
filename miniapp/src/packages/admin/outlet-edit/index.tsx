import type { OutputOf } from '@gjj/shared/api/contract'
import { OUTLET_KINDS, OUTLET_SERVICES, type OutletKind, type OutletService } from '@gjj/shared/api/outlet'
import type { listStaffOutlets } from '@gjj/shared/api/publishing'
import { MAX_PERIODS_PER_DAY, WEEKDAY_NAMES, WEEKDAYS, type Weekday } from '@gjj/shared/info/hours'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Loaded } from '../../../components/Loaded'
import { fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import { copyMondayToWeekdays, type HoursForm, hoursForm, weeklyHours } from './hours-form'
import './index.css'

type Outlet = OutputOf<typeof listStaffOutlets>['outlets'][number]

const FIELDS = [
  'name',
  'kind',
  'address',
  'phone',
  ...WEEKDAYS.map((d) => `hours.${d}` as const),
  'hours',
  'services',
  'location.latitude',
  'location.longitude',
  'location',
  'directions',
] as const
type Errors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>

/**
 * 新建/编辑服务网点 (issue 10, center side): 名称, 类型 (服务大厅/受理点), 地址, 电话, 营业时间 by
 * weekday with 午休 (two periods a day), 可办理业务, 纬度/经度 typed in GCJ-02 (as 腾讯地图 or 高德
 * show them), 交通指引; 删除 with a confirmation. The server's 422 messages stand under the fields.
 */
export default function OutletEditPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : undefined
  const signedIn = useStaffGuard(adminUrl.outletEdit(id))
  return <AdminPage className="outlet-edit">{signedIn && (id ? <Existing id={id} /> : <OutletForm />)}</AdminPage>
}

function Existing({ id }: { id: string }) {
  // the console's list is the center's outlets with everything staff edit: one request, the one asked for
  const outlets = useRequest(async () => {
    const found = (await staffApi.listStaffOutlets()).outlets.find((o) => o.id === id)
    if (!found) throw new Error('未找到该网点，可能已被删除')
    return found
  }, id)
  return <Loaded state={outlets}>{(o) => <OutletForm initial={o} />}</Loaded>
}

function OutletForm({ initial }: { initial?: Outlet }) {
  const [saved, setSaved] = useState(initial)
  const [name, setName] = useState(initial?.name ?? '')
  const [kind, setKind] = useState<OutletKind>(initial?.kind ?? '受理点')
  const [address, setAddress] = useState(initial?.address ?? '')
  const [phone, setPhone] = useState(initial?.phone ?? '')
  const [hours, setHours] = useState<HoursForm>(() => hoursForm(initial?.hours))
  const [services, setServices] = useState<OutletService[]>(initial?.services ?? ['缴存', '提取', '查询'])
  const [latitude, setLatitude] = useState(initial ? String(initial.latitude) : '')
  const [longitude, setLongitude] = useState(initial ? String(initial.longitude) : '')
  const [directions, setDirections] = useState(initial?.directions ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const { busy, run } = useBusy()

  const setPeriod = (day: Weekday, index: number, field: 'open' | 'close', value: string) =>
    setHours((h) => ({ ...h, [day]: h[day].map((p, i) => (i === index ? { ...p, [field]: value } : p)) }))
  const addPeriod = (day: Weekday) =>
    setHours((h) => ({ ...h, [day]: [...h[day], { open: '', close: '' }].slice(0, MAX_PERIODS_PER_DAY) }))
  const removePeriod = (day: Weekday, index: number) =>
    setHours((h) => ({ ...h, [day]: h[day].filter((_, i) => i !== index) }))
  const toggleService = (s: OutletService) =>
    setServices((list) =>
      list.includes(s) ? list.filter((x) => x !== s) : OUTLET_SERVICES.filter((x) => x === s || list.includes(x)),
    )

  const coordinate = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()))

  const save = () =>
    run(
      async () => {
        const lat = coordinate(latitude)
        const lng = coordinate(longitude)
        if (!Number.isFinite(lat) || !Number.isFinite(lng)) {
          setErrors({
            ...(Number.isFinite(lat) ? {} : { 'location.latitude': '请填写纬度（数字，如 47.8446）' }),
            ...(Number.isFinite(lng) ? {} : { 'location.longitude': '请填写经度（数字，如 88.1396）' }),
          })
          return
        }
        const next = await staffApi.upsertOutlet({
          ...(saved ? { id: saved.id, version: saved.version } : {}),
          name,
          kind,
          address,
          phone,
          hours: weeklyHours(hours),
          services,
          location: { latitude: lat, longitude: lng },
          directions: directions.trim() ? directions : null,
        })
        setSaved(next)
        setErrors({})
        Taro.showToast({ title: '已保存', icon: 'success' })
      },
      (e) => setErrors(fieldErrors(e, FIELDS)),
    )

  const remove = () =>
    run(
      async () => {
        if (!saved) return
        const { confirm } = await Taro.showModal({
          title: '请确认',
          content: `删除「${saved.name}」后缴存人将看不到该网点，确定删除吗？`,
          confirmText: '删除',
          cancelText: '取消',
        })
        if (!confirm) return
        await staffApi.deleteOutlet({ id: saved.id })
        Taro.showToast({ title: '已删除', icon: 'success' })
        Taro.redirectTo({ url: adminUrl.outlets() })
      },
      (e) => setErrors(fieldErrors(e, FIELDS)),
    )

  const hoursError = (day: Weekday) => errors[`hours.${day}`]

  return (
    <>
      <View className="console-form">
        <Text className="outlet-edit__heading">{saved ? '编辑服务网点' : '新建服务网点'}</Text>
        <Field label="网点名称" error={errors.name}>
          <Input
            className="console-form__input outlet-edit__name"
            value={name}
            onChange={setName}
            placeholder="如：阿勒泰市服务大厅"
          />
        </Field>
        <Field label="类型" error={errors.kind}>
          <View className="console-chips">
            {OUTLET_KINDS.map((k) => (
              <Text
                key={k}
                className={`console-chip${k === kind ? ' console-chip--on' : ''}`}
                onClick={() => setKind(k)}
              >
                {k}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="地址" error={errors.address}>
          <Input className="console-form__input outlet-edit__address" value={address} onChange={setAddress} />
        </Field>
        <Field label="电话" hint="12329、0906-1234567 或手机号码" error={errors.phone}>
          <Input className="console-form__input outlet-edit__phone" value={phone} onChange={setPhone} />
        </Field>
        <Field label="营业时间" hint="每天可填多个时段，两个时段之间为午休；不填为休息" error={errors.hours}>
          {WEEKDAYS.map((day) => (
            <View key={day} className={`outlet-edit__day outlet-edit__day--${day}`}>
              <Text className="outlet-edit__weekday">{WEEKDAY_NAMES[day]}</Text>
              <View className="outlet-edit__periods">
                {hours[day].length === 0 && <Text className="console-form__hint">休息</Text>}
                {hours[day].map((p, i) => (
                  // a period is its place in the day (the inputs are controlled, so removing one cannot mix values up)
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <View key={`${day}-${i}`} className={`outlet-edit__period outlet-edit__period--${i}`}>
                    <Input
                      className="console-form__input outlet-edit__open"
                      value={p.open}
                      placeholder="09:30"
                      onChange={(v) => setPeriod(day, i, 'open', v)}
                    />
                    <Text>–</Text>
                    <Input
                      className="console-form__input outlet-edit__close"
                      value={p.close}
                      placeholder="13:30"
                      onChange={(v) => setPeriod(day, i, 'close', v)}
                    />
                    <Text className="outlet-edit__remove" onClick={() => removePeriod(day, i)}>
                      删除
                    </Text>
                  </View>
                ))}
                {hours[day].length > 0 && lunchText(hours[day])}
                {hoursError(day) && <Text className="field-error">{hoursError(day)}</Text>}
              </View>
              {hours[day].length < MAX_PERIODS_PER_DAY && (
                <Text className="outlet-edit__add" onClick={() => addPeriod(day)}>
                  + 时段
                </Text>
              )}
            </View>
          ))}
          <Text className="console-chip outlet-edit__copy" onClick={() => setHours(copyMondayToWeekdays)}>
            周二至周五同周一
          </Text>
        </Field>
        <Field label="可办理业务" error={errors.services}>
          <View className="console-chips">
            {OUTLET_SERVICES.map((s) => (
              <Text
                key={s}
                className={`console-chip${services.includes(s) ? ' console-chip--on' : ''}`}
                onClick={() => toggleService(s)}
              >
                {s}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="位置（GCJ-02）" hint="腾讯地图或高德地图上取点所得的纬度、经度" error={errors.location}>
          <View className="outlet-edit__coords">
            <View className="outlet-edit__coord">
              <Text className="console-form__hint">纬度</Text>
              <Input
                className="console-form__input outlet-edit__lat"
                value={latitude}
                onChange={setLatitude}
                placeholder="47.8446"
              />
              {errors['location.latitude'] && <Text className="field-error">{errors['location.latitude']}</Text>}
            </View>
            <View className="outlet-edit__coord">
              <Text className="console-form__hint">经度</Text>
              <Input
                className="console-form__input outlet-edit__lng"
                value={longitude}
                onChange={setLongitude}
                placeholder="88.1396"
              />
              {errors['location.longitude'] && <Text className="field-error">{errors['location.longitude']}</Text>}
            </View>
          </View>
        </Field>
        <Field label="交通指引" hint="选填，不超过300字" error={errors.directions}>
          <TextArea
            className="console-form__input outlet-edit__directions"
            value={directions}
            onChange={setDirections}
            maxLength={300}
          />
        </Field>
        {errors.form && <Text className="field-error outlet-edit__form-error">{errors.form}</Text>}
      </View>
      <View className="console-actions">
        <Button className="outlet-edit__save" type="primary" loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
        {saved && (
          <Button className="outlet-edit__delete" type="danger" fill="outline" disabled={busy} onClick={remove}>
            删除
          </Button>
        )}
      </View>
    </>
  )
}

/** 午休 between the periods of a day, as the depositor's page will call it */
function lunchText(periods: { open: string; close: string }[]) {
  if (periods.length < 2) return null
  const gaps = periods.slice(1).map((p, i) => `${periods[i]?.close}–${p.open}`)
  return <Text className="console-form__hint outlet-edit__lunch">午休 {gaps.join('、')}</Text>
}

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: string
  error: string | undefined
  children: React.ReactNode
}) {
  return (
    <View className="console-form__field">
      <View className="console-form__label">
        <Text>{label}</Text>
        {hint && <Text className="console-form__hint">{hint}</Text>}
      </View>
      {children}
      {error && <Text className="field-error">{error}</Text>}
    </View>
  )
}
