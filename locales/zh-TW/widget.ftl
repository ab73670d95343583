# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.
# The key terms are in ../GLOSSARY.md. "Escalate" is 呈報 throughout, and
# escalation support 呈報支援: seed 003 writes the one English word three ways
# (擴大, 提升, 向上呈報); 呈報 is the one that says a problem goes up to a
# higher level of support, and it is the word zh-CN uses (呈报).

## The widget's frame

widget-title = 支援
widget-subtitle = 由 21Vianet 營運的合作夥伴中心
widget-subtitle-customer = 由您的合作夥伴提供
widget-language-label = 語言
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español
messages-unavailable = 無法載入{ $language }介面文字。請檢查網路連線，然後再試一次。

## Launcher mode: the floating button and the panel it opens

launcher-open = 說明與支援
launcher-close = 關閉
launcher-open-unread = 說明與支援，{ $count } 則新訊息
# Shown by the loader, without the widget, when the widget cannot load.
widget-unavailable = 無法載入說明。請檢查網路連線，然後再試一次。

## Moving between screens

nav-back = 返回
nav-start-again = 回到首頁

## Home: what the partner needs help with

home-heading = 需要什麼協助？
home-partner-center-title = 合作夥伴中心的問題
home-partner-center-text = 回報您在使用合作夥伴中心本身時遇到的問題，包括技術、計費，以及客戶和訂用帳戶管理方面的問題。
home-customer-title = 您的客戶遇到的問題
home-customer-text = 找到該客戶並嘗試在其系統管理中心解決問題；如果客戶仍需要協助，請檢查服務健康狀態，然後代表客戶呈報給 21Vianet。
home-escalation-title = 呈報問題之前
home-escalation-text = 請先檢查服務健康狀態，再使用系統管理員權限進行疑難排解。只有您無法合理自行解決的問題，21Vianet 才會受理呈報。

## Problems with how the host page set the widget up

config-error-title = 無法從此頁面傳送支援要求
config-error-backend-missing = 此頁面未指定支援要求的傳送位址（缺少 backend 屬性）。請通知網站管理員。
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = 此頁面為支援要求設定的位址「{ $value }」不是以 https:// 或 http:// 開頭的網址。請通知網站管理員。
config-error-backend-credentials = 此頁面為支援要求設定的位址中包含使用者名稱或密碼，這些資訊絕不應出現在網頁中。請通知網站管理員。

## Partner Center request

pc-heading = 新增合作夥伴中心要求
# Above the confirmation, once the request is filed.
pc-heading-filed = 合作夥伴中心要求
pc-intro = 回報您在使用合作夥伴中心本身時遇到的問題。21Vianet 的支援人員會直接與您聯絡。
pc-category-legend = 這個問題屬於哪一類？
pc-category-technical = 技術
pc-category-billing = 計費
pc-category-customer-subscription-management = 客戶和訂用帳戶管理

## Customer search

customer-search-heading = 哪個客戶需要協助？
customer-search-label = 客戶名稱或網域
customer-search-hint = 輸入客戶名稱或網域的一部分，例如「contoso」。
customer-search-loading = 正在搜尋…
# Variables:
#   $query (String) - what the partner typed
customer-search-empty = 找不到符合「{ $query }」的客戶。請確認名稱是否正確，或改用網域搜尋。
customer-search-failed = 無法載入客戶清單。
# Variables:
#   $count (Number) - how many customers match
customer-search-found = 找到 { $count } 個客戶。
# Variables:
#   $count (Number) - how many customers are listed (the most a search lists)
customer-search-first = 顯示前 { $count } 個符合的客戶。繼續輸入客戶名稱或網域可縮小範圍。
customer-search-keys = 請使用向上和向下方向鍵選取。
load-error-unauthorized = 支援服務未接受您的登入資訊（錯誤代碼：{ $status }）。請重新整理頁面或重新登入，然後再試一次。
load-error-forbidden = 支援服務已接受您的登入資訊，但您沒有權限存取此內容（錯誤代碼：{ $status }）。請聯絡網站管理員確認您的存取權限。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-network = { $what }無法連線到支援服務。請檢查您的網路連線，或稍後再試一次。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-service = { $what }支援服務暫時無法正常回應，請稍後再試一次。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
#   $status (Number) - 404 or 405
load-failed-not-found = { $what }在此頁面設定的支援要求位址找不到支援服務（錯誤代碼：{ $status }）。請通知網站管理員。
load-retry = 再試一次

