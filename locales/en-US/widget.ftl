# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.

## The widget's frame

widget-title = Support
# Under the title: whose support this is, by audience.
widget-subtitle = Partner Center operated by 21Vianet
widget-subtitle-customer = Provided by your partner
widget-language-label = Language
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español
# Shown when the messages of the language the user chose could not be fetched.
# Variables:
#   $language (String) - the chosen language's name
messages-unavailable = The texts in { $language } couldn't be loaded. Check your connection and try again.

## Launcher mode: the floating button and the panel it opens

launcher-open = Help and support
launcher-close = Close
# The launcher's name while its badge counts what is new for the user
# (requests someone else answered or changed since the user last opened
# them; for partner staff also customer messages nobody has answered).
# Variables:
#   $count (Number) - how many, 1 or more
launcher-open-unread = Help and support, { $count } new
# Shown by the loader, without the widget, when the widget cannot load.
widget-unavailable = Help couldn't be loaded. Check your connection and try again.

## Moving between screens

nav-back = Back
nav-start-again = Back to start

## Home: what the partner needs help with

home-heading = How can we help?
home-partner-center-title = A problem with Partner Center
home-partner-center-text = Report a problem you have with Partner Center itself: technical, billing, or customer and subscription management.
home-customer-title = A problem one of your customers has
home-customer-text = Find the customer, try their admin center, and if they still need help, check service health and escalate it to 21Vianet on their behalf.
home-escalation-title = Before you escalate
home-escalation-text = Check service health first, then troubleshoot with admin privileges. 21Vianet takes escalations only for problems you can't reasonably solve yourself.

## Problems with how the host page set the widget up

config-error-title = Support requests can't be sent from this page
config-error-backend-missing = This page doesn't say where to send support requests (the backend attribute is missing). Please let the site's administrator know.
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = This page's address for support requests, “{ $value }”, isn't a web address starting with https:// or http://. Please let the site's administrator know.
config-error-backend-credentials = This page's address for support requests contains a user name or password, which must never be part of a web page. Please let the site's administrator know.

## Partner Center request

pc-heading = New Partner Center request
# Above the confirmation, once the request is filed.
pc-heading-filed = Partner Center request
pc-intro = Report a problem you have with Partner Center itself. A support representative from 21Vianet will contact you directly.
pc-category-legend = What is the problem about?
pc-category-technical = Technical
pc-category-billing = Billing
pc-category-customer-subscription-management = Customer and subscription management

## Customer search

customer-search-heading = Which customer needs help?
customer-search-label = Customer name or domain
customer-search-hint = Type part of the customer's name or domain, for example “contoso”.
customer-search-loading = Searching…
# Variables:
#   $query (String) - what the partner typed
customer-search-empty = No customer matches “{ $query }”. Check the spelling, or search by domain.
customer-search-failed = Customers couldn't be loaded.
# Variables:
#   $count (Number) - how many customers match
customer-search-found = { $count ->
    [one] One customer found.
   *[other] { $count } customers found.
}
# Instead of customer-search-found when the list holds as many customers as
# the support service sends at most: there may be more.
# Variables:
#   $count (Number) - how many customers are listed (the most a search lists)
customer-search-first = Showing the first { $count } customers. Type more of the name or domain to narrow the list.
# After customer-search-found, for keyboards only (not shown on touch screens).
customer-search-keys = Use the up and down arrows to choose.
# A lookup (customers, services, health, articles, status) refused the sign-in.
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
load-error-unauthorized = The support service didn't accept your sign-in (error { $status }). Reload the page or sign in again, then try again.
# A lookup refused by the backend for who the user is (403): the sign-in is
# valid, but its role may not see this. Trying again won't mend it.
# Variables:
#   $status (Number) - 403
load-error-forbidden = The support service accepted your sign-in, but it doesn't give you access to this (error { $status }). Please ask the site's administrator to check your access.
# After what could not be loaded (customer-search-failed, service-failed and
# the like) when the support service could not be reached.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-network = { $what } The support service couldn't be reached: check your connection, or try again in a moment.
# The same when the support service answered with an error, or with an answer
# the widget cannot read.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-service = { $what } The support service had a problem answering. Try again in a moment.
# The same when no support service answered at the backend's address (the
# page's backend attribute is wrong: 404 or 405), which trying again won't mend.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
#   $status (Number) - 404 or 405
load-failed-not-found = { $what } The support service wasn't found at this page's address for support requests (error { $status }). Please let the site's administrator know.
load-retry = Try again

