import { NEWS_SUMMARY_CHARS } from '@gjj/shared/api/news'
import type { StaffRole } from '@gjj/shared/api/publishing'
import type { WeeklyHours } from '@gjj/shared/info/hours'
import { sanitizeRichText } from '@gjj/shared/info/rich-text'
import { plainSummary, toSafeHtml } from '@gjj/shared/info/rich-text-nodes'
import type { NewsItem } from '../repository/news'
import { REGION } from '../repository/news'
import type { OutletItem } from '../repository/outlets'
import { demoCenters } from './centers'

/**
 * Demo 新闻动态, 服务网点 and the staff who publish them, written for this demo (not copied from
 * any website; addresses and local phone numbers are made up). News dates are relative to the
 * seed instant; coordinates are GCJ-02 points inside each city.
 */

/** staff who publish (password DEMO_STAFF_PASSWORD, Review@2026) */
export const demoPublishers: {
  staffId: string
  username: string
  name: string
  centerCode: string
  roles: StaffRole[]
}[] = [
  {
    staffId: 'S65430101',
    username: 'altay.publisher',
    name: '信息员 阿勒泰',
    centerCode: 'C65430',
    roles: ['publisher'],
  },
  {
    staffId: 'S65010101',
    username: 'urumqi.publisher',
    name: '信息员 乌鲁木齐',
    centerCode: 'C65010',
    roles: ['publisher'],
  },
  {
    staffId: 'S65000101',
    username: 'region.admin',
    name: '自治区信息管理员',
    centerCode: 'C65000',
    roles: ['regionAdmin', 'publisher'],
  },
]

interface DemoArticle {
  id: string
  scope: string
  daysAgo: number
  title: string
  html: string
}

