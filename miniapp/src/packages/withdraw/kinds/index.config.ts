export default definePageConfig({ navigationBarTitleText: '我要提取', enablePullDownRefresh: true })