## Service choice

# Variables:
#   $customer (String) - the customer's name
service-heading = Which service does { $customer } need help with?
service-loading = Loading services…
service-failed = Services couldn't be loaded.
service-empty = There are no services to choose from. Please let the site's administrator know.
# On the service the portal suggested (element.prefill), beside its name.
service-suggested = Suggested

## Self-help in the customer's admin center

self-help-heading = Try the admin center first
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name, such as Office 365
self-help-text = You may be able to solve { $customer }'s problem in the { $service } admin center, or show the customer how to solve it themselves.
# Variables:
#   $service (String) - the service's name, such as Office 365
self-help-open = Open the { $service } admin center
self-help-new-tab = (opens in a new tab)
self-help-question = Did that solve the problem?
self-help-solved = Yes, it's solved
self-help-still-needs-help = No, the customer still needs help

solved-heading = Glad it's solved
solved-text = Nothing was sent. If the problem comes back, you can file a request at any time.

## Service request for a customer

cr-heading = New service request
# Above the confirmation, once the request is filed.
cr-heading-filed = Service request
cr-intro = Fill in the support details. A support representative from 21Vianet will contact you directly.
cr-customer-label = Customer
cr-service-label = Service
severity-legend = How severe is the problem?
severity-critical = Critical
severity-critical-hint = The service is down or unusable, and the customer's business is seriously affected.
severity-moderate = Moderate
severity-moderate-hint = The customer can still work, with difficulty.
severity-minimal = Minimal
severity-minimal-hint = A question, or a problem with little effect on the customer's business.

## Form fields shared by the request forms

field-title-label = Summary
field-title-hint = One line, for example “Can't download the October invoice”.
# The same, on the forms about a customer's service.
field-title-hint-service = One line, for example “Can't sign in to Outlook”.
field-description-label = Description
field-description-hint = What happened, what you expected instead, and any error message you saw.
# Under the summary and the description, once the text nears the field's limit.
# Variables:
#   $count (Number) - how many more characters the field takes
field-characters-left = { $count ->
    [one] You have { $count } character left
   *[other] You have { $count } characters left
}
# Under the summary and the description, when the text is over the field's limit.
# Variables:
#   $count (Number) - how many characters the text has beyond the limit
field-characters-over = { $count ->
    [one] You have { $count } character too many
   *[other] You have { $count } characters too many
}
field-contact-name-label = Your name
field-contact-email-label = Email address
field-contact-phone-label = Phone number (optional)
field-contact-language-label = Preferred contact language
# The contact form (a customer writing to its partner): the service the problem is with, chosen from the backend's list; optional.
field-service-label = Service (optional)
field-service-hint = The service the problem is with, if you know it.
# The first choice of field-service-label: no service named.
field-service-not-sure = Not sure
field-contact-heading = How should we contact you?
# In place of the name and email fields, when the portal has signed the
# user in: whom the request goes from.
# Variables:
#   $name (String) - the user's name, as the portal's sign-in gives it
#   $email (String) - the user's email address, as the portal's sign-in gives it
field-contact-sending-as = Sending as { $name } ({ $email })

## Validation, shown in the error summary and at the field

error-summary-title = There is a problem
error-required-category = Select what the problem is about
error-required-title = Enter a summary of the problem
error-required-description = Describe the problem
error-required-contact-name = Enter your name
error-required-contact-email = Enter your email address
error-required-severity = Select how severe the problem is
error-required-reply = Enter your reply
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = { $field } must be { $max } characters or fewer
# The description, which attachments can take the place of.
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long-description = { $field } must be { $max } characters or fewer. Attach a long log or text as a file instead
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = { $field } contains invisible control characters that can't be sent. Remove them and try again
error-invalid-email = Enter an email address in the correct format, like name@example.com
error-invalid-phone = Enter a phone number with 5 to 20 digits, like +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = “{ $field }” has a value that isn't allowed. Choose another one
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = The support service didn't accept { $field }. Check it and try again
# The customer or service chosen before the form is no longer known to the support service.
error-customer-unknown = The support service doesn't recognize this customer anymore. Go back and choose the customer again
error-service-unknown = The support service doesn't recognize this service anymore. Go back and choose the service again
# The service the contact form's select offered is no longer known to the support service.
error-service-not-offered = The support service doesn't recognize this service anymore. Choose another one, or “Not sure”
# An error about a part of the request that the form doesn't show.
error-request-not-accepted = The support service didn't accept this request. Try again, and if it happens again, contact your portal's support team
# An attempt whose answer was lost reached the service with the text as it
# was then; the user changed the form since. Sending again files a new request.
error-sent-before-changes = An earlier attempt to send this request, before your last changes, reached the support service and may already have filed it as it was then. If you send it again, it will be filed as a new request, as it is now.

