export default definePageConfig({ navigationBarTitleText: '新闻动态', enablePullDownRefresh: true })
