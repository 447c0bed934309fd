export default definePageConfig({ navigationBarTitleText: '提前还本' })