## Submitting

submit-button = Submit
submit-pending = Submitting your request…
# Under the form while a request has been on its way for several seconds
# without an answer (it is retried by itself if none comes).
submit-slow = The support service is taking longer than usual to answer. Your request is still on its way, and everything you typed is kept.
# On the Submit button while the request waits for a retry, for the
# connection to return or for its files to upload (the notice says which).
submit-waiting = Waiting to send…
submit-error-network = We couldn't reach the support service. Check your connection, or try again in a moment: the service may be briefly unavailable.
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = The support service had a problem (error { $status }). Try again in a moment.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $minutes (Number) - how long the service asked to wait, in minutes (2 to 119)
submit-error-wait-minutes = The support service asked us to wait { $minutes } minutes before sending again (error { $status }). Try again after that.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $hours (Number) - how long the service asked to wait, in hours (2 to 47)
submit-error-wait-hours = The support service asked us to wait { $hours } hours before sending again (error { $status }). Try again after that.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $days (Number) - how long the service asked to wait, in days (2 to 30)
submit-error-wait-days = The support service asked us to wait { $days } days before sending again (error { $status }). Try again after that.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
# Said when the service asked to wait more than 30 days.
submit-error-wait-longer = The support service asked us to wait more than a month before sending again (error { $status }). Try again after that.
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
submit-error-unauthorized = The support service didn't accept your sign-in (error { $status }). Reload the page or sign in again, then try again.
# A submit refused by the backend for who the user is (403): the sign-in is
# valid, but its role may not do this. Trying again won't mend it.
# Variables:
#   $status (Number) - 403
submit-error-forbidden = The support service accepted your sign-in, but it doesn't allow you to do this (error { $status }). Please ask the site's administrator to check your access.
# No support service answered at the backend's address (the page's backend
# attribute is wrong: 404 or 405), which trying again won't mend.
# Variables:
#   $status (Number) - 404 or 405
submit-error-not-found = The support service wasn't found at this page's address for support requests (error { $status }), so the request can't be sent from here. Please let the site's administrator know.
# A reply or a status change for a request the support service no longer
# knows, or no longer lets this user read (its 404 names the request).
submit-error-request-gone = The support service can't find this request anymore: it may have been removed, or you may no longer have access to it.
# A submit answered as filed (2xx) without an id and reference the widget can read.
submit-error-unreadable = The support service answered, but its answer couldn't be read, so there is no reference to show. The request may have been filed: try again in a moment, and as long as nothing is changed it won't be filed twice.
submit-error-too-large = The request is too large to send. Shorten the description and try again.
# After why a request or a reply couldn't be sent (the submit-error-
# messages): its words and files stay in the form.
# Variables:
#   $reason (String) - why it couldn't be sent: a submit-error- message
submit-kept = { $reason } Everything you typed is still here.
# A reply answered as stored (2xx) without a reply the widget can read.
reply-error-unreadable = The support service answered, but its answer couldn't be read, so the reply isn't shown. It may have been stored: send it again, and as long as nothing is changed it won't be stored twice.
# "Mark resolved" (or closing the loop) answered with a success the widget
# can't read.
status-error-unreadable = The support service answered, but its answer couldn't be read: the request may already be marked resolved. Check its status before you try again.
submit-retry = Try again

## Confirmation

confirm-heading = Request submitted
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = Your request's reference is { $reference }.
# What screen readers hear of a request filed while the user was on the page.
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-announcement = Request submitted. Your request's reference is { $reference }.
confirm-next = A support representative from 21Vianet will contact you directly. Keep the reference handy for when they do.
confirm-new-request = Submit another request

## Drafts, retries and offline

