export default definePageConfig({ navigationBarTitleText: '年度账单' })