const articles: DemoArticle[] = [
  {
    id: 'NXJ0001',
    scope: REGION,
    daysAgo: 3,
    title: '关于2026年度住房公积金缴存基数调整的通知',
    html: `<p>各缴存单位、缴存职工：</p>
<p>2026年度住房公积金缴存基数调整工作即日起开始。缴存基数按职工本人上一年度月平均工资确定，上限为所在地上一年度职工月平均工资的3倍，下限不低于所在地最低工资标准。</p>
<h3>办理方式</h3>
<ul><li>单位经办人通过单位网上业务系统提交调整后的缴存基数；</li><li>不能网上办理的单位，可携带工资汇总表到所在中心服务网点办理。</li></ul>
<p>调整后的缴存基数自2026年7月起执行。如有疑问，请拨打 12329 服务热线。</p>`,
  },
  {
    id: 'NXJ0002',
    scope: REGION,
    daysAgo: 12,
    title: '12329 住房公积金服务热线服务时间说明',
    html: `<p>12329 住房公积金服务热线提供政策咨询、业务查询和意见建议受理。</p>
<p><strong>人工服务时间：</strong>工作日 10:00—14:00、15:30—19:30（北京时间）。</p>
<p><strong>自助语音查询：</strong>全天提供，可查询账户余额、缴存明细和贷款还款情况，查询前请准备好个人账号和热线查询密码。</p>
<p>法定节假日人工服务安排另行通知。</p>`,
  },
  {
    id: 'NAL0001',
    scope: 'C65430',
    daysAgo: 1,
    title: '阿勒泰地区住房公积金服务大厅冬季营业时间调整',
    html: `<p>为方便缴存职工在冬季办理业务，自本月起阿勒泰地区住房公积金服务大厅营业时间调整如下：</p>
<table><thead><tr><th>时段</th><th>时间</th></tr></thead><tbody><tr><td>上午</td><td>10:30—14:00</td></tr><tr><td>下午</td><td>15:30—19:00</td></tr></tbody></table>
<p>周六、周日及法定节假日不对外办理业务。大雪等恶劣天气时，建议优先使用手机公积金办理提取和查询业务。</p>`,
  },
  {
    id: 'NAL0002',
    scope: 'C65430',
    daysAgo: 6,
    title: '住房公积金提取业务办理指南',
    html: `<p>缴存职工可通过手机公积金或到服务网点申请提取住房公积金。</p>
<h3>可以在线办理的提取</h3>
<ol><li>购买、建造、翻建、大修自住住房；</li><li>偿还住房贷款本息；</li><li>租赁住房；</li><li>离职后账户封存满半年。</li></ol>
<h3>需要准备的材料</h3>
<p>本人身份证、本人银行卡，以及与提取原因对应的证明材料（如购房合同、租房合同）。材料拍照上传即可，清晰完整即可审核。</p>
<p>审核通过后，资金一般在3个工作日内转入本人银行卡。</p>`,
  },
  {
    id: 'NAL0003',
    scope: 'C65430',
    daysAgo: 15,
    title: '富蕴县受理点恢复办理个人贷款业务',
    html: `<p>富蕴县住房公积金受理点设备更新已经完成，自即日起恢复办理个人住房贷款申请、还款和提前还款业务。</p>
<p>受理点地址和电话可在“服务网点查询”中查看。</p>`,
  },
  {
    id: 'NAL0004',
    scope: 'C65430',
    daysAgo: 24,
    title: '温馨提示：请及时核对本人账户信息',
    html: `<p>近期部分职工因手机号码变更无法接收业务通知。请登录手机公积金，在“个人中心”核对手机号码和银行卡信息，信息有误请及时到服务网点更正。</p>
<p>公积金中心工作人员不会通过电话索要您的密码或验证码，请注意防范诈骗。</p>`,
  },
  {
    id: 'NAL0005',
    scope: 'C65430',
    daysAgo: 40,
    title: '阿勒泰地区住房公积金2025年度缴存情况简报',
    html: `<p>2025年度，全地区住房公积金缴存规模稳步增长，新增开户职工人数较上年有所增加，提取资金主要用于购买住房和偿还住房贷款。</p>
<p>感谢各缴存单位和缴存职工的支持，我们将继续提升线上服务，让更多业务“掌上办”。</p>`,
  },
  {
    id: 'NUR0001',
    scope: 'C65010',
    daysAgo: 2,
    title: '乌鲁木齐市住房公积金新增高新区受理点',
    html: `<p>为缩短职工办事路程，乌鲁木齐市住房公积金管理中心在高新区（新市区）新增一处受理点，可办理缴存、提取和查询业务。</p>
<p>贷款业务仍在服务大厅办理。网点地址和营业时间见“服务网点查询”。</p>`,
  },
  {
    id: 'NUR0002',
    scope: 'C65010',
    daysAgo: 5,
    title: '租房提取业务办理指南',
    html: `<p>在乌鲁木齐市无自有住房且租赁住房的缴存职工，可以申请租房提取。</p>
<ul><li>每年可申请一次；</li><li>提取金额不超过当年实际房租支出，且不超过规定的年度上限；</li><li>需上传租房合同和房租付款凭证。</li></ul>
<p>可在手机公积金“提取申请”中在线提交，审核结果会在“我的业务”中显示。</p>`,
  },
  {
    id: 'NUR0003',
    scope: 'C65010',
    daysAgo: 9,
    title: '个人住房公积金贷款还款方式说明',
    html: `<p>住房公积金贷款可选择<strong>等额本息</strong>或<strong>等额本金</strong>两种还款方式。</p>
<p>等额本息每月还款额相同，便于安排家庭支出；等额本金每月归还本金相同，利息逐月减少，总利息较少。</p>
<p>还款计划可在手机公积金“我的贷款”中查看。</p>`,
  },
  {
    id: 'NUR0004',
    scope: 'C65010',
    daysAgo: 18,
    title: '关于暂停办理部分业务的公告',
    html: `<p>因业务系统升级，本周六 09:00 至 18:00 暂停手机公积金提取申请的提交，查询业务不受影响。</p>
<p>给您带来的不便，敬请谅解。</p>`,
  },
  {
    id: 'NUR0005',
    scope: 'C65010',
    daysAgo: 30,
    title: '灵活就业人员缴存住房公积金问答',
    html: `<h3>谁可以缴存？</h3>
<p>在本市就业、年满16周岁的灵活就业人员可自愿缴存住房公积金。</p>
<h3>怎样缴存？</h3>
<p>本人携带身份证到服务大厅开户，约定月缴存额后按月缴存，可按规定申请提取和贷款。</p>`,
  },
]

