export default definePageConfig({ navigationBarTitleText: '服务网点查询', enablePullDownRefresh: true })
