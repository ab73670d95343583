# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.
# The key terms are in ../GLOSSARY.md; "escalate" is 呈报, as seed 001 (the
# page for Partner Center operated by 21Vianet) writes it, not 上报.

## The widget's frame

widget-title = 支持
widget-subtitle = 由世纪互联运营的合作伙伴中心
widget-subtitle-customer = 由你的合作伙伴提供
widget-language-label = 语言
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español
messages-unavailable = 无法加载{ $language }界面文字。请检查网络连接，然后重试。

## Launcher mode: the floating button and the panel it opens

launcher-open = 帮助和支持
launcher-close = 关闭
launcher-open-unread = 帮助和支持，{ $count } 条新消息
# Shown by the loader, without the widget, when the widget cannot load.
widget-unavailable = 无法加载帮助。请检查网络连接，然后重试。

## Moving between screens

nav-back = 返回
nav-start-again = 返回首页

## Home: what the partner needs help with

home-heading = 需要什么帮助？
home-partner-center-title = 合作伙伴中心的问题
home-partner-center-text = 报告你在使用合作伙伴中心本身时遇到的问题，包括技术、计费以及客户和订阅管理方面的问题。
home-customer-title = 你的客户遇到的问题
home-customer-text = 查找该客户并尝试在其管理中心解决问题；如果客户仍需要帮助，请检查服务运行状况，然后代表客户呈报给世纪互联。
home-escalation-title = 呈报问题之前
home-escalation-text = 请先检查服务运行状况，然后使用管理员权限排查问题。只有你无法合理地自行解决的问题，世纪互联才会受理呈报。

## Problems with how the host page set the widget up

config-error-title = 无法从此页面发送支持请求
config-error-backend-missing = 此页面未指定支持请求的发送地址（缺少 backend 属性）。请告知网站管理员。
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = 此页面为支持请求设置的地址“{ $value }”不是以 https:// 或 http:// 开头的网址。请告知网站管理员。
config-error-backend-credentials = 此页面为支持请求设置的地址中包含用户名或密码，这些信息绝不应出现在网页中。请告知网站管理员。

## Partner Center request

pc-heading = 新建合作伙伴中心请求
# Above the confirmation, once the request is filed.
pc-heading-filed = 合作伙伴中心请求
pc-intro = 报告你在使用合作伙伴中心本身时遇到的问题。世纪互联的支持代表将直接与你联系。
pc-category-legend = 问题属于哪一类？
pc-category-technical = 技术
pc-category-billing = 计费
pc-category-customer-subscription-management = 客户和订阅管理

## Customer search

customer-search-heading = 哪个客户需要帮助？
customer-search-label = 客户名称或域名
customer-search-hint = 输入客户名称或域名的一部分，例如“contoso”。
customer-search-loading = 正在搜索…
# Variables:
#   $query (String) - what the partner typed
customer-search-empty = 没有与“{ $query }”匹配的客户。请检查拼写，或按域名搜索。
customer-search-failed = 无法加载客户列表。
# Variables:
#   $count (Number) - how many customers match
customer-search-found = 找到 { $count } 个客户。
# Variables:
#   $count (Number) - how many customers are listed (the most a search lists)
customer-search-first = 显示前 { $count } 个匹配的客户。继续输入客户名称或域名可缩小范围。
customer-search-keys = 使用上下箭头键进行选择。
load-error-unauthorized = 支持服务未接受你的登录信息（错误代码：{ $status }）。请刷新页面或重新登录，然后重试。
load-error-forbidden = 支持服务已接受你的登录信息，但你无权访问此内容（错误代码：{ $status }）。请联系网站管理员检查你的访问权限。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-network = { $what }无法连接到支持服务。请检查网络连接，或稍后重试。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-service = { $what }支持服务暂时无法正常响应，请稍后重试。
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
#   $status (Number) - 404 or 405
load-failed-not-found = { $what }在此页面设置的支持请求地址上找不到支持服务（错误代码：{ $status }）。请告知网站管理员。
load-retry = 重试

## Service choice

