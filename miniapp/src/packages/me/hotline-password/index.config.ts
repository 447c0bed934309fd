export default definePageConfig({ navigationBarTitleText: '12329语音热线、触摸屏密码修改' })
