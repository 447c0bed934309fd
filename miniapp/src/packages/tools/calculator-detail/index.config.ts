export default definePageConfig({ navigationBarTitleText: '还款详情' })
