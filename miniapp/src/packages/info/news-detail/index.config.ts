export default definePageConfig({
  navigationBarTitleText: '新闻详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