# Variables:
#   $customer (String) - the customer's name
service-heading = { $customer }需要哪项服务方面的帮助？
service-loading = 正在加载服务…
service-failed = 无法加载服务。
service-empty = 没有可供选择的服务。请告知网站管理员。
service-suggested = 建议

## Self-help in the customer's admin center

self-help-heading = 请先尝试在管理中心解决
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name, such as Office 365
self-help-text = 你或许可以在 { $service } 管理中心解决{ $customer }的问题，或指导客户自行解决。
# Variables:
#   $service (String) - the service's name, such as Office 365
self-help-open = 打开 { $service } 管理中心
self-help-new-tab = （在新标签页中打开）
self-help-question = 问题解决了吗？
self-help-solved = 是，已解决
self-help-still-needs-help = 否，客户仍需要帮助

solved-heading = 很高兴问题已解决
solved-text = 未发送任何请求。如果问题再次出现，你可以随时提交请求。

## Service request for a customer

cr-heading = 新建服务请求
# Above the confirmation, once the request is filed.
cr-heading-filed = 服务请求
cr-intro = 请填写支持详细信息。世纪互联的支持代表将直接与你联系。
cr-customer-label = 客户
cr-service-label = 服务
severity-legend = 问题的严重程度如何？
severity-critical = 严重
severity-critical-hint = 服务中断或无法使用，客户的业务受到严重影响。
severity-moderate = 中等
severity-moderate-hint = 客户仍可继续工作，但有困难。
severity-minimal = 轻微
severity-minimal-hint = 一般咨询，或对客户业务影响很小的问题。

## Form fields shared by the request forms

field-title-label = 摘要
field-title-hint = 用一句话概括，例如“无法下载 10 月的发票”。
field-title-hint-service = 用一句话概括，例如“无法登录 Outlook”。
field-description-label = 描述
field-description-hint = 发生了什么情况、你原本预期的结果，以及看到的任何错误消息。
# Variables:
#   $count (Number) - how many more characters the field takes
field-characters-left = 还可以输入 { $count } 个字符
# Variables:
#   $count (Number) - how many characters the text has beyond the limit
field-characters-over = 超出 { $count } 个字符
field-contact-name-label = 你的姓名
field-contact-email-label = 电子邮件地址
field-contact-phone-label = 电话号码（可选）
field-contact-language-label = 首选联系语言
# The contact form (a customer writing to its partner): the service the problem is with, chosen from the backend's list; optional.
field-service-label = 服务（可选）
field-service-hint = 如果知道，请选择出现问题的服务。
# The first choice of field-service-label: no service named.
field-service-not-sure = 不确定
field-contact-heading = 我们应如何与你联系？
# In place of the name and email fields, when the portal has signed the
# user in: whom the request goes from.
# Variables:
#   $name (String) - the user's name, as the portal's sign-in gives it
#   $email (String) - the user's email address, as the portal's sign-in gives it
field-contact-sending-as = 将以{ $name }（{ $email }）的身份发送

## Validation, shown in the error summary and at the field

error-summary-title = 请更正以下问题
error-required-category = 请选择问题类别
error-required-title = 请输入问题摘要
error-required-description = 请描述问题
error-required-contact-name = 请输入你的姓名
error-required-contact-email = 请输入你的电子邮件地址
error-required-severity = 请选择问题的严重程度
error-required-reply = 请输入你的回复
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field }不能超过 { $max } 个字符
error-too-long-description = { $field }不能超过 { $max } 个字符。较长的日志或文本请改为以文件形式添加
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field }包含无法发送的不可见控制字符。请删除这些字符后重试
error-invalid-email = 请输入格式正确的电子邮件地址，例如 name@example.com
error-invalid-phone = 请输入 5 到 20 位数字的电话号码，例如 +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = “{ $field }”的值无效，请重新选择
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = 支持服务未接受你填写的{ $field }，请检查后重试
# The customer or service chosen before the form is no longer known to the support service.
error-customer-unknown = 支持服务已无法识别此客户。请返回并重新选择客户
error-service-unknown = 支持服务已无法识别此服务。请返回并重新选择服务
# The service the contact form's select offered is no longer known to the support service.
error-service-not-offered = 支持服务已无法识别此服务。请选择其他服务，或选择“不确定”
# An error about a part of the request that the form doesn't show.
error-request-not-accepted = 支持服务未接受此请求。请重试；如果问题再次出现，请联系门户的支持团队
error-sent-before-changes = 你在最近一次修改之前发送过此请求，那次发送已到达支持服务，可能已按当时的内容提交。如果再次发送，将按现在的内容另行提交一个新请求。

