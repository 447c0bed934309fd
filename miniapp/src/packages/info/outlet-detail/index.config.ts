export default definePageConfig({ navigationBarTitleText: '网点详情', enablePullDownRefresh: true })