function articleItem(
  a: DemoArticle,
  seedAt: string,
  sourceName: (scope: string) => string,
  imagePrefix: string,
): NewsItem {
  const at = new Date(Date.parse(seedAt) - a.daysAgo * 86_400_000 - 3 * 3_600_000).toISOString()
  const nodes = sanitizeRichText(a.html.replace(/\n/g, ''), { imagePrefixes: [imagePrefix] })
  return {
    id: a.id,
    scope: a.scope,
    title: a.title,
    bodyHtml: toSafeHtml(nodes),
    summary: plainSummary(nodes, NEWS_SUMMARY_CHARS),
    coverKey: null,
    coverUrl: null,
    status: 'published',
    sourceName: sourceName(a.scope),
    createdAt: at,
    createdBy: 'SEED',
    updatedAt: at,
    updatedBy: '演示数据',
    publishedAt: at,
    feedCenters: a.scope === REGION ? demoCenters.map((c) => c.code) : [a.scope],
    version: 1,
  }
}

export function demoNews(seedAt: string, regionSource: string, imagePrefix: string): NewsItem[] {
  const names = new Map(demoCenters.map((c) => [c.code, c.name]))
  return articles.map((a) => articleItem(a, seedAt, (scope) => names.get(scope) ?? regionSource, imagePrefix))
}

/** 工作日 10:00–14:00 午休 15:30–19:30 (Xinjiang offices keep Beijing time later in the day) */
const weekdays = (periods: [string, string][]): WeeklyHours =>
  Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [d, periods.map(([open, close]) => ({ open, close }))]),
  ) as WeeklyHours
const STANDARD = weekdays([
  ['10:00', '14:00'],
  ['15:30', '19:30'],
])
const WINTER_ALTAY = weekdays([
  ['10:30', '14:00'],
  ['15:30', '19:00'],
])

type DemoOutlet = [
  center: string,
  id: string,
  name: string,
  kind: OutletItem['kind'],
  address: string,
  phone: string,
  lat: number,
  lng: number,
  services: OutletItem['services'],
  directions: string | null,
]

const ALL: OutletItem['services'] = ['缴存', '提取', '贷款', '还款', '查询', '转移接续']
const COUNTER: OutletItem['services'] = ['缴存', '提取', '查询']

