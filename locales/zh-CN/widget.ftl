# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.

## The widget's frame

widget-title = 支持
widget-subtitle = 由世纪互联运营的合作伙伴中心
widget-language-label = 语言
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español

## Launcher mode: the floating button and the panel it opens

launcher-open = 帮助和支持
launcher-close = 关闭

## Moving between screens

nav-back = 返回
nav-start-again = 返回首页

## Home: what the partner needs help with

home-heading = 需要什么帮助？
home-partner-center-title = 合作伙伴中心的问题
home-partner-center-text = 报告你在使用合作伙伴中心本身时遇到的问题，包括技术、计费以及客户和订阅管理方面的问题。
home-customer-title = 你的客户遇到的问题
home-customer-text = 查找该客户并尝试在其管理中心解决问题；如果客户仍需要帮助，请代表客户提交服务请求。
home-escalation-title = 上报问题之前
home-escalation-text = 请先检查服务运行状况，然后使用管理员权限排查问题。只有你无法合理地自行解决的问题，世纪互联才会受理上报。

## Problems with how the host page set the widget up

config-error-title = 无法从此页面发送支持请求
config-error-backend-missing = 此页面未指定支持请求的发送地址（缺少 backend 属性）。请告知网站管理员。
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = 此页面为支持请求设置的地址“{ $value }”不是以 https:// 或 http:// 开头的网址。请告知网站管理员。

## Partner Center request

pc-heading = 新建合作伙伴中心请求
pc-intro = 报告你在使用合作伙伴中心本身时遇到的问题。支持代表将直接与你联系。
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
customer-search-error = 无法加载客户列表。请检查网络连接，然后重试。
# Variables:
#   $count (Number) - how many customers match
customer-search-count = { $count ->
    [one] 找到 { $count } 个客户。使用上下箭头键进行选择。
   *[other] 找到 { $count } 个客户。使用上下箭头键进行选择。
}
load-retry = 重试

## Service choice

# Variables:
#   $customer (String) - the customer's name
service-heading = { $customer }需要哪项服务方面的帮助？
service-loading = 正在加载服务…
service-error = 无法加载服务。请检查网络连接，然后重试。
service-empty = 没有可供选择的服务。请告知网站管理员。

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
field-description-label = 描述
field-description-hint = 发生了什么情况、你原本预期的结果，以及看到的任何错误消息。
field-contact-name-label = 你的姓名
field-contact-email-label = 电子邮件地址
field-contact-phone-label = 电话号码（可选）
field-contact-language-label = 首选联系语言
field-contact-heading = 我们应如何与你联系？

## Validation, shown in the error summary and at the field

error-summary-title = 请更正以下问题
error-required-category = 请选择问题类别
error-required-title = 请输入问题摘要
error-required-description = 请描述问题
error-required-contact-name = 请输入你的姓名
error-required-contact-email = 请输入你的电子邮件地址
error-required-severity = 请选择问题的严重程度
error-required-customer = 请选择客户
error-required-service = 请选择服务
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field }不能超过 { $max } 个字符
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field }包含无法发送的不可见控制字符。请删除这些字符后重试
error-invalid-email = 请输入格式正确的电子邮件地址，例如 name@example.com
error-invalid-phone = 请输入 5 到 20 位数字的电话号码，例如 +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = { $field }的值无效，请重新选择
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = 支持服务未接受你填写的{ $field }，请检查后重试

## Submitting

submit-button = 提交
submit-pending = 正在提交你的请求…
submit-error-network = 无法连接到支持服务。请检查网络连接，然后重试。你输入的所有内容都已保留。
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = 支持服务出现问题（错误代码：{ $status }）。请稍后重试。你输入的所有内容都已保留。
submit-error-response = 支持服务返回了无法识别的响应。请稍后重试。你输入的所有内容都已保留。
submit-error-too-large = 请求内容过大，无法发送。请缩短描述后重试。
submit-retry = 重试

## Confirmation

confirm-heading = 请求已提交
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = 你的请求编号为 { $reference }。
confirm-next = 支持代表将直接与你联系。请保留好请求编号，以便届时使用。
confirm-new-request = 再提交一个请求

## Drafts, retries and offline

draft-restored = 已恢复你上次在这里输入的内容。在提交请求之前，这些内容会保存在此浏览器中。
draft-discard = 放弃草稿
notice-hide = 隐藏此消息
drafts-off = 草稿功能已关闭：此浏览器不允许小组件保存你输入的内容。请在离开页面前提交请求。
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
submit-retrying = 请求暂时无法发送。将在 { $seconds } 秒后重试… 你输入的所有内容都已保留。
submit-retry-now = 立即重试
submit-retry-stop = 停止
submit-offline = 你目前处于离线状态。网络恢复后将自动发送请求。

## Escalation guidance: the rules (seeds 002 and 003)

escalation-reason-undocumented = 未记录的服务问题：服务未按服务说明运行
escalation-reason-unavailable = 服务不可用
escalation-reason-bug = 影响服务外观或运行的 Bug 或其他异常
escalation-reason-network = 大规模网络中断
escalation-reason-regional = 影响多个租户的区域性问题
partner-duty-account-set-up = 帐户设置
partner-duty-accounts-and-billing = 帐户和计费
partner-duty-how-to = 操作指南文章和常见问题
partner-duty-updates = 服务和软件更新
partner-duty-software-configuration = 软件配置
partner-duty-client-connectivity = 客户端连接和客户端桌面
partner-duty-performance = 你的控制范围内的性能和可用性问题
troubleshoot-software = 软件：客户使用的应用和客户端
troubleshoot-settings = 设置：使用管理员权限检查客户的服务设置
troubleshoot-configuration = 配置：域、用户、许可证和策略
