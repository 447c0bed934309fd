export default definePageConfig({ navigationBarTitleText: '公积金账户查询', enablePullDownRefresh: true })