## Submitting

submit-button = 提交
submit-pending = 正在提交你的请求…
submit-slow = 支持服务的响应时间比平时长。你的请求仍在发送中，输入的所有内容都已保留。
submit-waiting = 等待发送…
submit-error-network = 无法连接到支持服务。支持服务可能暂时不可用，请检查网络连接，或稍后重试。
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = 支持服务出现问题（错误代码：{ $status }）。请稍后重试。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $minutes (Number) - how long the service asked to wait, in minutes (2 to 119)
submit-error-wait-minutes = 支持服务要求等待 { $minutes } 分钟后再发送（错误代码：{ $status }）。请在此之后重试。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $hours (Number) - how long the service asked to wait, in hours (2 to 47)
submit-error-wait-hours = 支持服务要求等待 { $hours } 小时后再发送（错误代码：{ $status }）。请在此之后重试。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $days (Number) - how long the service asked to wait, in days (2 to 30)
submit-error-wait-days = 支持服务要求等待 { $days } 天后再发送（错误代码：{ $status }）。请在此之后重试。
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
# Said when the service asked to wait more than 30 days.
submit-error-wait-longer = 支持服务要求等待一个多月后再发送（错误代码：{ $status }）。请在此之后重试。
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
submit-error-unauthorized = 支持服务未接受你的登录信息（错误代码：{ $status }）。请刷新页面或重新登录，然后重试。
# Variables:
#   $status (Number) - 403: the sign-in was accepted, but its role may not do this
submit-error-forbidden = 支持服务已接受你的登录信息，但你无权执行此操作（错误代码：{ $status }）。请联系网站管理员检查你的访问权限。
# Variables:
#   $status (Number) - 404 or 405
submit-error-not-found = 在此页面设置的支持请求地址上找不到支持服务（错误代码：{ $status }），因此无法从此处发送请求。请告知网站管理员。
submit-error-request-gone = 支持服务已找不到此请求：它可能已被删除，或者你已无权访问它。
submit-error-unreadable = 支持服务已响应，但无法读取其响应内容，因此无法显示请求编号。请求可能已经提交。请稍后重试；只要内容不做更改，就不会重复提交。
submit-error-too-large = 请求内容过大，无法发送。请缩短描述后重试。
submit-kept = { $reason }你输入的所有内容都已保留。
reply-error-unreadable = 支持服务已响应，但无法读取其响应内容，因此无法显示此回复。回复可能已经保存。请再次发送；只要内容不做更改，就不会重复保存。
status-error-unreadable = 支持服务已响应，但无法读取其响应内容：请求可能已经标记为已解决。请先查看其状态，再决定是否重试。
submit-retry = 重试

## Confirmation

confirm-heading = 请求已提交
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = 你的请求编号为 { $reference }。
# What screen readers hear of a request filed while the user was on the page.
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-announcement = 请求已提交。你的请求编号为 { $reference }。
confirm-next = 世纪互联的支持代表将直接与你联系。请保存好请求编号，联系时可能需要提供。
confirm-new-request = 再提交一个请求

## Drafts, retries and offline