draft-restored = We brought back what you typed here last time. It's kept in this browser until the request is submitted.
draft-discard = Discard draft
# After "Discard draft": the text can be brought back until something is typed.
draft-discarded = The draft was discarded.
draft-undo = Undo
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
draft-typed-for = What's typed here was for { $customer } ({ $service }). Check that it fits this customer and service, or discard it.
notice-hide = Hide this message
drafts-off = Drafts are off: this browser doesn't let the widget keep what you type. Submit the request before you leave the page.
# While the widget waits to send the request again. Each says why the last
# attempt failed: no answer came (no connection, or none in time), or the
# service answered that it couldn't take the request yet (busy, or an error).
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
submit-retrying-unreached = The support service couldn't be reached. Trying again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }… Everything you typed is still here.
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
#   $status (Number) - the HTTP status code the service answered with (503, 429 or 500, usually)
submit-retrying-busy = The support service couldn't take the request just now (error { $status }). Trying again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }… Everything you typed is still here.
# What screen readers hear once, when the countdown of submit-retrying-unreached
# or submit-retrying-busy starts: without figures, which would be out of date
# a second later.
submit-retrying-unreached-announced = The support service couldn't be reached. Trying again soon… Everything you typed is still here.
submit-retrying-busy-announced = The support service couldn't take the request just now. Trying again soon… Everything you typed is still here.
submit-retry-now = Retry now
submit-retry-stop = Stop
submit-offline = You're offline. The request will be sent when the connection returns.
# While a request waits for the portal to sign the user in again (their
# sign-in expired or was refused); it is sent once they have.
submit-session-ended = Your session has ended: sign in again, then send.

## Escalation guidance: the rules (seeds 002 and 003)

escalation-reason-undocumented = An undocumented problem: the service doesn't work as its service description says
escalation-reason-unavailable = The service is unavailable
escalation-reason-bug = A bug or other irregularity in how the service looks or works
escalation-reason-network = A large-scale network disruption
escalation-reason-regional = A regional issue that affects several tenants
escalation-reason-lacks-means = None of the five: we lack the training, documentation or support tools to solve it
partner-duty-account-set-up = Account set-up
partner-duty-accounts-and-billing = Accounts and billing
partner-duty-how-to = How-to articles and FAQs
partner-duty-updates = Service and software updates
partner-duty-software-configuration = Software configuration
partner-duty-client-connectivity = Client connectivity and client desktop
partner-duty-performance-availability = Performance and service availability issues within your span of control
troubleshoot-software = Software: the apps and clients the customer uses
troubleshoot-settings = Settings: the customer's service settings, checked with admin privileges
troubleshoot-configuration = Configuration: domains, users, licenses and policies

