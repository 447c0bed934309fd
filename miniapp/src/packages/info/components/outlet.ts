import Taro from '@tarojs/taro'

/** 【拨打电话】: the phone's own dialer (a refusal or a closed dialer is nothing to report) */
export function callOutlet(phone: string) {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

/** 【导航】: the platform's map at the outlet (GCJ-02, as WeChat's and Alipay's maps expect) */
export function navigateTo(o: { latitude: number; longitude: number; name: string; address: string }) {
  void Taro.openLocation({
    latitude: o.latitude,
    longitude: o.longitude,
    name: o.name,
    address: o.address,
    scale: 16,
  }).catch(() => Taro.showToast({ title: '无法打开地图', icon: 'none' }))
}

/** the outlet list's and detail's tone of a status */
export const STATUS_TONES = { open: 'green', lunch: 'blue', closed: 'grey' } as const

export interface Position {
  latitude: number
  longitude: number
}

/**
 * The person's position, asked only when they tap 【按距离排序】. The mini-programs answer in
 * GCJ-02 (the outlets' system); browsers only know WGS-84 (Taro's H5 getLocation refuses gcj02),
 * whose offset of a few hundred metres in China does not change the order of a city's outlets.
 */
export async function askPosition(): Promise<Position | undefined> {
  try {
    const res = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' })
    return { latitude: res.latitude, longitude: res.longitude }
  } catch {
    Taro.showToast({ title: '未获得位置，按名称排序', icon: 'none' })
    return undefined
  }
}
