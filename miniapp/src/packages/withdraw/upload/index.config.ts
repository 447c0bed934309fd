export default definePageConfig({ navigationBarTitleText: '档案上传' })