## Escalation guide (seeds 002 and 003)
home-filed = Support requests
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
home-resume = Continue the unsent request for { $customer } ({ $service })
# On home's Partner Center choice while its form holds an unsent request.
home-unsent-draft = Unsent draft
# On a request in a list (the inbox, the filed requests) whose reply box
# holds a reply typed and not sent yet.
list-unsent-reply = Unsent reply
# On a request in a list whose thread or status someone else changed
# since this user last opened it.
list-unread = New
health-kind-incident = Incident
health-kind-advisory = Advisory
health-status-investigating = Investigating
health-status-identified = Cause identified
health-status-monitoring = Fix being monitored
health-status-resolved = Resolved
# Variables:
#   $time (String) - when the incident started, formatted for the locale
health-started = Started { $time }
# Instead of health-started when the item was updated since it started.
# Variables:
#   $started (String) - when the item started, formatted for the locale
#   $updated (String) - when the item was last updated, formatted for the locale
health-started-updated = Started { $started } · Updated { $updated }
health-loading = Loading service health…
health-failed = Service health couldn't be loaded.
guide-health-heading = Check service health first
# Variables:
#   $service (String) - the service's name
guide-health-intro = Current incidents and advisories for { $service }. If one of them is your customer's problem, 21Vianet already knows about it: don't escalate it again.
# Variables:
#   $service (String) - the service's name
guide-health-none = There are no current incidents or advisories for { $service }.
guide-health-mine = This is my customer's problem
guide-health-continue = It isn't any of these: continue
guide-already-known-heading = 21Vianet already knows about this
guide-already-known-text = It's in service health and 21Vianet is already working on it, so there's nothing to escalate. Let your customer know, and follow it in service health.
guide-start-again = Start again
# Above each of the guide's questions.
# Variables:
#   $step (Number) - which question this is
#   $total (Number) - how many questions the guide asks (3)
guide-progress = Step { $step } of { $total }
guide-troubleshoot-heading = Troubleshoot with admin privileges
guide-troubleshoot-intro = Before you escalate, check these in the customer's admin center with admin privileges. Tick what you've checked.
guide-troubleshoot-legend = What you've checked
# Said when Continue is pressed with nothing ticked; Continue then reads
# guide-troubleshoot-anyway and goes on.
guide-troubleshoot-none = You haven't ticked any of these checks. Troubleshoot with admin privileges first: escalating without it may be inappropriate. If there's nothing to check (the service is down, for example), you can go on.
guide-troubleshoot-anyway = Continue anyway
guide-continue = Continue
guide-category-heading = Is it one of these problems?
# The five categories of seed 002, which partners hand off to 21Vianet;
# not the only problems it takes (see guide-remediation-definition).
guide-category-hand-off = These are the kinds of problem to hand off to 21Vianet.
guide-category-none = None of these
guide-duties-heading = This is yours to support
guide-duties-point-of-contact = You're your customers' point of contact for all operational, billing and technical support questions about the services you resell.
guide-duties-intro = You support your customers yourself, 24 hours a day, 365 days a year. That support includes, but is not limited to:
# On the partner's duties: ends the guide, nothing escalated.
guide-duties-decline = We'll support it ourselves
# On the partner's duties: escalates the problem for want of the means
# to solve it (seed 003), after guide-remediation-heading.
guide-duties-lacks-means = We lack the training, documentation or support tools to solve it
# The guide's step before a request escalated with guide-duties-lacks-means.
guide-remediation-heading = Escalating what you can't support
guide-remediation-definition = 21Vianet provides escalation support: support you can't reasonably provide to your customers because you don't have the necessary training, documentation or support tools.
guide-duties-remediation = If 21Vianet determines that you're escalating problems inappropriately, you agree to meet, at 21Vianet's request, to discuss a remediation plan.
guide-remediation-continue = Continue to the request
# The end of the guide after guide-duties-decline.
guide-own-support-heading = Nothing was escalated
# Both ways back to an escalation: one of the five categories, or the
# want of the means to solve it (seed 003's escalation support).
guide-own-support-recheck = Support your customer with this yourself. If you find later that it's one of the kinds of problem to hand off to 21Vianet, or that you lack the training, documentation or support tools to solve it, go through this check again to escalate it.
cr-escalation-label = Escalation

