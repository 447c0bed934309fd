export default definePageConfig({ navigationBarTitleText: '新闻管理', enablePullDownRefresh: true })
