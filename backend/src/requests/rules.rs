//! Everything a well-formed request must pass before it is filed (422):
//! the contract's field rules, the backend's rules for the fields the widget
//! fills from its own choices, that the customer and service it names
//! exist, and that its attachments are uploads free to take (or, on an
//! escalation, files of the message it escalates), within the total size.
//! The errors come in the order the forms show the fields.

use support_contract::{
    check_selection, limits, ErrorCode, FieldError, NewSupportRequest, RequestKind,
};

use crate::attachments::{carried, metadata};
use crate::catalogue::lookups;
use crate::partner::PartnerScope;

/// Every problem with `request`, in form order; empty when it may be filed
/// by `filer` (whose uploads alone it may take; none without a token).
pub async fn field_errors(
    scope: &PartnerScope,
    request: &NewSupportRequest,
    filer: Option<&str>,
) -> Result<Vec<FieldError>, sqlx::Error> {
    let mut errors = request.validate();
    errors.extend(picked_field_errors(request));
    errors.extend(lookups::unknown_references(scope, request).await?);
    let related = related_request_errors(scope, request).await?;
    // Files are carried only from a message that passed those checks.
    let carries_from = if related.is_empty() {
        carried::related(request)
    } else {
        None
    };
    errors.extend(related);
    if !errors.iter().any(|error| error.field == ATTACHMENTS_FIELD) {
        errors.extend(
            attachment_errors(scope, &request.attachments, filer, carries_from.as_deref()).await?,
        );
    }
    errors.sort_by_key(|error| form_position(&error.field));
    Ok(errors)
}

/// The message an escalation names (`related_request`) must be a
/// customer's message (`customer_self_service`) that exists; only an
/// escalation (`customer`) names one.
async fn related_request_errors(
    scope: &PartnerScope,
    request: &NewSupportRequest,
) -> Result<Vec<FieldError>, sqlx::Error> {
    let Some(related) = request.related_request.as_deref() else {
        return Ok(Vec::new());
    };
    let invalid = vec![FieldError::new(
        RELATED_REQUEST_FIELD,
        ErrorCode::InvalidValue,
    )];
    if request.kind != RequestKind::Customer || !crate::db::can_be_id(related) {
        return Ok(invalid);
    }
    let kind: Option<(String,)> =
        sqlx::query_as("SELECT kind FROM support_requests WHERE partner_id = $2 AND id = $1")
            .bind(related.to_ascii_lowercase())
            .bind(scope.partner())
            .fetch_optional(&mut *scope.acquire().await?)
            .await?;
    Ok(match kind {
        Some((kind,)) if kind == RequestKind::CustomerSelfService.as_str() => Vec::new(),
        _ => invalid,
    })
}

/// The field that names the customer's message an escalation escalates.
pub const RELATED_REQUEST_FIELD: &str = "related_request";

/// The longest note of a status change, in characters.
pub const NOTE_MAX: usize = 1000;

/// A status change's note: at most [`NOTE_MAX`] characters, no control
/// characters but line breaks (LF, CR) and tabs, as a description.
pub fn check_note(note: &str) -> Result<(), ErrorCode> {
    if note.chars().count() > NOTE_MAX {
        return Err(ErrorCode::TooLong);
    }
    if note
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ErrorCode::ControlCharacters);
    }
    Ok(())
}

/// The field of a request's upload ids.
pub const ATTACHMENTS_FIELD: &str = "attachments";

/// `invalid_value` when an id names neither an upload of the filer's that
/// no request took yet nor (for an escalation, `related`) a file of the
/// message it escalates; `attachments_too_large` when the files add up to
/// more than the contract allows, copies included. The request's
/// transaction checks the uploads again as it attaches them (see
/// [`metadata::attach`]).
async fn attachment_errors(
    scope: &PartnerScope,
    ids: &[String],
    filer: Option<&str>,
    related: Option<&str>,
) -> Result<Vec<FieldError>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let code = match metadata::attachable_sizes(scope, ids, filer, related).await? {
        None => Some(ErrorCode::InvalidValue),
        Some(sizes) => check_selection(sizes).err(),
    };
    Ok(code
        .map(|code| FieldError::new(ATTACHMENTS_FIELD, code))
        .into_iter()
        .collect())
}