## Filed requests and their status
confirm-view-status = View status
filed-heading = Support requests
filed-intro = Partner Center requests and customer requests filed from this device. Their status comes from the support service.
filed-empty = You haven't filed any support requests from this device.
filed-clear = Forget this list
filed-cleared = The list is empty now. Your requests are still with the support service.
# Variables:
#   $reference (String) - the reference of the request just taken off the list with status-forget
filed-removed = { $reference } is off this list now.
# Where a time would be (when a request was filed or its status changed, when an incident started) when the service sent one that cannot be read.
time-unknown = (time unknown)
# Variables:
#   $time (String) - when the request was filed, formatted for the locale
filed-on = Filed { $time }
# In the list of filed requests, where a request's status would be, when it couldn't be loaded.
filed-status-unavailable = Status couldn't be loaded
# Signed in: the list is the user's own, kept by the support service, with the requests filed from this device.
filed-account-intro = Your Partner Center requests and customer requests from every device you sign in on, and those filed from this one. Their status comes from the support service.
filed-account-empty = You haven't filed any support requests yet.
# While the signed-in user's list is loading from the support service.
filed-account-loading = Loading your requests…
# Passed as $what to load-failed-network or load-failed-service; this device's own list is shown meanwhile.
filed-account-failed = Your requests couldn't all be loaded, so some may be missing here.
# Loads the next page of the signed-in user's requests.
filed-show-more = Show more
# Signed in: forgets only the list kept on this device; the support service keeps the user's own.
filed-device-clear = Forget this device's list
filed-device-cleared = This device no longer keeps a list. The requests you filed while signed in are still listed by the support service.
status-heading = Support request status
status-loading = Loading the request's status…
status-failed = The request's status couldn't be loaded.
status-not-found = The support service can't find this request.
# On a request the support service can't find (status-not-found): takes it
# off the device's list of filed requests.
status-forget = Remove it from this list
status-label = Status
status-category-label = Category
status-severity-label = Severity
status-attachments-label = Attachments
status-refresh = Refresh
# Variables:
#   $time (String) - when the status was last loaded, formatted for the locale
status-checked = Checked at { $time }
# What screen readers hear after each check of the status.
# Variables:
#   $status (String) - the status, as status-submitted and the others say it
#   $time (String) - the date and time of the check
status-announced = Status: { $status }. Checked at { $time }.
# What screen readers hear, once, of a change heard live on the request shown.
status-new-reply = New reply from { $name }.
status-changed-live = The status is now { $status }.
status-history = History
# The request's conversation, one timeline oldest first: what was filed,
# the replies (of its filer, the partner and the support representatives)
# and the status changes; each reply says who wrote it, as one of the three
# roles below, and when.
status-replies = Conversation
# The heading of a customer's message as partner staff read it (the
# seeds' name for what a customer sends; what is filed with 21Vianet is a
# support request).
status-heading-message = Customer message
# Above each reply box: who will read the reply.
reply-reader-customer = Your customer will see this reply.
reply-reader-support = This reply goes to 21Vianet.
reply-reader-partner = Your partner will see this reply.
# To a customer, on their message that their partner escalated: no
# 21Vianet reference, which the customer cannot use.
status-escalated-by-partner = Your partner has escalated this to 21Vianet.
status-escalated-by-partner-resolved = Your partner escalated this to 21Vianet, which has resolved it.
# Asked when partner staff mark a customer's message resolved while
# their customer's last words have no reply.
status-mark-resolved-ask = You have not replied to your customer yet. Mark the message resolved without a reply?
status-mark-resolved-confirm = Mark resolved without a reply
status-mark-resolved-reply-first = Reply first
status-reply-role-customer = Customer
status-reply-role-partner = Partner
status-reply-role-support = Support representative
# The box under the thread for the next reply, kept on this device until
# it is sent.
status-reply-label = Your reply
status-reply-send = Send reply
status-reply-sending = Sending your reply…
status-reply-kept = Your reply is kept on this device until it's sent.
# Under the reply box once the support service has stored the reply,
# which the thread above now shows.
status-reply-sent = Your reply was sent.
# To partner staff, on a customer's message they escalated to 21Vianet; $reference
# is the escalation's (SR-000123).
status-escalated-as = Escalated to 21Vianet as { $reference }.
status-open-escalation = Open the escalation
# An escalation that began as a customer's message, not resolved yet;
# $customer is the customer's name.
status-from-message = This escalation began as a customer message from { $customer }.
status-open-message = Open the customer message
status-close-loop = Once it's resolved, close the loop with your customer: tell them what was done and check that everything works for them.
status-submitted = Submitted
status-in-progress = In progress
status-resolved = Resolved
status-closed = Closed

## Customer self-service
help-heading = How can we help?
help-intro = Check service health and search the help articles first. If they don't solve it, contact your partner.
help-health-heading = Service health
help-health-none = All services are running normally.
help-articles-heading = Help articles
help-search-label = Search the help articles
help-search-hint = For example: reset a password, add a user, invoice
help-search-button = Search
help-searching = Searching…
# Variables:
#   $count (Number) - how many articles were found
help-results = { $count ->
    [one] One article found.
   *[other] { $count } articles found.
}
# Instead of help-results when the list holds as many articles as a search
# lists at most: there may be more.
# Variables:
#   $count (Number) - how many articles are listed (the most a search lists)
help-results-first = Showing the first { $count } articles. Add words to narrow the search.
# Variables:
#   $query (String) - what the customer searched for
help-no-results = No articles match “{ $query }”. Try other words, or contact your partner.
help-search-failed = The help articles couldn't be searched.
help-in-english = In English
help-question = Still need help?
help-solved = This solved it
help-contact = Contact my partner
help-solved-heading = Glad that helped
help-solved-text = Nothing was sent. Come back any time.
contact-heading = Contact your partner
contact-intro-no-articles = Describe the problem.
# When the customer's searches showed articles, which the message names.
contact-intro-seen = Describe the problem. Your partner will see which help articles your searches showed you.
contact-seen-heading = Articles your searches showed you
confirm-next-partner = Your partner will contact you. Keep the reference handy: quote it when you ask your partner about this request.
# On the confirmation of a visitor's message, when the backend mailed a link to confirm the address they typed. "My requests" is help-my-requests.
confirm-address-link-sent = We've sent a link to your email address. Once you confirm the address with it, the replies to this request are emailed to you. Until then, read them here on this device, under “My requests”.