draft-restored = 已恢复你上次在这里输入的内容。在提交请求之前，这些内容会保存在此浏览器中。
draft-discard = 放弃草稿
draft-discarded = 已放弃草稿。
draft-undo = 撤销
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
draft-typed-for = 此处填写的内容原本是为{ $customer }（{ $service }）准备的。请确认它适用于当前客户和服务，或放弃草稿。
notice-hide = 隐藏此消息
drafts-off = 草稿功能已关闭：此浏览器不允许小组件保存你输入的内容。请在离开页面前提交请求。
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
submit-retrying-unreached = 无法连接到支持服务，将在 { $seconds } 秒后重试。你输入的所有内容都已保留。
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
#   $status (Number) - the HTTP status code the service answered with (503, 429 or 500, usually)
submit-retrying-busy = 支持服务暂时无法接收请求（错误代码：{ $status }），将在 { $seconds } 秒后重试。你输入的所有内容都已保留。
submit-retrying-unreached-announced = 无法连接到支持服务，稍后将自动重试。你输入的所有内容都已保留。
submit-retrying-busy-announced = 支持服务暂时无法接收请求，稍后将自动重试。你输入的所有内容都已保留。
submit-retry-now = 立即重试
submit-retry-stop = 停止
submit-offline = 你目前处于离线状态。网络恢复后将自动发送请求。
# While a request waits for the portal to sign the user in again (their
# sign-in expired or was refused); it is sent once they have.
submit-session-ended = 你的会话已结束：请重新登录，然后再发送。

## Escalation guidance: the rules (seeds 002 and 003)

escalation-reason-undocumented = 未记录的服务问题：服务未按服务描述运行
escalation-reason-unavailable = 服务不可用
escalation-reason-bug = 影响服务外观或运行的 Bug 或其他异常
escalation-reason-network = 大规模网络中断
escalation-reason-regional = 影响多个租户的区域性问题
escalation-reason-lacks-means = 不属于这五类：我们没有解决此问题所需的培训、文档或支持工具
partner-duty-account-set-up = 帐户设置
partner-duty-accounts-and-billing = 帐户和计费
partner-duty-how-to = 操作指南文章和常见问题
partner-duty-updates = 服务和软件更新
partner-duty-software-configuration = 软件配置
partner-duty-client-connectivity = 客户端连接和客户端桌面
partner-duty-performance-availability = 你的控制范围内的性能和服务可用性问题
troubleshoot-software = 软件：客户使用的应用和客户端
troubleshoot-settings = 设置：使用管理员权限检查客户的服务设置
troubleshoot-configuration = 配置：域名、用户、许可证和策略

## Escalation guide (seeds 002 and 003)
home-filed = 支持请求
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
home-resume = 继续填写{ $customer }（{ $service }）的未提交请求
home-unsent-draft = 未发送的草稿
list-unsent-reply = 未发送的回复
list-unread = 新动态
health-kind-incident = 事件
health-kind-advisory = 公告
health-status-investigating = 正在调查
health-status-identified = 已确定原因
health-status-monitoring = 正在监控修复效果
health-status-resolved = 已解决
health-started = 开始于 { $time }
health-started-updated = 开始于 { $started }，更新于 { $updated }
health-loading = 正在加载服务运行状况…
health-failed = 无法加载服务运行状况。
guide-health-heading = 先检查服务运行状况
# Variables:
#   $service (String) - the service's name
guide-health-intro = 以下是 { $service } 当前的事件和公告。如果其中之一就是你客户的问题，说明世纪互联已经知晓，请勿重复呈报。
guide-health-none = { $service } 当前没有事件或公告。
guide-health-mine = 这就是我客户的问题
guide-health-continue = 都不是，继续
guide-already-known-heading = 世纪互联已知晓此问题
guide-already-known-text = 此问题已列在服务运行状况中，世纪互联正在处理，因此无需呈报。请告知你的客户，并在服务运行状况中关注进展。
guide-start-again = 重新开始
guide-progress = 第 { $step } 步，共 { $total } 步
guide-troubleshoot-heading = 使用管理员权限排查问题
guide-troubleshoot-intro = 呈报之前，请使用管理员权限在客户的管理中心检查以下各项。勾选你已检查的项目。
guide-troubleshoot-legend = 你已检查的项目
guide-troubleshoot-none = 你还没有勾选任何检查项目。请先使用管理员权限排查问题，未经排查就呈报可能被视为不当呈报。如果无从检查（例如服务已中断），也可以继续。
guide-troubleshoot-anyway = 仍然继续
guide-continue = 继续
guide-category-heading = 问题属于以下类别吗？
guide-category-hand-off = 以下几类问题需要呈报给世纪互联。
guide-category-none = 都不是
guide-duties-heading = 这属于你的支持范围
guide-duties-point-of-contact = 对于你转售的服务，你是客户所有运营、计费和技术支持问题的联系人。
guide-duties-intro = 你需要全年无休（每天 24 小时、每年 365 天）自行为客户提供支持，包括但不限于：
# On the partner's duties: ends the guide, nothing escalated.
guide-duties-decline = 我们自行提供支持
# On the partner's duties: escalates the problem for want of the means
# to solve it (seed 003), after guide-remediation-heading.
guide-duties-lacks-means = 我们没有解决此问题所需的培训、文档或支持工具
# The guide's step before a request escalated with guide-duties-lacks-means.
guide-remediation-heading = 呈报你无法提供支持的问题
guide-remediation-definition = 世纪互联提供呈报支持，即你因缺少必要的培训、文档或支持工具而无法合理地为客户提供的支持。
guide-duties-remediation = 如果世纪互联认定你不当呈报问题，你同意应世纪互联的要求会面，商讨修正计划。
guide-remediation-continue = 继续填写请求
# The end of the guide after guide-duties-decline.
guide-own-support-heading = 未呈报任何问题
guide-own-support-recheck = 请自行为客户提供此项支持。如果之后发现它属于需要呈报给世纪互联的问题类别，或者你没有解决此问题所需的培训、文档或支持工具，请重新完成此检查后再呈报。
cr-escalation-label = 呈报

