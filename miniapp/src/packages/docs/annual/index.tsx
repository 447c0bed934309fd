import { chinaToday } from '@gjj/shared/clock'
import { Button } from '@nutui/nutui-react-taro'
import UCharts from '@qiun/ucharts'
import { Canvas, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { errorText } from '../../../lib/errors'
import { yuan } from '../../../lib/format'
import { useRequest } from '../../../lib/use-request'
import { paintToImage, prepareChart } from '../lib/canvas'
import '../docs.css'

type Statement = Awaited<ReturnType<typeof api.getAnnualStatement>>

const CHART = 'annualChart'
const SHARE = 'annualShare'
const CHART_W = 351
const CHART_H = 220

/** +1,234.00 元 / -56.00 元 against the year before, or nothing when there is no year before */
function change(now: number, before: number | undefined): string {
  if (before === undefined) return ''
  const d = now - before
  return d === 0 ? '（与上年持平）' : `（较上年${d > 0 ? '增加' : '减少'} ${yuan(Math.abs(d))}）`
}

/** the deposits month by month: a uCharts column chart on the page's canvas (WeChat, Alipay, H5 alike), sharp at the device pixel ratio */
function drawChart(s: Statement) {
  const { ratio, context } = prepareChart(CHART, CHART_W, CHART_H)
  new UCharts({
    type: 'column',
    context,
    width: CHART_W * ratio,
    height: CHART_H * ratio,
    pixelRatio: ratio,
    animation: false,
    background: '#FFFFFF',
    color: ['#1a5fb4'],
    padding: [16, 12, 4, 4],
    fontSize: 10,
    categories: s.months.map((m) => `${m.month}月`),
    series: [{ name: '月缴存额（元）', data: s.months.map((m) => m.depositFen / 100) }],
    dataLabel: false,
    legend: { show: true, position: 'top' },
    xAxis: { disableGrid: true, fontSize: 9 },
    yAxis: { data: [{ min: 0, fontSize: 9 }], gridType: 'dash' },
    extra: { column: { width: 12 } },
  })
}

const SHARE_W = 300
const SHARE_H = 400

/**
 * The shareable picture (300 × 400 CSS pixels, exported at the device pixel ratio, capped at 3):
 * the year's summary with no name, ID number or account number on it, drawn to a canvas and
 * turned into an image the person can save or forward.
 */
async function drawShare(s: Statement): Promise<string> {
  const lines: [string, number][] = [
    ['全年缴存', s.depositFen],
    ['年度结息', s.interestFen],
    ['提取', s.withdrawalFen],
    ['贷款还款', s.loanRepaymentFen],
    ['年末余额', s.closingBalanceFen],
  ]
  const { src } = await paintToImage(SHARE, SHARE_W, SHARE_H, (p) => {
    p.rect(0, 0, SHARE_W, SHARE_H, '#1a5fb4')
    p.text(`${s.year}年 我的公积金年度账单`, 24, 48, { size: 20, color: '#ffffff', bold: true })
    lines.forEach(([label, fen], i) => {
      p.text(label, 24, 100 + i * 48, { size: 14, color: '#dbe7f7' })
      p.text(yuan(fen), 130, 100 + i * 48, { size: 16, color: '#ffffff', bold: true })
    })
    p.text('手机公积金 · 年度账单', 24, 380, { size: 11, color: '#dbe7f7' })
  })
  return src
}

/** 公积金账户查询 → 年度账单: a chosen China calendar year, compared with the year before */
export default function AnnualPage() {
  const thisYear = Number(chinaToday().slice(0, 4))
  const [year, setYear] = useState(thisYear - 1)
  const [image, setImage] = useState<string | undefined>()
  const statement = useRequest(() => api.getAnnualStatement({ year }), year)
  const s = statement.data

  useEffect(() => {
    if (s && s.year === year) Taro.nextTick(() => drawChart(s))
  }, [s, year])

  const share = async (st: Statement) => {
    try {
      setImage(await drawShare(st))
    } catch (e) {
      Taro.showToast({ title: errorText(e, '生成图片失败'), icon: 'none' })
    }
  }

  return (
    <View className="page docs annual">
      <View className="annual__years">
        <Text className="annual__year-step" onClick={() => setYear(year - 1)}>
          ‹ {year - 1}年
        </Text>
        <Text>{year}年度账单</Text>
        <Text
          className={`annual__year-step${year >= thisYear ? ' annual__year-step--off' : ''}`}
          onClick={() => year < thisYear && setYear(year + 1)}
        >
          {year + 1}年 ›
        </Text>
      </View>
      <View className="annual__chart">
        <Canvas canvasId={CHART} id={CHART} className="annual__canvas" />
      </View>
      <Loaded state={statement} rows={6}>
        {(st) => (
          <>
            <Rows
              rows={[
                ['年初余额', yuan(st.openingBalanceFen)],
                ['全年缴存', `${yuan(st.depositFen)}${change(st.depositFen, st.previous?.depositFen)}`],
                [
                  '年度结息',
                  `${yuan(st.interestFen)}${st.interestSettledOn ? `（${st.interestSettledOn} 入账，结息至6月30日）` : ''}`,
                ],
                ['提取', `${yuan(st.withdrawalFen)}${change(st.withdrawalFen, st.previous?.withdrawalFen)}`],
                [
                  '贷款还款',
                  `${yuan(st.loanRepaymentFen)}${change(st.loanRepaymentFen, st.previous?.loanRepaymentFen)}`,
                ],
                [
                  '年末余额',
                  `${yuan(st.closingBalanceFen)}${change(st.closingBalanceFen, st.previous?.closingBalanceFen)}`,
                ],
              ]}
            />
            <View className="docs__actions">
              <Button type="primary" block onClick={() => share(st)}>
                生成分享图片
              </Button>
            </View>
            {image && (
              <View className="docs__actions">
                <Image
                  className="annual__share-image"
                  src={image}
                  mode="widthFix"
                  onClick={() => Taro.previewImage({ urls: [image] })}
                />
                <Text className="docs__hash">点击图片可预览、保存或分享（图片不含姓名、证件号和账号）</Text>
              </View>
            )}
          </>
        )}
      </Loaded>
      <Canvas canvasId={SHARE} id={SHARE} className="annual__share-canvas" />
    </View>
  )
}