## Attachments
attachments-legend = Screenshots and logs (optional)
# Variables:
#   $count (Number) - the most files one request takes
#   $size (String) - the largest file, such as "10 MB"
#   $total (String) - the largest total, such as "25 MB"
attachments-hint = Up to { $count } files, { $size } each and { $total } in all: PNG, JPEG, GIF and WebP images, PDF, text and log files, zip archives.
attachments-add = Add files
attachments-drop = You can also drop files here, or paste a screenshot into the form.
# Variables:
#   $name (String) - the file's name
attachment-remove = Remove { $name }
# Variables:
#   $name (String) - the file's name
attachment-uploading = Uploading { $name }
attachment-uploaded = Uploaded
attachment-failed = Upload failed. It's tried again automatically; you can also try now.
# The automatic retries of an upload are over.
attachment-failed-stopped = Upload failed. Try again, or remove the file.
# The backend refused the upload (not a connection problem), and why.
# Variables:
#   $reason (String) - too-large, type, empty or mismatch, as the support service said; other when it said nothing more
attachment-refused = { $reason ->
    [too-large] The support service didn't accept this file: it's too large. Remove it to send the request without it.
    [type] The support service doesn't accept files of this type. Remove it to send the request without it.
    [empty] The support service didn't accept this file: it's empty. Remove it to send the request without it.
    [mismatch] The support service didn't accept this file: its content doesn't match its name or type. Remove it to send the request without it.
   *[other] The support service didn't accept this file. Remove it to send the request without it.
}
# The browser is offline: the file waits for the connection.
attachment-offline = Waiting for the connection. The file uploads when you're back online.
# An upload refused the sign-in. Not "reload the page": files not yet
# uploaded would be lost.
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
attachment-unauthorized = The support service didn't accept your sign-in (error { $status }). Sign in again, then try again.
# An upload refused with the sign-in accepted: the user's access doesn't
# allow uploading files, which signing in again won't mend.
# Variables:
#   $status (Number) - 403: the backend doesn't allow this user to upload
attachment-forbidden = The support service accepted your sign-in, but it doesn't allow you to upload files (error { $status }). Please ask the site's administrator to check your access.
attachment-retry = Try again
# A file of a request or a reply, named by its button: what the button does.
# Variables:
#   $name (String) - the file's name
attachment-download = Download { $name }
# After a file that couldn't be downloaded, before what to do (load-failed-*).
attachment-download-failed = The file couldn't be downloaded.
# The support service no longer has the file, or no longer lets the user
# have it (404), as submit-error-request-gone says of a request.
attachment-download-gone = The support service can't find this file anymore: it may have been removed, or you may no longer have access to it.
# What screen readers hear when a file has uploaded, has failed to upload,
# has been removed, or waits for the connection.
# Variables:
#   $name (String) - the file's name
attachment-news-uploaded = { $name } uploaded.
# Variables:
#   $name (String) - the file's name
attachment-news-failed = { $name } couldn't be uploaded.
# Variables:
#   $name (String) - the file's name
attachment-news-removed = { $name } removed.
# Variables:
#   $name (String) - the file's name
attachment-news-offline = { $name } will upload when you're back online.
# Variables:
#   $name (String) - the file's name
attachment-error-empty = { $name } is empty.
# Variables:
#   $name (String) - the file's name
#   $size (String) - the largest file, such as "10 MB"
attachment-error-too-large = { $name } is larger than { $size }.
# Variables:
#   $name (String) - the file's name
attachment-error-type = { $name } can't be attached: attach PNG, JPEG, GIF or WebP images, PDF, text or log files, or zip archives.
# A file named as text or a log (.txt, .log, …) whose bytes are not plain
# UTF-8 text: another encoding (UTF-16, GBK, Big5), markup, or binary data
# (a crash log padded with NUL bytes). A zip archive always goes.
# Variables:
#   $name (String) - the file's name
attachment-error-text = { $name } can't be attached as a text file: only plain text saved as UTF-8 is accepted, not HTML, XML or binary data. Put it in a zip archive, or save it as UTF-8 text.
# Variables:
#   $name (String) - the file's name
attachment-error-mismatch = { $name } isn't the kind of file its name or type says, so it can't be attached.
# Variables:
#   $name (String) - the file's name
#   $count (Number) - the most files one request takes
attachment-error-too-many = { $name } wasn't added: a request takes up to { $count } files.
# Variables:
#   $name (String) - the file's name
#   $total (String) - the largest total, such as "25 MB"
attachment-error-total = { $name } wasn't added: the files together would be larger than { $total }.
# Variables:
#   $name (String) - the file's name
attachment-error-already = { $name } is attached already.
attachments-wait = The request will be sent as soon as every file has uploaded.
# As attachments-wait, when a file waits for the connection (the browser is offline).
attachments-wait-offline = You're offline. The request will be sent as soon as the connection returns and every file has uploaded.
attachments-failed = A file couldn't be uploaded. Try it again or remove it, then send the request.
error-attachments-gone = A file is no longer with the support service. Remove it and add it again.
# Variables:
#   $count (Number) - the most files one request takes
error-attachments-too-many = A request takes up to { $count } files. Remove some.
# Variables:
#   $total (String) - the largest total, such as "25 MB"
error-attachments-too-large = The files together are larger than { $total }. Remove some.
# Shown wherever the user is in the widget when a request is filed after they
# left its form (it was waiting to be sent again).
# Variables:
#   $title (String) - the request's title, as the user typed it
#   $reference (String) - the request's reference, such as SR-000123
filed-away = Your request “{ $title }” has now been submitted. Its reference is { $reference }.

