export default definePageConfig({ navigationBarTitleText: '编辑新闻' })