const outlets: DemoOutlet[] = [
  [
    'C65000',
    'O650001',
    '区直住房资金服务大厅',
    '服务大厅',
    '乌鲁木齐市天山区光明路 88 号',
    '0991-2329001',
    43.7982,
    87.6205,
    ALL,
    '乘 BRT1 号线至光明路站，步行约 300 米',
  ],
  [
    'C65010',
    'O650101',
    '乌鲁木齐市住房公积金服务大厅',
    '服务大厅',
    '乌鲁木齐市沙依巴克区友好北路 166 号',
    '0991-2329101',
    43.8296,
    87.5972,
    ALL,
    '乘地铁 1 号线至友好站 B 口，向北步行约 400 米',
  ],
  [
    'C65010',
    'O650102',
    '乌鲁木齐市住房公积金高新区受理点',
    '受理点',
    '乌鲁木齐市新市区北京南路 358 号',
    '0991-2329102',
    43.8702,
    87.5688,
    COUNTER,
    '乘地铁 1 号线至新疆图书馆站，步行约 600 米',
  ],
  [
    'C65010',
    'O650103',
    '乌鲁木齐市住房公积金米东区受理点',
    '受理点',
    '乌鲁木齐市米东区米东中路 102 号',
    '0991-2329103',
    43.9609,
    87.6535,
    COUNTER,
    null,
  ],
  [
    'C65020',
    'O650201',
    '克拉玛依市住房公积金服务大厅',
    '服务大厅',
    '克拉玛依市克拉玛依区准噶尔路 56 号',
    '0990-2329201',
    45.5886,
    84.8893,
    ALL,
    null,
  ],
  [
    'C65040',
    'O650401',
    '吐鲁番市住房公积金服务大厅',
    '服务大厅',
    '吐鲁番市高昌区绿洲中路 230 号',
    '0995-2329401',
    42.9513,
    89.1896,
    ALL,
    null,
  ],
  [
    'C65050',
    'O650501',
    '哈密市住房公积金服务大厅',
    '服务大厅',
    '哈密市伊州区建国北路 71 号',
    '0902-2329501',
    42.8281,
    93.5151,
    ALL,
    null,
  ],
  [
    'C65230',
    'O652301',
    '昌吉州住房公积金服务大厅',
    '服务大厅',
    '昌吉市延安北路 198 号',
    '0994-2329231',
    44.0169,
    87.3081,
    ALL,
    null,
  ],
  [
    'C65270',
    'O652701',
    '博尔塔拉州住房公积金服务大厅',
    '服务大厅',
    '博乐市青得里大街 45 号',
    '0909-2329271',
    44.9061,
    82.0668,
    ALL,
    null,
  ],
  [
    'C65280',
    'O652801',
    '巴音郭楞州住房公积金服务大厅',
    '服务大厅',
    '库尔勒市人民东路 129 号',
    '0996-2329281',
    41.7289,
    86.1746,
    ALL,
    null,
  ],
  [
    'C65290',
    'O652901',
    '阿克苏地区住房公积金服务大厅',
    '服务大厅',
    '阿克苏市西大街 36 号',
    '0997-2329291',
    41.1675,
    80.2638,
    ALL,
    null,
  ],
  [
    'C65300',
    'O653001',
    '克孜勒苏州住房公积金服务大厅',
    '服务大厅',
    '阿图什市帕米尔路 18 号',
    '0908-2329301',
    39.7149,
    76.1681,
    ALL,
    null,
  ],
  [
    'C65310',
    'O653101',
    '喀什地区住房公积金服务大厅',
    '服务大厅',
    '喀什市人民东路 211 号',
    '0998-2329311',
    39.4677,
    75.9938,
    ALL,
    null,
  ],
  [
    'C65320',
    'O653201',
    '和田地区住房公积金服务大厅',
    '服务大厅',
    '和田市北京西路 99 号',
    '0903-2329321',
    37.1142,
    79.9225,
    ALL,
    null,
  ],
  [
    'C65400',
    'O654001',
    '伊犁州住房公积金服务大厅',
    '服务大厅',
    '伊宁市斯大林街 265 号',
    '0999-2329401',
    43.9168,
    81.3246,
    ALL,
    null,
  ],
  [
    'C65420',
    'O654201',
    '塔城地区住房公积金服务大厅',
    '服务大厅',
    '塔城市光明路 61 号',
    '0901-2329421',
    46.7462,
    82.9858,
    ALL,
    null,
  ],
  [
    'C65430',
    'O654301',
    '阿勒泰地区住房公积金服务大厅',
    '服务大厅',
    '阿勒泰市团结路 52 号',
    '0906-2329431',
    47.8451,
    88.1396,
    ALL,
    '乘 1 路、3 路公交至团结路站，下车即到',
  ],
  [
    'C65430',
    'O654302',
    '富蕴县住房公积金受理点',
    '受理点',
    '富蕴县库额尔齐斯镇文化路 12 号',
    '0906-2329432',
    46.9934,
    89.5246,
    ['缴存', '提取', '贷款', '还款', '查询'],
    null,
  ],
]

export function demoOutlets(seedAt: string): OutletItem[] {
  return outlets.map(([centerCode, id, name, kind, address, phone, latitude, longitude, services, directions]) => ({
    id,
    centerCode,
    name,
    kind,
    address,
    phone,
    hours: centerCode === 'C65430' ? WINTER_ALTAY : STANDARD,
    services,
    latitude,
    longitude,
    directions,
    updatedAt: seedAt,
    updatedBy: '演示数据',
    version: 1,
  }))
}
