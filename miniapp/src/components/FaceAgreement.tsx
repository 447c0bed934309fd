import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import './FaceAgreement.css'

/**
 * What a person agrees to before 刷脸 (人脸核身) — at first login and in 忘记密码 alike — and the
 * button that starts the platform's face flow.
 */
export function FaceAgreement(props: { visible: boolean; busy: boolean; onAgree: () => void; onClose: () => void }) {
  return (
    <Popup visible={props.visible} position="bottom" round title="刷脸认证" onClose={props.onClose}>
      <View className="verify">
        <Text className="verify__text">
          您将进行人脸识别以核验本人身份。识别信息仅用于本次身份核验，由平台按国家有关规定加密处理，不会用于其他用途。
        </Text>
        <Button block type="primary" className="verify__face-agree" disabled={props.busy} onClick={props.onAgree}>
          同意协议，开始拍摄
        </Button>
      </View>
    </Popup>
  )
}