/// The fields the contract's rules leave alone because the user does not
/// type them (the customer's name comes from the search, the articles seen
/// from the help search). A client other than the widget could put
/// anything there, so they get the same limits as typed text: no control
/// characters, a bounded length.
pub fn picked_field_errors(request: &NewSupportRequest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut check = |field: &str, value: &str, max: usize| {
        if let Err(code) = plain_text(value, max) {
            errors.push(FieldError::new(field, code));
        }
    };
    if let Some(customer) = &request.customer {
        check("customer.name", &customer.name, limits::NAME_MAX);
    }
    for article in &request.articles_seen {
        check("articles_seen", article, limits::ARTICLE_ID_MAX);
    }
    if request.articles_seen.len() > limits::ARTICLES_SEEN_MAX {
        errors.push(FieldError::new("articles_seen", ErrorCode::TooLong));
    }
    errors.dedup();
    errors
}

/// One line of text: at most `max` characters, no control characters.
fn plain_text(value: &str, max: usize) -> Result<(), ErrorCode> {
    if value.chars().count() > max {
        return Err(ErrorCode::TooLong);
    }
    if value.chars().any(char::is_control) {
        return Err(ErrorCode::ControlCharacters);
    }
    Ok(())
}

/// The fields in the order the forms show them, which is the order of the
/// errors in a 422 (the contract's rules already list theirs in this order;
/// the other checks slot in).
const FORM_ORDER: [&str; 16] = [
    "related_request",
    "category",
    "customer",
    "customer.name",
    "service",
    "escalation",
    "escalation.reason",
    "escalation.troubleshooting",
    "severity",
    "title",
    "description",
    "attachments",
    "contact.name",
    "contact.email",
    "contact.phone",
    "articles_seen",
];

/// Where a field's error goes among the others; unknown fields go last.
fn form_position(field: &str) -> usize {
    FORM_ORDER
        .iter()
        .position(|f| *f == field)
        .unwrap_or(FORM_ORDER.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::CustomerRef;

    fn codes(request: &NewSupportRequest) -> Vec<(String, ErrorCode)> {
        picked_field_errors(request)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn picked_fields_refuse_control_characters_and_overlong_text() {
        let request = NewSupportRequest {
            customer: Some(CustomerRef {
                id: "contoso".into(),
                name: "Contoso\u{0}Ltd".into(),
            }),
            ..NewSupportRequest::default()
        };
        assert_eq!(
            codes(&request),
            [("customer.name".into(), ErrorCode::ControlCharacters)]
        );
        let long = NewSupportRequest {
            customer: Some(CustomerRef {
                id: "contoso".into(),
                name: "x".repeat(limits::NAME_MAX + 1),
            }),
            ..NewSupportRequest::default()
        };
        assert_eq!(codes(&long), [("customer.name".into(), ErrorCode::TooLong)]);
    }

    #[test]
    fn markup_bidi_and_emoji_are_text_like_any_other() {
        let request = NewSupportRequest {
            customer: Some(CustomerRef {
                id: "contoso".into(),
                name: "<script>alert(1)</script>\u{202E}\u{200B}😀".into(),
            }),
            ..NewSupportRequest::default()
        };
        assert_eq!(codes(&request), []);
    }

    #[test]
    fn articles_seen_are_bounded_like_any_picked_field() {
        let request = NewSupportRequest {
            articles_seen: vec!["reset-password".into(), "a\u{0}b".into()],
            ..NewSupportRequest::default()
        };
        assert_eq!(
            codes(&request),
            [("articles_seen".into(), ErrorCode::ControlCharacters)]
        );
        let many = NewSupportRequest {
            articles_seen: vec!["x".into(); limits::ARTICLES_SEEN_MAX + 1],
            ..NewSupportRequest::default()
        };
        assert_eq!(codes(&many), [("articles_seen".into(), ErrorCode::TooLong)]);
    }

    #[test]
    fn errors_sort_into_form_order() {
        let mut fields = [
            "contact.email",
            "nope",
            "title",
            "customer.name",
            "category",
        ];
        fields.sort_by_key(|f| form_position(f));
        assert_eq!(
            fields,
            [
                "category",
                "customer.name",
                "title",
                "contact.email",
                "nope"
            ]
        );
    }
}
