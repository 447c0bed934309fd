export default definePageConfig({ navigationBarTitleText: '证明作废' })
