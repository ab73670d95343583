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