## Filed requests and their status
confirm-view-status = 查看状态
filed-heading = 支持请求
filed-intro = 从此设备提交的合作伙伴中心请求和客户请求。状态来自支持服务。
filed-empty = 你尚未从此设备提交任何支持请求。
filed-clear = 清除此列表
filed-cleared = 列表已清空。你的请求仍保留在支持服务中。
# Variables:
#   $reference (String) - the reference of the request just taken off the list with status-forget
filed-removed = { $reference } 已从此列表中移除。
time-unknown = （时间未知）
filed-on = 提交于 { $time }
filed-status-unavailable = 无法加载状态
filed-account-intro = 你登录后在任何设备上提交的合作伙伴中心请求和客户请求，以及从此设备提交的请求。状态来自支持服务。
filed-account-empty = 你尚未提交任何支持请求。
filed-account-loading = 正在加载你的请求…
filed-account-failed = 未能加载你的全部请求，此处可能缺少部分请求。
filed-show-more = 显示更多
filed-device-clear = 清除此设备上的列表
filed-device-cleared = 此设备不再保存列表。你登录后提交的请求仍由支持服务列出。
status-heading = 支持请求状态
status-loading = 正在加载请求状态…
status-failed = 无法加载请求状态。
status-not-found = 支持服务找不到此请求。
status-forget = 从此列表中移除
status-label = 状态
status-category-label = 类别
status-severity-label = 严重程度
status-attachments-label = 附件
status-refresh = 刷新
status-checked = 检查时间：{ $time }
status-announced = 状态：{ $status }。检查时间：{ $time }。
# What screen readers hear, once, of a change heard live on the request shown.
status-new-reply = { $name } 发来了新回复。
status-changed-live = 状态已变为{ $status }。
status-history = 历史记录
status-replies = 对话
status-heading-message = 客户咨询
reply-reader-customer = 你的客户会看到此回复。
reply-reader-support = 此回复将发送给世纪互联。
reply-reader-partner = 你的合作伙伴会看到此回复。
status-escalated-by-partner = 你的合作伙伴已将此问题呈报给世纪互联。
status-escalated-by-partner-resolved = 你的合作伙伴已将此问题呈报给世纪互联，世纪互联已解决。
status-mark-resolved-ask = 你尚未回复客户。要在不回复的情况下将此咨询标记为已解决吗？
status-mark-resolved-confirm = 不回复，标记为已解决
status-mark-resolved-reply-first = 先回复
status-reply-role-customer = 客户
status-reply-role-partner = 合作伙伴
status-reply-role-support = 支持代表
status-reply-label = 你的回复
status-reply-send = 发送回复
status-reply-sending = 正在发送你的回复…
status-reply-kept = 你的回复会保存在此设备上，直到发送为止。
status-reply-sent = 你的回复已发送。
status-escalated-as = 已呈报给世纪互联（请求编号：{ $reference }）。
status-open-escalation = 打开呈报请求
status-from-message = 此呈报来自{ $customer }的客户咨询。
status-open-message = 打开客户咨询
status-close-loop = 问题解决后，请及时告知客户：说明采取了哪些措施，并确认一切已恢复正常。
status-submitted = 已提交
status-in-progress = 处理中
status-resolved = 已解决
status-closed = 已关闭