## Service choice

# Variables:
#   $customer (String) - the customer's name
service-heading = { $customer }需要哪項服務的協助？
service-loading = 正在載入服務…
service-failed = 無法載入服務。
service-empty = 沒有可選取的服務。請通知網站管理員。
service-suggested = 建議

## Self-help in the customer's admin center

self-help-heading = 請先嘗試在系統管理中心解決
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name, such as Office 365
self-help-text = 您或許可以在 { $service } 系統管理中心解決{ $customer }的問題，或指導客戶自行解決。
# Variables:
#   $service (String) - the service's name, such as Office 365
self-help-open = 開啟 { $service } 系統管理中心
self-help-new-tab = （在新索引標籤中開啟）
self-help-question = 問題解決了嗎？
self-help-solved = 是，已解決
self-help-still-needs-help = 否，客戶仍需要協助

solved-heading = 很高興問題已解決
solved-text = 未傳送任何要求。如果問題再次發生，您隨時可以提交要求。

## Service request for a customer

cr-heading = 新增服務要求
# Above the confirmation, once the request is filed.
cr-heading-filed = 服務要求
cr-intro = 請填寫支援詳細資料。21Vianet 的支援人員會直接與您聯絡。
cr-customer-label = 客戶
cr-service-label = 服務
severity-legend = 問題的嚴重程度為何？
severity-critical = 嚴重
severity-critical-hint = 服務中斷或無法使用，客戶的業務受到嚴重影響。
severity-moderate = 中等
severity-moderate-hint = 客戶仍可繼續工作，但有困難。
severity-minimal = 輕微
severity-minimal-hint = 一般諮詢，或對客戶業務影響很小的問題。

## Form fields shared by the request forms

field-title-label = 摘要
field-title-hint = 以一句話說明，例如「無法下載 10 月的發票」。
field-title-hint-service = 以一句話說明，例如「無法登入 Outlook」。
field-description-label = 描述
field-description-hint = 發生了什麼狀況、您原本預期的結果，以及您看到的任何錯誤訊息。
# Variables:
#   $count (Number) - how many more characters the field takes
field-characters-left = 還可以輸入 { $count } 個字元
# Variables:
#   $count (Number) - how many characters the text has beyond the limit
field-characters-over = 超出 { $count } 個字元
field-contact-name-label = 您的姓名
field-contact-email-label = 電子郵件地址
field-contact-phone-label = 電話號碼（選填）
field-contact-language-label = 偏好的聯絡語言
# The contact form (a customer writing to its partner): the service the problem is with, chosen from the backend's list; optional.
field-service-label = 服務（選填）
field-service-hint = 如果知道，請選取發生問題的服務。
# The first choice of field-service-label: no service named.
field-service-not-sure = 不確定
field-contact-heading = 我們該如何與您聯絡？
# In place of the name and email fields, when the portal has signed the
# user in: whom the request goes from.
# Variables:
#   $name (String) - the user's name, as the portal's sign-in gives it
#   $email (String) - the user's email address, as the portal's sign-in gives it
field-contact-sending-as = 將以{ $name }（{ $email }）的身分傳送

## Validation, shown in the error summary and at the field

error-summary-title = 請修正下列問題
error-required-category = 請選取問題類別
error-required-title = 請輸入問題摘要
error-required-description = 請描述問題
error-required-contact-name = 請輸入您的姓名
error-required-contact-email = 請輸入您的電子郵件地址
error-required-severity = 請選取問題的嚴重程度
error-required-reply = 請輸入您的回覆
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field }不得超過 { $max } 個字元
error-too-long-description = { $field }不得超過 { $max } 個字元。較長的記錄檔或文字請改以檔案附加
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field }包含無法傳送的隱藏控制字元。請移除這些字元後再試一次
error-invalid-email = 請輸入格式正確的電子郵件地址，例如 name@example.com
error-invalid-phone = 請輸入 5 到 20 位數的電話號碼，例如 +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = 「{ $field }」的值無效，請重新選取
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = 支援服務未接受您填寫的{ $field }，請檢查後再試一次
# The customer or service chosen before the form is no longer known to the support service.
error-customer-unknown = 支援服務已無法辨識此客戶。請返回並重新選取客戶
error-service-unknown = 支援服務已無法辨識此服務。請返回並重新選取服務
# The service the contact form's select offered is no longer known to the support service.
error-service-not-offered = 支援服務已無法辨識此服務。請選取其他服務，或選取「不確定」
# An error about a part of the request that the form doesn't show.
error-request-not-accepted = 支援服務未接受此要求。請再試一次；如果問題再次發生，請聯絡入口網站的支援小組
error-sent-before-changes = 您在最近一次修改之前傳送過此要求，那次傳送已到達支援服務，可能已依當時的內容提交。如果再次傳送，將依現在的內容另外提交一個新要求。

