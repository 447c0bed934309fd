export default definePageConfig({ navigationBarTitleText: 'APP、微信、网厅密码修改' })