## Customer self-service
help-heading = 需要什么帮助？
help-intro = 请先检查服务运行状况并搜索帮助文章。如果仍无法解决，请联系你的合作伙伴。
help-health-heading = 服务运行状况
help-health-none = 所有服务均运行正常。
help-articles-heading = 帮助文章
help-search-label = 搜索帮助文章
help-search-hint = 例如：重置密码、添加用户、发票
help-search-button = 搜索
help-searching = 正在搜索…
help-results = { $count ->
   *[other] 找到 { $count } 篇文章。
}
# Variables:
#   $count (Number) - how many articles are listed (the most a search lists)
help-results-first = 显示前 { $count } 篇文章。请添加更多关键词以缩小搜索范围。
help-no-results = 没有与“{ $query }”匹配的文章。请尝试其他关键词，或联系你的合作伙伴。
help-search-failed = 无法搜索帮助文章。
help-in-english = 英文
help-question = 仍需要帮助？
help-solved = 问题已解决
help-contact = 联系我的合作伙伴
help-solved-heading = 很高兴能帮到你
help-solved-text = 没有发送任何信息。如有需要，欢迎随时回来。
contact-heading = 联系你的合作伙伴
contact-intro-no-articles = 请描述问题。
contact-intro-seen = 请描述问题。你的合作伙伴将看到你搜索到的帮助文章。
contact-seen-heading = 你搜索到的文章
confirm-next-partner = 你的合作伙伴将与你联系。请保留好请求编号，向合作伙伴询问此请求时请提供该编号。
confirm-address-link-sent = 我们已向你的电子邮件地址发送了一个链接。用它确认该地址后，此请求的回复将通过电子邮件发送给你。在此之前，请在此设备上的“我的请求”中查看回复。

