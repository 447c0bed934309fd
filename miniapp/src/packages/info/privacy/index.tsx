import { privacyStatement } from '@gjj/shared/info/privacy'
import { Text, View } from '@tarojs/components'
import './index.css'

/** manual 7.3: 隐私声明, the full text with its version */
export default function PrivacyPage() {
  return (
    <View className="page">
      <View className="privacy">
        <Text className="privacy__title">{privacyStatement.title}</Text>
        <Text className="privacy__version">版本：{privacyStatement.version}</Text>
        {privacyStatement.sections.map((s) => (
          <View key={s.title} className="privacy__section">
            <Text className="privacy__heading">{s.title}</Text>
            {s.paragraphs.map((p) => (
              <Text key={p} className="privacy__para">
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
