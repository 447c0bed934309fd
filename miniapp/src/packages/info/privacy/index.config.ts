export default definePageConfig({ navigationBarTitleText: '隐私声明' })
