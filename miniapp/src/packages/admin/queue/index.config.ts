export default definePageConfig({ navigationBarTitleText: '审批管理后台', enablePullDownRefresh: true })