## Submitting

submit-button = 提交
submit-pending = 正在提交您的要求…
submit-slow = 支援服務的回應時間比平常久。您的要求仍在傳送中，輸入的內容都還保留著。
submit-waiting = 等待傳送…
submit-error-network = 無法連線到支援服務。支援服務可能暫時無法使用，請檢查您的網路連線，或稍後再試一次。
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = 支援服務發生問題（錯誤代碼：{ $status }）。請稍後再試一次。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $minutes (Number) - how long the service asked to wait, in minutes (2 to 119)
submit-error-wait-minutes = 支援服務表示需等待 { $minutes } 分鐘後才能再傳送（錯誤代碼：{ $status }）。請在那之後再試一次。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $hours (Number) - how long the service asked to wait, in hours (2 to 47)
submit-error-wait-hours = 支援服務表示需等待 { $hours } 小時後才能再傳送（錯誤代碼：{ $status }）。請在那之後再試一次。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $days (Number) - how long the service asked to wait, in days (2 to 30)
submit-error-wait-days = 支援服務表示需等待 { $days } 天後才能再傳送（錯誤代碼：{ $status }）。請在那之後再試一次。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
# Said when the service asked to wait more than 30 days.
submit-error-wait-longer = 支援服務表示需等待一個多月後才能再傳送（錯誤代碼：{ $status }）。請在那之後再試一次。
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
submit-error-unauthorized = 支援服務未接受您的登入資訊（錯誤代碼：{ $status }）。請重新整理頁面或重新登入，然後再試一次。
# Variables:
#   $status (Number) - 403: the sign-in was accepted, but its role may not do this
submit-error-forbidden = 支援服務已接受您的登入資訊，但您沒有權限執行此操作（錯誤代碼：{ $status }）。請聯絡網站管理員確認您的存取權限。
# Variables:
#   $status (Number) - 404 or 405
submit-error-not-found = 在此頁面設定的支援要求位址找不到支援服務（錯誤代碼：{ $status }），因此無法從此處傳送要求。請通知網站管理員。
submit-error-request-gone = 支援服務已找不到此要求：它可能已被移除，或您已沒有權限存取它。
submit-error-unreadable = 支援服務已回應，但無法讀取回應內容，因此無法顯示要求編號。要求可能已經提交。請稍後再試一次；只要內容不變更，就不會重複提交。
submit-error-too-large = 要求內容過大，無法傳送。請縮短描述後再試一次。
submit-kept = { $reason }您輸入的內容都還保留著。
reply-error-unreadable = 支援服務已回應，但無法讀取回應內容，因此無法顯示此回覆。回覆可能已經儲存。請再傳送一次；只要內容不變更，就不會重複儲存。
status-error-unreadable = 支援服務已回應，但無法讀取回應內容：要求可能已經標示為已解決。請先查看其狀態，再決定是否再試一次。
submit-retry = 再試一次

## Confirmation

confirm-heading = 要求已提交
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = 您的要求編號為 { $reference }。
# What screen readers hear of a request filed while the user was on the page.
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-announcement = 要求已提交。您的要求編號為 { $reference }。
confirm-next = 21Vianet 的支援人員會直接與您聯絡。請保留此編號，聯絡時可能需要提供。
confirm-new-request = 再提交一個要求

## Drafts, retries and offline

