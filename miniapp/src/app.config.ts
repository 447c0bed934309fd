// Tab pages live in the main package; every other page lives in a subpackage by domain, so the
// components it uses stay out of the main package. The review console is for the center's staff at
// their desks: it is built into the H5 app only, never into the depositors' WeChat and Alipay
// packages (scripts/size-check.ts fails a mini-program build that holds any of it).
const reviewConsole = process.env.TARO_ENV === 'h5'

// WeChat: personal-information APIs go through its privacy authorization (the 隐私声明 consent of
// lib/privacy.ts comes first), and the position is declared for 服务网点查询's 按距离排序.
const weapp =
  process.env.TARO_ENV === 'weapp'
    ? {
        __usePrivacyCheck__: true,
        requiredPrivateInfos: ['getLocation' as const],
        permission: { 'scope.userLocation': { desc: '用于按距离排序服务网点' } },
        // issue 14: inject only the components a page uses, when it opens (not all at start)
        lazyCodeLoading: 'requiredComponents',
      }
    : {}

// issue 14: each tab fetches, on any network, the subpackage a person opens next from it
const preloadRule = {
  'pages/login/index': { network: 'all' as const, packages: ['packages/auth'] },
  'pages/news/index': { network: 'all' as const, packages: ['packages/info'] },
  'pages/account/index': { network: 'all' as const, packages: ['packages/account'] },
  'pages/business/index': { network: 'all' as const, packages: ['packages/withdraw'] },
  'pages/me/index': { network: 'all' as const, packages: ['packages/me'] },
}

export default defineAppConfig({
  ...weapp,
  ...(process.env.TARO_ENV === 'h5' ? {} : { preloadRule }),
  pages: ['pages/login/index', 'pages/news/index', 'pages/account/index', 'pages/business/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/tools',
      pages: ['calculator/index', 'calculator-detail/index'],
    },
    {
      root: 'packages/account',
      pages: ['fund/index', 'loan/index', 'repayments/index', 'plan/index', 'overdue/index'],
    },
    {
      root: 'packages/me',
      pages: ['profile/index', 'phone/index', 'password/index', 'app-password/index', 'hotline-password/index'],
    },
    {
      // the signed-out side of sign-in: 忘记密码
      root: 'packages/auth',
      pages: ['reset/index'],
    },
    {
      root: 'packages/info',
      pages: ['news-detail/index', 'privacy/index', 'outlets/index', 'outlet-detail/index'],
    },
    {
      root: 'packages/withdraw',
      // 业务办理: 提取业务 and 贷款业务 (提前还本, 按月抵扣签约, 提前结清) share 档案上传 and 我的业务
      pages: [
        'kinds/index',
        'apply/index',
        'upload/index',
        'mine/index',
        'detail/index',
        'prepay/index',
        'deduction/index',
        'settle/index',
      ],
    },
    // 电子证明 (证明开具, the public 验证 page a QR code opens) and 年度账单
    { root: 'packages/docs', pages: ['issue/index', 'verify/index', 'annual/index'] },
    ...(reviewConsole
      ? [
          {
            root: 'packages/admin',
            pages: [
              'login/index',
              'queue/index',
              'detail/index',
              'news/index',
              'news-edit/index',
              'outlets/index',
              'outlet-edit/index',
              'password/index',
              'staff/index',
              'audit/index',
              'documents/index',
            ],
          },
        ]
      : []),
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '手机公积金',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
  },
  tabBar: {
    color: '#6b7280',
    selectedColor: '#1a5fb4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/news/index',
        text: '新闻动态',
        iconPath: 'assets/tab/news.png',
        selectedIconPath: 'assets/tab/news-on.png',
      },
      {
        pagePath: 'pages/account/index',
        text: '账户查询',
        iconPath: 'assets/tab/account.png',
        selectedIconPath: 'assets/tab/account-on.png',
      },
      {
        pagePath: 'pages/business/index',
        text: '业务办理',
        iconPath: 'assets/tab/business.png',
        selectedIconPath: 'assets/tab/business-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
      },
    ],
  },
})
