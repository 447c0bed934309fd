import { PRIVACY_VERSION } from './privacy'

/**
 * The whole 隐私声明 of 手机公积金, written for this system (what it collects, keeps and shares, as built),
 * not the vendor website terms quoted in the old manual. Versioned: a person who agreed to an
 * older version is asked again (privacy.ts `needsConsent`). Change the text → change
 * PRIVACY_VERSION.
 *
 * Facts the text relies on, so that a change to them changes the text too:
 * - first login on a device: WeChat 人脸核身 gets the name and ID number and answers pass/fail;
 *   Alipay authorisation gives the Alipay user id (functions/src/identity);
 * - passwords are kept as scrypt hashes; sessions end after 30 idle minutes
 *   (functions/src/services/sessions.ts); uploads never attached to an application expire after
 *   2 days (serverless.yml lifecycle rule); logs are kept 180 days and carry no ID or card numbers;
 * - rate counters keyed by IP address and login-failure counters expire on their own (TTL);
 * - the position is used to sort outlets and never stored (the outlet handlers must not log it);
 * - the data stays in China (region cn-northwest-1 by default, docs/decisions.md 6).
 */

export interface PrivacySection {
  title: string
  paragraphs: string[]
}

export interface PrivacyStatement {
  title: string
  version: string
  sections: PrivacySection[]
}

export const privacyStatement: PrivacyStatement = {
  title: '手机公积金隐私声明',
  version: PRIVACY_VERSION,
  sections: [
    {
      title: '谁在处理您的信息',
      paragraphs: [
        '手机公积金（微信小程序、支付宝小程序和网页版）由新疆维吾尔自治区各住房公积金管理中心提供。您登录时选择的公积金中心（下称“您的公积金中心”）负责处理您的个人信息。',
        '本声明说明我们收集哪些信息、为什么收集、保存多久、提供给谁，以及您怎样查询、更正、撤回同意和注销。',
      ],
    },
    {
      title: '我们收集哪些信息，用来做什么',
      paragraphs: [
        '姓名和身份证号码：登录时确认您的身份，查询您本人的公积金账户和贷款，办理提取和贷款业务。',
        '手机号码：用于登录和接收短信验证码。',
        '登录密码：只保存经过不可逆加密的结果，任何人（包括工作人员）都无法看到您的密码。',
        '人脸核验结果：在新设备上第一次登录时，需要确认是您本人。在微信中使用腾讯提供的“微信人脸核身”，为此我们把您的姓名和身份证号码交给腾讯，与您的人脸比对；在支付宝中经您授权，我们获得您的支付宝用户标识。我们只收到“是否本人”的结果，不接收、不保存您的人脸图像。',
        '微信、支付宝账号标识和设备标识：记住哪台设备、哪个账号已经核验过，下次登录不必再次核验。',
        '位置信息：只有在“服务网点查询”中您点按按距离排序时才获取，只用于计算您到各网点的距离，不保存。您不允许获取位置时，网点按名称排列，其他功能照常使用。',
        '档案材料：办理提取、贷款业务时您上传的证件、合同、发票等照片或文件，用于公积金中心审核您的业务。',
        '银行卡号：用于把提取的公积金转入您本人名下的银行卡。',
        '业务记录：您提交的申请、审核结果和办理进度；您的公积金账户和贷款信息来自公积金中心的业务系统。',
        '安全记录：为防止他人冒用和恶意访问，我们记录登录失败次数和访问来源的网络地址（IP 地址），以及不含身份证号码、银行卡号的运行日志。',
        '我们不会把这些信息用于上述目的以外的用途。',
      ],
    },
    {
      title: '保存多久',
      paragraphs: [
        '业务申请和档案材料：按住房公积金业务档案管理的规定保存。',
        '上传后没有随申请提交的文件：2 天后自动删除。',
        '登录状态：30 分钟没有操作即失效，需要重新登录。',
        '位置信息：不保存。人脸图像：我们从不接收，也不保存。',
        '账号标识和设备核验记录：保存到您撤回同意或注销手机公积金账号时。',
        '访问次数和登录失败次数：只用于安全防护，到期自动删除。运行日志：保存 180 天。',
        '您的信息存放在中国境内的服务器上，不向境外提供。',
      ],
    },
    {
      title: '提供给谁',
      paragraphs: [
        '您的公积金中心：工作人员审核您的申请时，可以看到申请内容和档案材料。工作人员只能看到本中心的申请。',
        '腾讯（微信人脸核身）和支付宝（账号授权）：只为确认是您本人，范围见上文。',
        '除此之外，我们不向任何其他单位或个人提供您的信息，不用于广告营销，也不出售。法律、行政法规规定必须提供的（例如司法机关依法查询）除外。',
      ],
    },
    {
      title: '您的权利和办理方法',
      paragraphs: [
        '查询：在“我”→个人中心查看个人信息，在“账户查询”“我的业务”查看账户和业务记录。',
        '更正：手机号码可以在“修改手机号码”中自行修改；姓名、身份证号码等登记信息有误，请带上身份证到您的公积金中心服务网点更正。',
        '撤回同意：在“我”→“隐私声明”→“撤回同意”。撤回后您将退出登录，再次同意之前不能使用手机公积金；已经办理的业务不受影响，您也可以到服务网点办理业务。',
        '注销：拨打 12329 服务热线或到服务网点申请注销手机公积金账号。注销后我们删除您的登录密码、微信和支付宝账号绑定以及设备核验记录；您的公积金账户和业务档案由公积金中心依照规定继续保存，不会因注销而删除。',
        '您也可以通过 12329 服务热线提出查询、更正、撤回同意和注销的请求，我们在 15 个工作日内答复。',
      ],
    },
    {
      title: '联系我们',
      paragraphs: ['住房公积金服务热线：12329。', '您的公积金中心各服务网点：地址和电话见“服务网点查询”。'],
    },
    {
      title: '本声明的更新',
      paragraphs: [
        `本声明的版本为 ${PRIVACY_VERSION}。内容更新后，您下次打开手机公积金时会看到新的声明，同意后才能继续使用。`,
      ],
    },
  ],
}
