export default definePageConfig({ navigationBarTitleText: '流程信息查询', enablePullDownRefresh: true })
