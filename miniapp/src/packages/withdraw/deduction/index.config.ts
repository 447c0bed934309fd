export default definePageConfig({ navigationBarTitleText: '按月抵扣签约' })
