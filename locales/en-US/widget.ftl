# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.

## The widget's frame

widget-title = Support
widget-subtitle = Partner Center, operated by 21Vianet
widget-language-label = Language
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español

## Problems with how the host page set the widget up

config-error-title = Support requests can't be sent from this page
config-error-backend-missing = This page doesn't say where to send support requests (the backend attribute is missing). Please let the site's administrator know.
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = This page's address for support requests, “{ $value }”, isn't a web address starting with https:// or http://. Please let the site's administrator know.

## Partner Center request

pc-heading = New Partner Center request
pc-intro = Report a problem you have with Partner Center itself. A support representative will contact you directly.
pc-category-legend = What is the problem about?
pc-category-technical = Technical
pc-category-billing = Billing
pc-category-customer-subscription-management = Customer and subscription management

## Form fields shared by the request forms

field-title-label = Summary
field-title-hint = One line, for example “Can't download the October invoice”.
field-description-label = Description
field-description-hint = What happened, what you expected instead, and any error message you saw.
field-contact-name-label = Your name
field-contact-email-label = Email address
field-contact-phone-label = Phone number (optional)
field-contact-language-label = Preferred contact language
field-contact-heading = How should we contact you?

## Validation, shown in the error summary and at the field

error-summary-title = There is a problem
error-required-category = Select what the problem is about
error-required-title = Enter a summary of the problem
error-required-description = Describe the problem
error-required-contact-name = Enter your name
error-required-contact-email = Enter your email address
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field } must be { $max } characters or fewer
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field } contains invisible control characters that can't be sent. Remove them and try again
error-invalid-email = Enter an email address in the correct format, like name@example.com
error-invalid-phone = Enter a phone number with 5 to 20 digits, like +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = { $field } has a value that isn't allowed. Choose another one
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = The support service didn't accept { $field }. Check it and try again

## Submitting

submit-button = Submit
submit-pending = Submitting your request…
submit-error-network = We couldn't reach the support service. Check your connection and try again. Everything you typed is still here.
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = The support service had a problem (error { $status }). Try again in a moment. Everything you typed is still here.
submit-error-response = The support service sent an answer we couldn't understand. Try again in a moment. Everything you typed is still here.
submit-error-too-large = The request is too large to send. Shorten the description and try again.
submit-retry = Try again

## Confirmation

confirm-heading = Request submitted
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = Your request's reference is { $reference }.
confirm-next = A support representative will contact you directly. Keep the reference to hand when they do.
confirm-new-request = Submit another request
