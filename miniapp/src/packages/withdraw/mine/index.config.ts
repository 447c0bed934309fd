export default definePageConfig({ navigationBarTitleText: '我的业务', enablePullDownRefresh: true })
