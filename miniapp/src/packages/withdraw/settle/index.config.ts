export default definePageConfig({ navigationBarTitleText: '提前结清' })
