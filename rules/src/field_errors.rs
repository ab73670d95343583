//! Which message explains a field error, in the words of the form.

use support_contract::{
    limits, ErrorCode, FieldError, ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES,
};

use crate::{
    i18n::{self, id, MessageId, Value},
    locale::Locale,
    request_fields,
    uploads::human_size,
};

/// The field's label message, by the field's JSON path; `None` for the parts
/// of a request that no form control shows.
pub fn field_label(field: &str) -> Option<MessageId> {
    Some(match field {
        "category" => id::PC_CATEGORY_LEGEND,
        "severity" => id::SEVERITY_LEGEND,
        "title" => id::FIELD_TITLE_LABEL,
        "description" => id::FIELD_DESCRIPTION_LABEL,
        "contact.name" => id::FIELD_CONTACT_NAME_LABEL,
        "contact.email" => id::FIELD_CONTACT_EMAIL_LABEL,
        "contact.phone" => id::FIELD_CONTACT_PHONE_LABEL,
        "contact.language" => id::FIELD_CONTACT_LANGUAGE_LABEL,
        "attachments" => id::ATTACHMENTS_LEGEND,
        // A reply's text.
        "body" => id::STATUS_REPLY_LABEL,
        _ => return None,
    })
}

fn max_length(field: &str) -> usize {
    match field {
        "title" => limits::TITLE_MAX,
        "description" | "body" => limits::DESCRIPTION_MAX,
        "contact.name" => limits::NAME_MAX,
        "contact.email" => limits::EMAIL_MAX,
        "contact.phone" => limits::PHONE_MAX,
        _ => 0,
    }
}

/// What the count under a long text field says once the text has reached
/// four fifths of the field's limit: how many characters it still takes, or
/// how many too many (then `true`). Below that, nothing: as with GOV.UK's
/// character count and its threshold, a short text is not distracted by a
/// limit it will not reach. What is counted is what is sent (without the
/// invisible control characters and the spaces around, see
/// [`request_fields::visible`]), in Unicode scalar values, as the backend
/// counts.
pub fn character_count(locale: Locale, field: &str, text: &str) -> Option<(String, bool)> {
    let max = max_length(field);
    let used = request_fields::visible(text, field == "description")
        .chars()
        .count();
    if max == 0 || used * 5 < max * 4 {
        return None;
    }
    let (message_id, count, over) = match max.checked_sub(used) {
        Some(left) => (id::FIELD_CHARACTERS_LEFT, left, false),
        None => (id::FIELD_CHARACTERS_OVER, used - max, true),
    };
    let args = i18n::args([("count", count.into())]);
    Some((i18n::format(locale, message_id, Some(&args)), over))
}

/// Where the form's request gets its service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceFrom {
    /// Chosen before the form (a customer's service request), or none.
    BeforeTheForm,
    /// The form's own select (a customer's message to its partner).
    TheForm,
}

/// The localized sentence for one error, as the error summary and the field
/// both show it (GOV.UK: the same words in both places).
pub fn message(locale: Locale, error: &FieldError, service: ServiceFrom) -> String {
    let field = error.field.as_str();
    if field == "service" && service == ServiceFrom::TheForm {
        // The select offered a service the backend no longer has.
        return i18n::message(locale, id::ERROR_SERVICE_NOT_OFFERED);
    }
    let Some(label_id) = field_label(field) else {
        // The customer and service were chosen before the form; anything
        // else is the request as a whole (its key, its kind, the guide's
        // answer), which the user cannot correct in the form.
        let message_id = match (field, error.code) {
            ("customer", _) => id::ERROR_CUSTOMER_UNKNOWN,
            ("service", _) => id::ERROR_SERVICE_UNKNOWN,
            (_, ErrorCode::IdempotencyKeyReused) => id::ERROR_SENT_BEFORE_CHANGES,
            _ => id::ERROR_REQUEST_NOT_ACCEPTED,
        };
        return i18n::message(locale, message_id);
    };
    let label = || Value::from(i18n::message(locale, label_id));
    let required = match field {
        "category" => Some(id::ERROR_REQUIRED_CATEGORY),
        "severity" => Some(id::ERROR_REQUIRED_SEVERITY),
        "title" => Some(id::ERROR_REQUIRED_TITLE),
        "description" => Some(id::ERROR_REQUIRED_DESCRIPTION),
        "contact.name" => Some(id::ERROR_REQUIRED_CONTACT_NAME),
        "contact.email" => Some(id::ERROR_REQUIRED_CONTACT_EMAIL),
        "body" => Some(id::ERROR_REQUIRED_REPLY),
        _ => None,
    };
    if field == "attachments" {
        return attachments_message(locale, error.code);
    }
    match (error.code, required) {
        (ErrorCode::Required, Some(message_id)) => i18n::message(locale, message_id),
        (ErrorCode::TooLong, _) => {
            let args = i18n::args([("field", label()), ("max", max_length(field).into())]);
            let message_id = if field == "description" {
                id::ERROR_TOO_LONG_DESCRIPTION
            } else {
                id::ERROR_TOO_LONG
            };
            i18n::format(locale, message_id, Some(&args))
        }
        (ErrorCode::ControlCharacters, _) => i18n::format(
            locale,
            id::ERROR_CONTROL_CHARACTERS,
            Some(&i18n::args([("field", label())])),
        ),
        (ErrorCode::InvalidEmail, _) => i18n::message(locale, id::ERROR_INVALID_EMAIL),
        (ErrorCode::InvalidPhone, _) => i18n::message(locale, id::ERROR_INVALID_PHONE),
        (ErrorCode::InvalidValue, _) => i18n::format(
            locale,
            id::ERROR_INVALID_VALUE,
            Some(&i18n::args([("field", label())])),
        ),
        _ => i18n::format(
            locale,
            id::ERROR_NOT_ACCEPTED,
            Some(&i18n::args([("field", label())])),
        ),
    }
}

/// What the backend says of a request's files. An id it does not know is a
/// file it no longer has: a draft older than the time the backend keeps
/// uploads that no request took.
fn attachments_message(locale: Locale, code: ErrorCode) -> String {
    match code {
        ErrorCode::TooManyFiles => i18n::format(
            locale,
            id::ERROR_ATTACHMENTS_TOO_MANY,
            Some(&i18n::args([("count", ATTACHMENTS_MAX_FILES.into())])),
        ),
        ErrorCode::AttachmentsTooLarge => i18n::format(
            locale,
            id::ERROR_ATTACHMENTS_TOO_LARGE,
            Some(&i18n::args([(
                "total",
                human_size(ATTACHMENTS_MAX_TOTAL_BYTES, locale).into(),
            )])),
        ),
        _ => i18n::message(locale, id::ERROR_ATTACHMENTS_GONE),
    }
}

/// The id of the form control a field error points to, inside the widget.
pub fn control_id(field: &str) -> String {
    format!("sw-{}", field.replace('.', "-"))
}

#[cfg(test)]
mod tests;