draft-restored = 已還原您上次在這裡輸入的內容。在提交要求之前，這些內容會儲存在此瀏覽器中。
draft-discard = 捨棄草稿
draft-discarded = 已捨棄草稿。
draft-undo = 復原
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
draft-typed-for = 此處填寫的內容原本是為{ $customer }（{ $service }）準備的。請確認內容適用於目前的客戶和服務，或捨棄草稿。
notice-hide = 隱藏此訊息
drafts-off = 草稿功能已關閉：此瀏覽器不允許小工具儲存您輸入的內容。請在離開頁面前提交要求。
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
submit-retrying-unreached = 無法連線到支援服務，將在 { $seconds } 秒後再試一次。您輸入的內容都還保留著。
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
#   $status (Number) - the HTTP status code the service answered with (503, 429 or 500, usually)
submit-retrying-busy = 支援服務暫時無法接收要求（錯誤代碼：{ $status }），將在 { $seconds } 秒後再試一次。您輸入的內容都還保留著。
submit-retrying-unreached-announced = 無法連線到支援服務，稍後將自動再試一次。您輸入的內容都還保留著。
submit-retrying-busy-announced = 支援服務暫時無法接收要求，稍後將自動再試一次。您輸入的內容都還保留著。
submit-retry-now = 立即重試
submit-retry-stop = 停止
submit-offline = 您目前處於離線狀態。網路連線恢復後，將自動傳送要求。
# While a request waits for the portal to sign the user in again (their
# sign-in expired or was refused); it is sent once they have.
submit-session-ended = 您的工作階段已結束：請重新登入，然後再傳送。

## Escalation guidance: the rules (seeds 002 and 003)

escalation-reason-undocumented = 未記錄的服務問題：服務未依服務描述運作
escalation-reason-unavailable = 服務無法使用
escalation-reason-bug = 影響服務外觀或運作的錯誤或其他異常
escalation-reason-network = 大規模網路中斷
escalation-reason-regional = 影響多個租用戶的區域性問題
escalation-reason-lacks-means = 不屬於這五類：我們沒有解決此問題所需的訓練、文件或支援工具
partner-duty-account-set-up = 帳戶設定
partner-duty-accounts-and-billing = 帳戶和計費
partner-duty-how-to = 操作說明文章和常見問題集
partner-duty-updates = 服務和軟體更新
partner-duty-software-configuration = 軟體設定
partner-duty-client-connectivity = 用戶端連線和用戶端桌面
partner-duty-performance-availability = 您控制範圍內的效能和服務可用性問題
troubleshoot-software = 軟體：客戶使用的應用程式和用戶端
troubleshoot-settings = 設定：以系統管理員權限檢查客戶的服務設定
troubleshoot-configuration = 組態：網域、使用者、授權和原則

## Escalation guide (seeds 002 and 003)
home-filed = 支援要求
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
home-resume = 繼續填寫{ $customer }（{ $service }）的未提交要求
home-unsent-draft = 未傳送的草稿
list-unsent-reply = 未傳送的回覆
list-unread = 新動態
health-kind-incident = 事件
health-kind-advisory = 公告
health-status-investigating = 調查中
health-status-identified = 已找出原因
health-status-monitoring = 正在監控修正效果
health-status-resolved = 已解決
health-started = 開始於 { $time }
health-started-updated = 開始於 { $started }，更新於 { $updated }
health-loading = 正在載入服務健康狀態…
health-failed = 無法載入服務健康狀態。
guide-health-heading = 先檢查服務健康狀態
guide-health-intro = 以下是 { $service } 目前的事件和公告。如果其中之一就是您客戶的問題，表示 21Vianet 已經知道，請勿重複呈報。
guide-health-none = { $service } 目前沒有事件或公告。
guide-health-mine = 這就是我客戶的問題
guide-health-continue = 都不是，繼續
guide-already-known-heading = 21Vianet 已知悉此問題
guide-already-known-text = 此問題已列在服務健康狀態中，21Vianet 正在處理，因此不需要呈報。請通知您的客戶，並在服務健康狀態中追蹤進度。
guide-start-again = 重新開始
guide-progress = 第 { $step } 步，共 { $total } 步
guide-troubleshoot-heading = 以系統管理員權限進行疑難排解
guide-troubleshoot-intro = 呈報之前，請以系統管理員權限在客戶的系統管理中心檢查下列項目。勾選您已檢查的項目。
guide-troubleshoot-legend = 您已檢查的項目
guide-troubleshoot-none = 您尚未勾選任何檢查項目。請先以系統管理員權限進行疑難排解，未經疑難排解就呈報可能被視為不當呈報。如果無從檢查（例如服務已中斷），您也可以繼續。
guide-troubleshoot-anyway = 仍要繼續
guide-continue = 繼續
guide-category-heading = 問題屬於下列類別嗎？
guide-category-hand-off = 下列幾類問題需要呈報給 21Vianet。
guide-category-none = 都不是
guide-duties-heading = 這屬於您的支援範圍
guide-duties-point-of-contact = 對於您轉售的服務，您是客戶所有營運、計費和技術支援問題的聯絡窗口。
guide-duties-intro = 您需要全年無休（每天 24 小時、每年 365 天）自行為客戶提供支援，包括但不限於：
# On the partner's duties: ends the guide, nothing escalated.
guide-duties-decline = 我們會自行提供支援
# On the partner's duties: escalates the problem for want of the means
# to solve it (seed 003), after guide-remediation-heading.
guide-duties-lacks-means = 我們沒有解決此問題所需的訓練、文件或支援工具
# The guide's step before a request escalated with guide-duties-lacks-means.
guide-remediation-heading = 呈報您無法提供支援的問題
guide-remediation-definition = 21Vianet 提供呈報支援，即您因缺少必要的訓練、文件或支援工具而無法合理地為客戶提供的支援。
# 修復計劃 as seed 003 writes it, 計劃 included (not 計畫): it is the plan
# that 21Vianet's reseller agreement names, and the partner will hear it by
# that name when 21Vianet asks to meet.
guide-duties-remediation = 如果 21Vianet 認定您不當呈報問題，您同意應 21Vianet 的要求開會，討論修復計劃。
guide-remediation-continue = 繼續填寫要求
# The end of the guide after guide-duties-decline.
guide-own-support-heading = 未呈報任何問題
guide-own-support-recheck = 請自行為客戶提供此項支援。如果之後發現它屬於需要呈報給 21Vianet 的問題類別，或您沒有解決此問題所需的訓練、文件或支援工具，請重新完成此檢查後再呈報。
cr-escalation-label = 呈報

