export default definePageConfig({ navigationBarTitleText: '密码修改' })
