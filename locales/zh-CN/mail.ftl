# 后端发送的邮件。ID 和变量与 en-US 完全相同。

## Subjects

mail-subject-reply = [{ $reference }] 新回复：{ $title }
mail-subject-status = [{ $reference }] 状态：{ $status }
mail-subject-new-message = [{ $reference }] 新的客户咨询：{ $title }
mail-subject-customer-reply = [{ $reference }] 客户回复：{ $title }

mail-subject-several = [{ $reference }] 您的请求有 { $count } 条更新
mail-subject-several-customer-request = [{ $reference }] 客户咨询有 { $count } 条更新

## Bodies

mail-reply-intro = { $author }在您的支持请求 { $reference } 中发送了回复：
mail-status-intro = 您的支持请求 { $reference } 当前状态：{ $status }。
mail-status-note = 本次状态变更附带的备注：
mail-new-message-intro = { $customer }向您发送了新的客户咨询 { $reference }：
mail-customer-reply-intro = { $customer }回复了客户咨询 { $reference }：
mail-request-title = 摘要：{ $title }
mail-link = 在门户中查看：
mail-link-label = 在门户中打开
mail-footer = 此邮件由系统自动发送，请勿直接回复。
mail-author-unknown = 支持团队
mail-status-name = { $status ->
    [submitted] 已提交
    [in_progress] 处理中
    [resolved] 已解决
   *[closed] 已关闭
}

## 每封邮件的问候和落款，以及合作伙伴邮件中的客户信息

mail-greeting = 您好：
mail-sign-off =
    祝好，
    { $team }
mail-team = 支持团队
mail-contact = 联系人：{ $contact }
mail-service = 服务：{ $service }
mail-files = 文件：{ $files }

## 确认访客填写的电子邮件地址：只用后端自己的文字，绝不包含访客所写的内容。

mail-subject-confirm = [{ $reference }] 请确认您的电子邮件地址
mail-confirm-intro = 有人向我们的支持团队发送了一条消息，编号为 { $reference }，并留下此电子邮件地址作为联系邮箱。
mail-confirm-ask = 如需通过电子邮件接收对此消息的回复，请通过下面的链接确认此地址属于您。链接在 { $days } 天内有效。
mail-confirm-link-label = 确认我的电子邮件地址
mail-confirm-ignore = 如果您没有发送此消息，请忽略此邮件：我们不会再就此向您发送任何邮件。
confirm-page-title = 确认您的电子邮件地址
confirm-page-ask = 请确认可以将对 { $reference } 的回复发送到此电子邮件地址。
confirm-page-button = 确认
confirm-page-done = 您的电子邮件地址已确认。对 { $reference } 的回复将通过电子邮件发送给您。
confirm-page-gone = 此链接无效或已过期。您的消息已经收到：您可以在发送它的设备上，通过支持小组件查看回复。