## Filed requests and their status
confirm-view-status = 檢視狀態
filed-heading = 支援要求
filed-intro = 從此裝置提交的合作夥伴中心要求和客戶要求。狀態由支援服務提供。
filed-empty = 您尚未從此裝置提交任何支援要求。
filed-clear = 清除此清單
filed-cleared = 清單已清空。您的要求仍保留在支援服務中。
# Variables:
#   $reference (String) - the reference of the request just taken off the list with status-forget
filed-removed = { $reference } 已從此清單中移除。
time-unknown = （時間不明）
filed-on = 提交於 { $time }
filed-status-unavailable = 無法載入狀態
filed-account-intro = 您登入後在任何裝置上提交的合作夥伴中心要求和客戶要求，以及從此裝置提交的要求。狀態由支援服務提供。
filed-account-empty = 您尚未提交任何支援要求。
filed-account-loading = 正在載入您的要求…
filed-account-failed = 無法載入您的所有要求，此處可能缺少部分要求。
filed-show-more = 顯示更多
filed-device-clear = 清除此裝置上的清單
filed-device-cleared = 此裝置不再保存清單。您登入後提交的要求仍由支援服務列出。
status-heading = 支援要求狀態
status-loading = 正在載入要求狀態…
status-failed = 無法載入要求狀態。
status-not-found = 支援服務找不到此要求。
status-forget = 從此清單中移除
status-label = 狀態
status-category-label = 類別
status-severity-label = 嚴重程度
status-attachments-label = 附件
status-refresh = 重新整理
status-checked = 檢查時間：{ $time }
status-announced = 狀態：{ $status }。檢查時間：{ $time }。
# What screen readers hear, once, of a change heard live on the request shown.
status-new-reply = { $name } 傳來了新回覆。
status-changed-live = 狀態已變為{ $status }。
status-history = 歷程記錄
status-replies = 對話
status-heading-message = 客戶詢問
reply-reader-customer = 您的客戶會看到此回覆。
reply-reader-support = 此回覆將傳送給 21Vianet。
reply-reader-partner = 您的合作夥伴會看到此回覆。
status-escalated-by-partner = 您的合作夥伴已將此問題呈報給 21Vianet。
status-escalated-by-partner-resolved = 您的合作夥伴已將此問題呈報給 21Vianet，21Vianet 已解決。
status-mark-resolved-ask = 您尚未回覆客戶。要在不回覆的情況下將此詢問標示為已解決嗎？
status-mark-resolved-confirm = 不回覆，標示為已解決
status-mark-resolved-reply-first = 先回覆
status-reply-role-customer = 客戶
status-reply-role-partner = 合作夥伴
status-reply-role-support = 支援人員
status-reply-label = 您的回覆
status-reply-send = 傳送回覆
status-reply-sending = 正在傳送您的回覆…
status-reply-kept = 您的回覆會保留在此裝置上，直到傳送為止。
status-reply-sent = 您的回覆已傳送。
status-escalated-as = 已呈報給 21Vianet（要求編號：{ $reference }）。
status-open-escalation = 開啟呈報要求
status-from-message = 此呈報來自{ $customer }的客戶詢問。
status-open-message = 開啟客戶詢問
status-close-loop = 問題解決後，請與客戶完成後續追蹤：告訴他們採取了哪些措施，並確認一切正常。
status-submitted = 已提交
status-in-progress = 處理中
status-resolved = 已解決
status-closed = 已關閉

