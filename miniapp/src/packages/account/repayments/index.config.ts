export default definePageConfig({ navigationBarTitleText: '贷款还款明细', enablePullDownRefresh: true })