## Attachments
attachments-legend = 屏幕截图和日志（可选）
attachments-hint = 最多 { $count } 个文件，每个不超过 { $size }，总计不超过 { $total }：PNG、JPEG、GIF 和 WebP 图片、PDF、文本和日志文件、zip 压缩文件。
attachments-add = 添加文件
attachments-drop = 也可以将文件拖放到此处，或将屏幕截图粘贴到表单中。
attachment-remove = 移除 { $name }
attachment-uploading = 正在上传 { $name }
attachment-uploaded = 已上传
attachment-failed = 上传失败。系统会自动重试，你也可以立即重试。
attachment-failed-stopped = 上传失败。请重试，或移除该文件。
attachment-refused = { $reason ->
    [too-large] 支持服务未接受此文件：文件过大。移除该文件后即可发送请求。
    [type] 支持服务不接受此类型的文件。移除该文件后即可发送请求。
    [empty] 支持服务未接受此文件：文件为空。移除该文件后即可发送请求。
    [mismatch] 支持服务未接受此文件：其实际内容与文件名或类型不符。移除该文件后即可发送请求。
   *[other] 支持服务未接受此文件。移除该文件后即可发送请求。
}
attachment-offline = 正在等待网络连接。网络恢复后将自动上传该文件。
attachment-unauthorized = 支持服务未接受你的登录信息（错误代码：{ $status }）。请重新登录，然后重试。
attachment-forbidden = 支持服务已接受你的登录信息，但你无权上传文件（错误代码：{ $status }）。请联系网站管理员检查你的访问权限。
attachment-retry = 重试
attachment-download = 下载 { $name }
attachment-download-failed = 无法下载此文件。
attachment-download-gone = 支持服务已找不到此文件：它可能已被删除，或者你已无权访问它。
attachment-news-uploaded = 已上传 { $name }。
attachment-news-failed = { $name } 未能上传。
attachment-news-removed = 已移除 { $name }。
attachment-news-offline = 网络恢复后将上传 { $name }。
attachment-error-empty = { $name } 是空文件。
attachment-error-too-large = { $name } 超过了 { $size }。
attachment-error-type = 无法附加 { $name }：请附加 PNG、JPEG、GIF 或 WebP 图片、PDF、文本或日志文件、zip 压缩文件。
attachment-error-text = 无法将 { $name } 作为文本文件附加：仅接受以 UTF-8 编码保存的纯文本，不接受 HTML、XML 或二进制数据。请将其放入 zip 压缩文件，或以 UTF-8 编码重新保存。
attachment-error-mismatch = { $name } 的实际内容与其文件名或类型不符，因此无法附加。
attachment-error-too-many = 未添加 { $name }：每个请求最多附加 { $count } 个文件。
attachment-error-total = 未添加 { $name }：文件总大小将超过 { $total }。
# Variables:
#   $name (String) - the file's name
attachment-error-already = { $name } 已附加。
attachments-wait = 所有文件上传完毕后，请求将立即发送。
attachments-wait-offline = 你目前处于离线状态。网络恢复且所有文件上传完毕后，请求将立即发送。
attachments-failed = 有文件未能上传。请重试或移除该文件，然后再发送请求。
error-attachments-gone = 支持服务中已没有某个文件。请移除该文件，然后重新添加。
error-attachments-too-many = 每个请求最多附加 { $count } 个文件。请移除一些文件。
error-attachments-too-large = 文件总大小超过了 { $total }。请移除一些文件。
filed-away = 你的请求“{ $title }”现已提交，请求编号为 { $reference }。

## Customer messages: what customers sent their partner, and the loop back
home-inbox-title = 客户咨询
home-inbox-text = 阅读客户发给你的内容，进行回复、标记为已解决，或呈报给世纪互联。
home-inbox-open = 未解决：{ $count }
inbox-heading = 客户咨询
inbox-intro = 你的客户从帮助页面发来的内容，最新的在前。
inbox-filter-label = 显示客户咨询
inbox-show-open = 未解决
inbox-show-resolved = 已解决
inbox-loading = 正在加载客户咨询…
inbox-failed = 无法加载客户咨询。
inbox-empty-open = 没有未解决的客户咨询。
inbox-empty-resolved = 还没有已解决的客户咨询。
inbox-close-loop = 世纪互联已解决：请告知客户处理结果
status-description-label = 描述
status-contact-label = 联系人
status-articles-label = 客户看到的帮助文章
status-articles-label-own = 你看到的帮助文章
status-mark-resolved = 标记为已解决
status-marking-resolved = 正在标记为已解决…
status-escalate = 呈报给世纪互联
status-escalation-resolved = 世纪互联已解决 { $reference }。请告知客户处理结果。
status-loop-closed = 世纪互联已解决 { $reference }，对应的客户咨询也已解决。
status-close-loop-heading = 告知{ $customer }处理结果
status-close-loop-hint = 你的回复将发送给客户，其客户咨询将标记为已解决。
status-close-loop-send = 发送并标记为已解决
escalation-back-to-message = 返回客户咨询
help-my-requests = 我的请求
filed-customer-intro = 你发给合作伙伴的内容，以及其状态和合作伙伴的回复。
filed-customer-empty = 你尚未联系过你的合作伙伴。
status-reply-offline = 你已离线。连接恢复后将发送你的回复。
status-reply-retrying = 支持服务暂时无法接收你的回复，稍后将自动重试。你的回复已保存。
status-reply-wait-files = 请等待所有文件上传完成，然后发送你的回复。

## A request opened by its link (open("request", id), open-request)

# The request the page opened, which the support service won't show this
# user: it doesn't exist, or it's someone else's.
opened-request-unreadable = 无法打开此请求：它不存在，或者你无权查看。请检查你打开的链接，并确认你登录的是正确的帐户。
