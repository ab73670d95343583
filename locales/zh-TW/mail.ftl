# 後端傳送的郵件。ID 和變數與 en-US 完全相同。

## Subjects

mail-subject-reply = [{ $reference }] 新回覆：{ $title }
mail-subject-status = [{ $reference }] 狀態：{ $status }
mail-subject-new-message = [{ $reference }] 新的客戶詢問：{ $title }
mail-subject-customer-reply = [{ $reference }] 客戶回覆：{ $title }

mail-subject-several = [{ $reference }] 您的要求有 { $count } 則更新
mail-subject-several-customer-request = [{ $reference }] 客戶詢問有 { $count } 則更新

## Bodies

mail-reply-intro = { $author }在您的支援要求 { $reference } 中傳送了回覆：
mail-status-intro = 您的支援要求 { $reference } 目前狀態：{ $status }。
mail-status-note = 此次狀態變更的附註：
mail-new-message-intro = { $customer }傳送了新的客戶詢問 { $reference } 給您：
mail-customer-reply-intro = { $customer }回覆了客戶詢問 { $reference }：
mail-request-title = 摘要：{ $title }
mail-link = 在入口網站中檢視：
mail-link-label = 在入口網站中開啟
mail-footer = 此郵件由系統自動傳送，請勿直接回覆。
mail-author-unknown = 支援團隊
mail-status-name = { $status ->
    [submitted] 已提交
    [in_progress] 處理中
    [resolved] 已解決
   *[closed] 已關閉
}

## 每封郵件的問候與落款，以及合作夥伴郵件中的客戶資訊

mail-greeting = 您好：
mail-sign-off = { $team } 敬上
mail-team = 支援團隊
mail-contact = 聯絡人：{ $contact }
mail-service = 服務：{ $service }
mail-files = 檔案：{ $files }

## 確認訪客填寫的電子郵件地址：只用後端自己的文字，絕不包含訪客所寫的內容。

mail-subject-confirm = [{ $reference }] 請確認您的電子郵件地址
mail-confirm-intro = 有人向我們的支援團隊傳送了一則訊息，編號為 { $reference }，並留下此電子郵件地址作為聯絡信箱。
mail-confirm-ask = 如需透過電子郵件接收對此訊息的回覆，請透過下方的連結確認此地址屬於您。連結在 { $days } 天內有效。
mail-confirm-link-label = 確認我的電子郵件地址
mail-confirm-ignore = 如果您沒有傳送此訊息，請忽略此郵件：我們不會再就此寄送任何郵件給您。
confirm-page-title = 確認您的電子郵件地址
confirm-page-ask = 請確認可以將對 { $reference } 的回覆寄送到此電子郵件地址。
confirm-page-button = 確認
confirm-page-done = 您的電子郵件地址已確認。對 { $reference } 的回覆將透過電子郵件寄送給您。
confirm-page-gone = 此連結無效或已過期。您的訊息已經收到：您可以在傳送它的裝置上，透過支援小工具查看回覆。