## Customer messages: what customers sent their partner, and the loop back
home-inbox-title = Customer messages
home-inbox-text = Read what your customers sent you, reply, mark it resolved, or escalate it to 21Vianet.
# On home's customer messages choice: how many are open.
# Variables:
#   $count (String) - a number, or "50+" when there are more than one page
home-inbox-open = Open: { $count }
inbox-heading = Customer messages
inbox-intro = What your customers sent you from the help page, newest first.
# Names the two buttons that choose which customer messages are shown.
inbox-filter-label = Show customer messages
inbox-show-open = Open
inbox-show-resolved = Resolved
inbox-loading = Loading customer messages…
# Passed as $what to load-failed-network or load-failed-service.
inbox-failed = The customer messages couldn't be loaded.
inbox-empty-open = No customer messages are open.
inbox-empty-resolved = No customer messages are resolved yet.
# In the inbox, on a customer message whose escalation 21Vianet resolved.
inbox-close-loop = 21Vianet resolved it: close the loop
status-description-label = Description
# Who sent a customer message: the customer's user, by name, email and phone.
status-contact-label = Contact
# The help articles the customer's searches showed them before they wrote
# (contact-seen-heading): shown, not necessarily read.
status-articles-label = Help articles the customer was shown
# The same, on the customer's own request.
status-articles-label-own = Help articles you were shown
status-mark-resolved = Mark resolved
status-marking-resolved = Marking it resolved…
status-escalate = Escalate to 21Vianet
# On a customer message, and on its escalation, once 21Vianet resolved it.
# Variables:
#   $reference (String) - the escalation's reference (SR-000123)
status-escalation-resolved = 21Vianet resolved { $reference }. Close the loop with the customer.
# On the resolved escalation once the customer message it came from is
# resolved too: the loop is closed.
# Variables:
#   $reference (String) - the escalation's reference
status-loop-closed = 21Vianet resolved { $reference }, and the customer message it came from is resolved too.
# A reply to the customer, prefilled with 21Vianet's resolution note.
# Variables:
#   $customer (String) - the customer's name
status-close-loop-heading = Close the loop with { $customer }
status-close-loop-hint = Your reply goes to the customer, and their customer message is marked resolved.
status-close-loop-send = Send and mark resolved
# At the end of an escalation that started from a customer message.
escalation-back-to-message = Back to the customer message
# The customer's own requests to their partner, with their status and replies.
help-my-requests = My requests
# The customer's own list (help-my-requests), signed in or from this device.
filed-customer-intro = What you sent your partner, with its status and your partner's replies.
filed-customer-empty = You haven't contacted your partner yet.
# Under the reply box while the reply waits to go again.
status-reply-offline = You're offline. Your reply will be sent when the connection returns.
status-reply-retrying = The support service couldn't take your reply just now. Trying again soon… Your reply is kept.
status-reply-wait-files = Wait until every file has uploaded, then send your reply.

## A request opened by its link (open("request", id), open-request)

# The request the page opened, which the support service won't show this
# user: it doesn't exist, or it's someone else's.
opened-request-unreadable = This request can't be opened: it doesn't exist, or you don't have access to it. Check the link you followed, and that you're signed in with the right account.
