export default definePageConfig({ navigationBarTitleText: '还款计划', enablePullDownRefresh: true })
