export default definePageConfig({ navigationBarTitleText: '账户查询' })
