export default definePageConfig({ navigationBarTitleText: '网点管理', enablePullDownRefresh: true })