## Customer self-service
help-heading = 需要什麼協助？
help-intro = 請先檢查服務健康狀態並搜尋說明文章。如果仍無法解決，請聯絡您的合作夥伴。
help-health-heading = 服務健康狀態
help-health-none = 所有服務都正常運作。
help-articles-heading = 說明文章
help-search-label = 搜尋說明文章
help-search-hint = 例如：重設密碼、新增使用者、發票
help-search-button = 搜尋
help-searching = 正在搜尋…
help-results = { $count ->
   *[other] 找到 { $count } 篇文章。
}
# Variables:
#   $count (Number) - how many articles are listed (the most a search lists)
help-results-first = 顯示前 { $count } 篇文章。請加入更多關鍵字以縮小搜尋範圍。
help-no-results = 沒有符合「{ $query }」的文章。請改用其他關鍵字，或聯絡您的合作夥伴。
help-search-failed = 無法搜尋說明文章。
help-in-english = 英文
help-question = 仍需要協助？
help-solved = 問題已解決
help-contact = 聯絡我的合作夥伴
help-solved-heading = 很高興能幫上忙
help-solved-text = 未傳送任何內容。歡迎隨時回來。
contact-heading = 聯絡您的合作夥伴
contact-intro-no-articles = 請描述問題。
contact-intro-seen = 請描述問題。您的合作夥伴會看到您搜尋到的說明文章。
contact-seen-heading = 您搜尋到的文章
confirm-next-partner = 您的合作夥伴會與您聯絡。請保留此編號，向合作夥伴詢問此要求時請提供此編號。
confirm-address-link-sent = 我們已將一個連結寄到您的電子郵件地址。透過此連結確認地址後，此要求的回覆將以電子郵件寄給您。在此之前，請在這部裝置上的「我的要求」中查看回覆。

