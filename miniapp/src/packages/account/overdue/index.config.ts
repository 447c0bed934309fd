export default definePageConfig({ navigationBarTitleText: '逾期还款明细', enablePullDownRefresh: true })
