# The backend's mail (docs/backend.md, "Mail"). en-US is the source locale:
# every other locale has exactly these IDs and variables. Each mail has a
# plain-text part and an HTML part built from the same messages; what a user
# typed is filled in as text, never as HTML.

## Subjects: each starts with the request's reference, which people quote
## and mail clients thread by.

# Variables:
#   $reference (String) - the request's reference, such as SR-000123
#   $title (String) - the request's title, as its filer typed it
mail-subject-reply = [{ $reference }] New reply: { $title }
# Variables:
#   $reference (String) - the request's reference
#   $status (String) - the new status, as mail-status-name names it
mail-subject-status = [{ $reference }] Status: { $status }
# Variables:
#   $reference (String) - the request's reference
#   $title (String) - the message's title, as the customer typed it
mail-subject-new-message = [{ $reference }] New customer message: { $title }
# Variables:
#   $reference (String) - the request's reference
#   $title (String) - the message's title, as the customer typed it
mail-subject-customer-reply = [{ $reference }] Customer reply: { $title }

# Variables:
#   $reference (String) - the request's reference
#   $count (Number) - how many things happened on it, told in one mail
mail-subject-several = [{ $reference }] { $count } updates on your request
# The same, to the partner's support address, of a customer's message.
# Variables:
#   $reference (String) - the request's reference
#   $count (Number) - how many things happened on it, told in one mail
mail-subject-several-customer-request = [{ $reference }] { $count } updates on a customer message

## Bodies

# Variables:
#   $author (String) - who replied: their name, else their role
#   $reference (String) - the request's reference
mail-reply-intro = { $author } sent a reply on your support request { $reference }:
# Variables:
#   $reference (String) - the request's reference
#   $status (String) - the new status, as mail-status-name names it
mail-status-intro = Your support request { $reference } is now: { $status }.
# Above the note that came with a status change.
mail-status-note = Note added with this change:
# Variables:
#   $customer (String) - who sent it: the contact's name, and their company
#   $reference (String) - the request's reference
mail-new-message-intro = { $customer } sent you a new customer message, { $reference }:
# Variables:
#   $customer (String) - who replied: the contact's name, and their company
#   $reference (String) - the request's reference
mail-customer-reply-intro = { $customer } replied on their customer message { $reference }:
# Variables:
#   $title (String) - the request's title, as its filer typed it
mail-request-title = Summary: { $title }
# Above the link to the request in the portal.
mail-link = See it in the portal:
# The HTML part's link text.
mail-link-label = Open in the portal
mail-footer = This email was sent automatically; replies to it aren't read.
# Someone whose name the backend does not know.
mail-author-unknown = The support team
# Variables:
#   $status (String) - the status as the API names it
mail-status-name = { $status ->
    [submitted] Submitted
    [in_progress] In progress
    [resolved] Resolved
   *[closed] Closed
}

## Around every mail, and what the partner's mail tells of the customer

# Above the mail's words.
mail-greeting = Hello,
# Last, signed by the team on a line of its own.
# Variables:
#   $team (String) - the display name of --mail-from, else mail-team
mail-sign-off =
    Best regards,
    { $team }
# Who signs when --mail-from gives no name.
mail-team = The support team
# Variables:
#   $contact (String) - the contact's name, email address and phone, as typed,
#   listed as the language lists them
mail-contact = Contact: { $contact }
# Variables:
#   $service (String) - the service the message is about
mail-service = Service: { $service }
# Variables:
#   $files (String) - the attached files' names, listed as the language lists them
mail-files = Files: { $files }

## Confirming an address that a visitor typed: only the backend's words,
## never what the visitor wrote.

# Variables:
#   $reference (String) - the request's reference, such as SR-000042
mail-subject-confirm = [{ $reference }] Confirm your email address
# Variables:
#   $reference (String) - the request's reference
mail-confirm-intro = A message was sent to our support team with this email address as its contact, under the reference { $reference }.
# Variables:
#   $days (Number) - how many days the link lasts
mail-confirm-ask = To get the replies to it by email, confirm that this address is yours with the link below. The link works for { $days } days.
mail-confirm-link-label = Confirm my email address
mail-confirm-ignore = If you did not send this message, you can ignore this email; we won't send you anything more about it.
confirm-page-title = Confirm your email address
# Variables:
#   $reference (String) - the request's reference
confirm-page-ask = Confirm that the replies to { $reference } may be sent to this email address.
confirm-page-button = Confirm
# Variables:
#   $reference (String) - the request's reference
confirm-page-done = Your email address is confirmed. The replies to { $reference } will be sent to you by email.
confirm-page-gone = This link isn't valid or has expired. Your message was received all the same: you can read the replies in the support widget on the device you sent it from.