## Attachments
attachments-legend = 螢幕擷取畫面和記錄檔（選填）
attachments-hint = 最多 { $count } 個檔案，每個不超過 { $size }，總計不超過 { $total }：PNG、JPEG、GIF 和 WebP 圖片、PDF、文字和記錄檔、zip 壓縮檔。
attachments-add = 新增檔案
attachments-drop = 也可以將檔案拖放到這裡，或將螢幕擷取畫面貼到表單中。
attachment-remove = 移除 { $name }
attachment-uploading = 正在上傳 { $name }
attachment-uploaded = 已上傳
attachment-failed = 上傳失敗。系統會自動重試，您也可以立即重試。
attachment-failed-stopped = 上傳失敗。請再試一次，或移除該檔案。
attachment-refused = { $reason ->
    [too-large] 支援服務未接受此檔案：檔案過大。移除該檔案後即可傳送要求。
    [type] 支援服務不接受此類型的檔案。移除該檔案後即可傳送要求。
    [empty] 支援服務未接受此檔案：檔案是空的。移除該檔案後即可傳送要求。
    [mismatch] 支援服務未接受此檔案：其實際內容與檔名或類型不符。移除該檔案後即可傳送要求。
   *[other] 支援服務未接受此檔案。移除該檔案後即可傳送要求。
}
attachment-offline = 正在等待網路連線。網路連線恢復後，將自動上傳該檔案。
attachment-unauthorized = 支援服務未接受您的登入資訊（錯誤代碼：{ $status }）。請重新登入，然後再試一次。
attachment-forbidden = 支援服務已接受您的登入資訊，但您沒有權限上傳檔案（錯誤代碼：{ $status }）。請聯絡網站管理員確認您的存取權限。
attachment-retry = 再試一次
attachment-download = 下載 { $name }
attachment-download-failed = 無法下載此檔案。
attachment-download-gone = 支援服務已找不到此檔案：它可能已被移除，或您已沒有權限存取它。
attachment-news-uploaded = 已上傳 { $name }。
attachment-news-failed = { $name } 無法上傳。
attachment-news-removed = 已移除 { $name }。
attachment-news-offline = 網路連線恢復後，將上傳 { $name }。
attachment-error-empty = { $name } 是空白檔案。
attachment-error-too-large = { $name } 超過 { $size }。
attachment-error-type = 無法附加 { $name }：請附加 PNG、JPEG、GIF 或 WebP 圖片、PDF、文字或記錄檔、zip 壓縮檔。
attachment-error-text = 無法將 { $name } 作為文字檔附加：僅接受以 UTF-8 編碼儲存的純文字，不接受 HTML、XML 或二進位資料。請將其放入 zip 壓縮檔，或改以 UTF-8 編碼儲存。
attachment-error-mismatch = { $name } 的實際內容與其檔名或類型不符，因此無法附加。
attachment-error-too-many = 未新增 { $name }：每個要求最多附加 { $count } 個檔案。
attachment-error-total = 未新增 { $name }：檔案總大小將超過 { $total }。
# Variables:
#   $name (String) - the file's name
attachment-error-already = { $name } 已經附加。
attachments-wait = 所有檔案上傳完成後，要求就會立即傳送。
attachments-wait-offline = 您目前處於離線狀態。網路連線恢復且所有檔案上傳完成後，要求就會立即傳送。
attachments-failed = 有檔案無法上傳。請再試一次或移除該檔案，然後再傳送要求。
error-attachments-gone = 支援服務中已沒有某個檔案。請移除該檔案，然後再新增一次。
error-attachments-too-many = 每個要求最多附加 { $count } 個檔案。請移除一些檔案。
error-attachments-too-large = 檔案總大小超過 { $total }。請移除一些檔案。
filed-away = 您的要求「{ $title }」現已提交，要求編號為 { $reference }。

## Customer messages: what customers sent their partner, and the loop back
home-inbox-title = 客戶詢問
home-inbox-text = 閱讀客戶傳送給您的內容，進行回覆、標示為已解決，或呈報給 21Vianet。
home-inbox-open = 未解決：{ $count }
inbox-heading = 客戶詢問
inbox-intro = 您的客戶從說明頁面傳送的內容，最新的在前。
inbox-filter-label = 顯示客戶詢問
inbox-show-open = 未解決
inbox-show-resolved = 已解決
inbox-loading = 正在載入客戶詢問…
inbox-failed = 無法載入客戶詢問。
inbox-empty-open = 沒有未解決的客戶詢問。
inbox-empty-resolved = 尚無已解決的客戶詢問。
inbox-close-loop = 21Vianet 已解決：請與客戶完成後續追蹤
status-description-label = 描述
status-contact-label = 聯絡人
status-articles-label = 客戶看到的說明文章
status-articles-label-own = 您看到的說明文章
status-mark-resolved = 標示為已解決
status-marking-resolved = 正在標示為已解決…
status-escalate = 呈報給 21Vianet
status-escalation-resolved = 21Vianet 已解決 { $reference }。請與客戶完成後續追蹤。
status-loop-closed = 21Vianet 已解決 { $reference }，對應的客戶詢問也已解決。
status-close-loop-heading = 與{ $customer }完成後續追蹤
status-close-loop-hint = 您的回覆會傳送給客戶，其客戶詢問會標示為已解決。
status-close-loop-send = 傳送並標示為已解決
escalation-back-to-message = 返回客戶詢問
help-my-requests = 我的要求
filed-customer-intro = 您傳送給合作夥伴的內容，以及其狀態和合作夥伴的回覆。
filed-customer-empty = 您尚未聯絡過您的合作夥伴。
status-reply-offline = 您已離線。連線恢復後將傳送您的回覆。
status-reply-retrying = 支援服務暫時無法接收您的回覆，稍後將自動再試一次。您的回覆已保留。
status-reply-wait-files = 請等候所有檔案上傳完成，再傳送您的回覆。

## A request opened by its link (open("request", id), open-request)

# The request the page opened, which the support service won't show this
# user: it doesn't exist, or it's someone else's.
opened-request-unreadable = 無法開啟此要求：它不存在，或者您沒有權限檢視。請檢查您開啟的連結，並確認您登入的是正確的帳戶。
