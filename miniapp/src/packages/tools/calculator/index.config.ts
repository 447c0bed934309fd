export default definePageConfig({ navigationBarTitleText: '房贷计算器' })
