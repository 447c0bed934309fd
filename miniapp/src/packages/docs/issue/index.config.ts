export default definePageConfig({ navigationBarTitleText: '证明开具' })
