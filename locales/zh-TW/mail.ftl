# 後端傳送的郵件。ID 和變數與 en-US 完全相同。

## Subjects

mail-subject-reply = [{ $reference }] 新回覆：{ $title }
mail-subject-status = [{ $reference }] 狀態：{ $status }
mail-subject-new-message = [{ $reference }] 新的客戶要求：{ $title }
mail-subject-customer-reply = [{ $reference }] 客戶回覆：{ $title }

mail-subject-several = [{ $reference }] 您的要求有 { $count } 則更新
mail-subject-several-customer-request = [{ $reference }] 客戶要求有 { $count } 則更新

## Bodies

mail-reply-intro = { $author } 在您的支援要求 { $reference } 中傳送了回覆：
mail-status-intro = 您的支援要求 { $reference } 目前狀態：{ $status }。
mail-status-note = 支援人員的附註：
mail-new-message-intro = { $customer } 傳送了新的客戶要求 { $reference } 給您：
mail-customer-reply-intro = { $customer } 回覆了客戶要求 { $reference }：
mail-request-title = 要求：{ $title }
mail-link = 在入口網站中檢視：
mail-link-label = 開啟要求
mail-footer = 此郵件由系統自動傳送，請勿直接回覆。
mail-author-unknown = 支援團隊
mail-status-name = { $status ->
    [submitted] 已提交
    [in_progress] 處理中
    [resolved] 已解決
   *[closed] 已關閉
}
