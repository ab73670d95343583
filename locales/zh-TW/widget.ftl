# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.

## The widget's frame

widget-title = 支援
widget-subtitle = 由世紀互聯營運的合作夥伴中心
widget-language-label = 語言
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español

## Problems with how the host page set the widget up

config-error-title = 無法從此頁面傳送支援要求
config-error-backend-missing = 此頁面未指定支援要求的傳送位址（缺少 backend 屬性）。請通知網站管理員。
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = 此頁面為支援要求設定的位址「{ $value }」不是以 https:// 或 http:// 開頭的網址。請通知網站管理員。

## Partner Center request

pc-heading = 新增合作夥伴中心要求
pc-intro = 回報您在使用合作夥伴中心本身時遇到的問題。支援代表會直接與您聯絡。
pc-category-legend = 這個問題屬於哪一類？
pc-category-technical = 技術
pc-category-billing = 帳單
pc-category-customer-subscription-management = 客戶和訂用帳戶管理

## Form fields shared by the request forms

field-title-label = 摘要
field-title-hint = 以一句話說明，例如「無法下載 10 月的發票」。
field-description-label = 說明
field-description-hint = 發生了什麼狀況、您原本預期的結果，以及您看到的任何錯誤訊息。
field-contact-name-label = 您的姓名
field-contact-email-label = 電子郵件地址
field-contact-phone-label = 電話號碼（選填）
field-contact-language-label = 偏好的聯絡語言
field-contact-heading = 我們該如何與您聯絡？

## Validation, shown in the error summary and at the field

error-summary-title = 請修正下列問題
error-required-category = 請選取問題類別
error-required-title = 請輸入問題摘要
error-required-description = 請說明問題
error-required-contact-name = 請輸入您的姓名
error-required-contact-email = 請輸入您的電子郵件地址
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field }不得超過 { $max } 個字元
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field }包含無法傳送的隱藏控制字元。請移除這些字元後再試一次
error-invalid-email = 請輸入格式正確的電子郵件地址，例如 name@example.com
error-invalid-phone = 請輸入 5 到 20 位數的電話號碼，例如 +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = { $field }的值無效，請重新選擇
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = 支援服務未接受您填寫的{ $field }，請檢查後再試一次

## Submitting

submit-button = 提交
submit-pending = 正在提交您的要求…
submit-error-network = 無法連線到支援服務。請檢查您的網路連線，然後再試一次。您輸入的內容都還保留著。
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = 支援服務發生問題（錯誤代碼：{ $status }）。請稍後再試一次。您輸入的內容都還保留著。
submit-error-response = 支援服務傳回無法辨識的回應。請稍後再試一次。您輸入的內容都還保留著。
submit-error-too-large = 要求內容過大，無法傳送。請縮短說明後再試一次。
submit-retry = 再試一次

## Confirmation

confirm-heading = 要求已提交
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = 您的要求編號為 { $reference }。
confirm-next = 支援代表會直接與您聯絡。請保留此編號，以便屆時使用。
confirm-new-request = 再提交一個要求
