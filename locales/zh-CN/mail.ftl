# 后端发送的邮件。ID 和变量与 en-US 完全相同。

## Subjects

mail-subject-reply = [{ $reference }] 新回复：{ $title }
mail-subject-status = [{ $reference }] 状态：{ $status }
mail-subject-new-message = [{ $reference }] 新的客户请求：{ $title }
mail-subject-customer-reply = [{ $reference }] 客户回复：{ $title }

mail-subject-several = [{ $reference }] 你的请求有 { $count } 条更新
mail-subject-several-customer-request = [{ $reference }] 客户请求有 { $count } 条更新

## Bodies

mail-reply-intro = { $author } 在你的支持请求 { $reference } 中发送了回复：
mail-status-intro = 你的支持请求 { $reference } 当前状态：{ $status }。
mail-status-note = 支持代表的备注：
mail-new-message-intro = { $customer } 向你发送了新的客户请求 { $reference }：
mail-customer-reply-intro = { $customer } 回复了客户请求 { $reference }：
mail-request-title = 请求：{ $title }
mail-link = 在门户中查看：
mail-link-label = 打开请求
mail-footer = 此邮件由系统自动发送，请勿直接回复。
mail-author-unknown = 支持团队
mail-status-name = { $status ->
    [submitted] 已提交
    [in_progress] 处理中
    [resolved] 已解决
   *[closed] 已关闭
}
