//! The validation rules, written once for the widget and the backend.

use serde::{Deserialize, Serialize};

use crate::{attachments, NewSupportRequest, RequestKind, ESCALATION_REASONS};

/// Field lengths, counted in Unicode scalar values as users count characters.
pub mod limits {
    pub const TITLE_MAX: usize = 200;
    pub const DESCRIPTION_MAX: usize = 10_000;
    pub const NAME_MAX: usize = 200;
    pub const EMAIL_MAX: usize = 254;
    pub const PHONE_MAX: usize = 32;
    /// The most article ids one self-service request lists.
    pub const ARTICLES_SEEN_MAX: usize = 50;
    /// The longest article id.
    pub const ARTICLE_ID_MAX: usize = 100;
    /// The largest body the backend accepts, in bytes: the longest fields,
    /// all in four-byte characters, plus room for the JSON around them.
    pub const BODY_MAX_BYTES: usize = 64 * 1024;
    /// The most customers, or help articles, one search answers with
    /// (`x-max-results`): enough for a pick list, and a hint to type more
    /// when the wanted one is not among them.
    pub const SEARCH_RESULTS_MAX: usize = 20;
}

/// Why a field was refused; serialized as the `code` of a 422 error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooLong,
    InvalidEmail,
    InvalidPhone,
    ControlCharacters,
    /// A value the field does not allow (an unknown customer, say).
    InvalidValue,
    /// The addressed thing does not exist (`GET /support-requests/{id}`).
    NotFound,
    /// The body is not JSON, or not the JSON of the contract (`field` is empty).
    MalformedBody,
    /// The body is larger than `limits::BODY_MAX_BYTES` (`field` is empty).
    BodyTooLarge,
    /// `Idempotency-Key` is missing or not a UUID (`field` is `Idempotency-Key`).
    InvalidIdempotencyKey,
    /// The same `Idempotency-Key` came with another body.
    IdempotencyKeyReused,
    /// A request with the same `Idempotency-Key` is still being processed
    /// (409, with `Retry-After`): send the same body again a little later.
    IdempotencyKeyInFlight,
    /// Too many requests from this client (429, with `Retry-After` seconds;
    /// `field` is empty).
    RateLimited,
    /// The body is not sent as `Content-Type: application/json` (415;
    /// `field` is `Content-Type`).
    UnsupportedMediaType,
    /// An attached file has no bytes.
    FileEmpty,
    /// An attached file is larger than `ATTACHMENT_MAX_BYTES` (413 on upload).
    FileTooLarge,
    /// An attached file's bytes are none of the allowed kinds (415 on
    /// upload): see `FileKind`.
    FileTypeNotAllowed,
    /// An attached file's declared type or extension says it is something
    /// other than its bytes are (an HTML page named `.png`).
    FileTypeMismatch,
    /// A request lists more than `ATTACHMENTS_MAX_FILES` files.
    TooManyFiles,
    /// A request's files add up to more than `ATTACHMENTS_MAX_TOTAL_BYTES`.
    AttachmentsTooLarge,
    /// Anything the widget does not know yet: shown as a generic message.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code but [`ErrorCode::Unknown`].
    pub const KNOWN: [ErrorCode; 20] = [
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::ControlCharacters,
        ErrorCode::InvalidValue,
        ErrorCode::NotFound,
        ErrorCode::MalformedBody,
        ErrorCode::BodyTooLarge,
        ErrorCode::InvalidIdempotencyKey,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyKeyInFlight,
        ErrorCode::RateLimited,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::FileEmpty,
        ErrorCode::FileTooLarge,
        ErrorCode::FileTypeNotAllowed,
        ErrorCode::FileTypeMismatch,
        ErrorCode::TooManyFiles,
        ErrorCode::AttachmentsTooLarge,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::ControlCharacters => "control_characters",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::BodyTooLarge => "body_too_large",
            ErrorCode::InvalidIdempotencyKey => "invalid_idempotency_key",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::FileEmpty => "file_empty",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FileTypeNotAllowed => "file_type_not_allowed",
            ErrorCode::FileTypeMismatch => "file_type_mismatch",
            ErrorCode::TooManyFiles => "too_many_files",
            ErrorCode::AttachmentsTooLarge => "attachments_too_large",
            ErrorCode::Unknown => "unknown",
        }
    }

    /// The code named `value`; any name this version does not know is
    /// [`ErrorCode::Unknown`].
    pub fn parse(value: &str) -> ErrorCode {
        (ErrorCode::KNOWN.into_iter())
            .find(|code| code.as_str() == value)
            .unwrap_or(ErrorCode::Unknown)
    }
}

/// One problem with one field, addressed by its JSON path (`contact.email`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        FieldError {
            field: field.to_owned(),
            code,
        }
    }
}

impl NewSupportRequest {
    /// Every problem with this request, in the order the form shows its fields.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut check = |field: &str, result: Result<(), ErrorCode>| {
            if let Err(code) = result {
                errors.push(FieldError::new(field, code));
            }
        };
        if self.kind == RequestKind::PartnerCenter && self.category.is_none() {
            check("category", Err(ErrorCode::Required));
        }
        if self.kind == RequestKind::Customer {
            if self
                .customer
                .as_ref()
                .is_none_or(|c| c.id.trim().is_empty())
            {
                check("customer", Err(ErrorCode::Required));
            }
            if self.service.as_deref().is_none_or(|s| s.trim().is_empty()) {
                check("service", Err(ErrorCode::Required));
            }
            if self.severity.is_none() {
                check("severity", Err(ErrorCode::Required));
            }
        }
        if let Some(escalation) = &self.escalation {
            if !ESCALATION_REASONS.contains(&escalation.reason.as_str()) {
                check("escalation.reason", Err(ErrorCode::InvalidValue));
            }
        }
        check("title", text(&self.title, limits::TITLE_MAX, false));
        check(
            "description",
            text(&self.description, limits::DESCRIPTION_MAX, true),
        );
        check("attachments", attachments::check_ids(&self.attachments));
        check(
            "contact.name",
            text(&self.contact.name, limits::NAME_MAX, false),
        );
        check("contact.email", email(&self.contact.email));
        if let Some(phone_number) = &self.contact.phone {
            check("contact.phone", phone(phone_number));
        }
        errors
    }
}

/// A required text: not blank, not too long, and free of control characters
/// (line breaks and tabs are allowed where the field is multi-line).
fn text(value: &str, max: usize, multiline: bool) -> Result<(), ErrorCode> {
    if value.trim().is_empty() {
        return Err(ErrorCode::Required);
    }
    if value.chars().count() > max {
        return Err(ErrorCode::TooLong);
    }
    let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ErrorCode::ControlCharacters);
    }
    Ok(())
}

/// A deliberately forgiving address check: one `@`, something before it, a
/// dotted domain after it, no spaces. Whether the mailbox exists is for the
/// support representative's email to find out, not for a pattern.
fn email(value: &str) -> Result<(), ErrorCode> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    if value.chars().count() > limits::EMAIL_MAX {
        return Err(ErrorCode::TooLong);
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(ErrorCode::InvalidEmail);
    };
    let domain_ok = domain
        .split('.')
        .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
        && domain.contains('.');
    let no_odd_chars = !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if local.is_empty() || local.contains('@') || !domain_ok || !no_odd_chars {
        return Err(ErrorCode::InvalidEmail);
    }
    Ok(())
}

/// An optional phone number: digits with the usual separators, an optional
/// leading `+`, and between 5 and 20 digits; then perhaps an extension of 1
/// to 6 digits after `ext`, `x`, `#`, 转 or 分机 (an office's switchboard).
fn phone(value: &str) -> Result<(), ErrorCode> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    if value.chars().count() > limits::PHONE_MAX {
        return Err(ErrorCode::TooLong);
    }
    let (number, extension) = split_extension(value);
    let body = number.strip_prefix('+').unwrap_or(number);
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.');
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let extension_ok = extension.is_none_or(|extension| {
        (1..=6).contains(&extension.len()) && extension.bytes().all(|b| b.is_ascii_digit())
    });
    if !body.chars().all(allowed) || !(5..=20).contains(&digits) || !extension_ok {
        return Err(ErrorCode::InvalidPhone);
    }
    Ok(())
}

/// A phone number and its extension, if it names one: what follows the
/// first extension mark (in any case), without a `.` after the mark and
/// without spaces around it.
fn split_extension(value: &str) -> (&str, Option<&str>) {
    const MARKS: [&str; 7] = ["ext", "x", "#", "转", "轉", "分机", "分機"];
    // ASCII lowercasing keeps every byte where it was.
    let lower = value.to_ascii_lowercase();
    let found = MARKS
        .iter()
        .filter_map(|mark| lower.find(mark).map(|at| (at, mark.len())))
        .min();
    match found {
        Some((at, len)) => {
            let rest = &value[at + len..];
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            (value[..at].trim_end(), Some(rest.trim()))
        }
        None => (value, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_named_as_serde_names_them() {
        for code in ErrorCode::KNOWN.into_iter().chain([ErrorCode::Unknown]) {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
            assert_eq!(ErrorCode::parse(code.as_str()), code);
        }
        assert_eq!(
            ErrorCode::parse("a_code_from_a_newer_backend"),
            ErrorCode::Unknown
        );
        let newer: ErrorCode = serde_json::from_str("\"a_code_from_a_newer_backend\"").unwrap();
        assert_eq!(newer, ErrorCode::Unknown);
    }
    use crate::{Category, Contact, ContactLanguage};

    fn valid() -> NewSupportRequest {
        NewSupportRequest {
            kind: RequestKind::PartnerCenter,
            category: Some(Category::Technical),
            title: "无法登录合作伙伴中心".into(),
            description: "登录时显示错误。\n第二行。".into(),
            contact: Contact {
                name: "王芳".into(),
                email: "wang.fang@contoso.cn".into(),
                phone: Some("+86 10 5555 0100".into()),
                language: ContactLanguage::ZhCn,
            },
            ..NewSupportRequest::default()
        }
    }

    fn fields(request: &NewSupportRequest) -> Vec<(String, ErrorCode)> {
        request
            .validate()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_complete_request_passes() {
        assert_eq!(fields(&valid()), vec![]);
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_form_order() {
        let request = NewSupportRequest {
            category: None,
            ..NewSupportRequest::default()
        };
        let got: Vec<_> = fields(&request).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            got,
            [
                "category",
                "title",
                "description",
                "contact.name",
                "contact.email"
            ]
        );
    }

    #[test]
    fn blank_text_counts_as_missing() {
        let request = NewSupportRequest {
            title: " \u{3000} ".into(),
            ..valid()
        };
        assert_eq!(
            fields(&request),
            vec![("title".into(), ErrorCode::Required)]
        );
    }

    #[test]
    fn lengths_are_counted_in_characters_not_bytes() {
        let at_limit = NewSupportRequest {
            title: "漢".repeat(limits::TITLE_MAX),
            ..valid()
        };
        assert_eq!(fields(&at_limit), vec![]);
        let over = NewSupportRequest {
            title: "漢".repeat(limits::TITLE_MAX + 1),
            ..valid()
        };
        assert_eq!(fields(&over), vec![("title".into(), ErrorCode::TooLong)]);
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_in_descriptions_are_not() {
        let title = NewSupportRequest {
            title: "bad\u{7}bell".into(),
            ..valid()
        };
        assert_eq!(
            fields(&title),
            vec![("title".into(), ErrorCode::ControlCharacters)]
        );
        let title_newline = NewSupportRequest {
            title: "two\nlines".into(),
            ..valid()
        };
        assert_eq!(
            fields(&title_newline),
            vec![("title".into(), ErrorCode::ControlCharacters)]
        );
        let description = NewSupportRequest {
            description: "a\r\n\tb".into(),
            ..valid()
        };
        assert_eq!(fields(&description), vec![]);
    }

    #[test]
    fn email_addresses() {
        for good in ["a@b.co", "li.na+support@contoso.com.cn", "  x@y.org "] {
            assert_eq!(email(good), Ok(()), "{good}");
        }
        for bad in [
            "plain", "@b.co", "a@b", "a@.co", "a@b..co", "a b@c.co", "a@b@c.co", "a@-b.co",
        ] {
            assert_eq!(email(bad), Err(ErrorCode::InvalidEmail), "{bad}");
        }
        assert_eq!(email(""), Err(ErrorCode::Required));
    }

    #[test]
    fn phone_numbers_are_optional_and_loose_about_separators() {
        for good in [
            "",
            "+86 (10) 5555-0100",
            "02 2555 0100",
            "+34.600.000.000",
            "+86 10 5555 0100 ext 2",
            "+86 10 5555 0100 Ext. 123",
            "+1 425 555 0100 x4",
            "+86 (10) 5555-0100 转 12",
            "02 2555 0100 分機 3021",
            "600 000 000#12",
        ] {
            assert_eq!(phone(good), Ok(()), "{good}");
        }
        // Full-width digits are the widget's to fold before it sends.
        for bad in [
            "call me",
            "12",
            "１２３４５６",
            "+86 10 5555 0100 ext",
            "+86 10 5555 0100 ext 1234567",
            "+86 10 5555 0100 ext two",
            "ext 12345",
            "+86 10 5555 0100 x 1 x 2",
        ] {
            assert_eq!(phone(bad), Err(ErrorCode::InvalidPhone), "{bad}");
        }
    }

    #[test]
    fn a_customer_request_needs_the_customer_the_service_and_a_severity() {
        let bare = NewSupportRequest {
            kind: RequestKind::Customer,
            category: None,
            ..valid()
        };
        let got: Vec<_> = fields(&bare).into_iter().map(|(f, _)| f).collect();
        assert_eq!(got, ["customer", "service", "severity"]);
        let complete = NewSupportRequest {
            customer: Some(crate::CustomerRef {
                id: "c1".into(),
                name: "Fabrikam".into(),
            }),
            service: Some("azure".into()),
            severity: Some(crate::Severity::Critical),
            ..bare
        };
        assert_eq!(fields(&complete), vec![]);
    }

    #[test]
    fn a_partner_center_request_needs_a_category_but_other_kinds_do_not() {
        let request = NewSupportRequest {
            category: None,
            ..valid()
        };
        assert_eq!(
            fields(&request),
            vec![("category".into(), ErrorCode::Required)]
        );
        let self_service = NewSupportRequest {
            kind: RequestKind::CustomerSelfService,
            category: None,
            ..valid()
        };
        assert_eq!(fields(&self_service), vec![]);
    }

    #[test]
    fn an_escalation_names_one_of_the_known_reasons() {
        let escalated = |reason: &str| NewSupportRequest {
            escalation: Some(crate::Escalation {
                reason: reason.into(),
                health_checked: true,
                troubleshooting: vec![],
            }),
            ..valid()
        };
        for reason in ESCALATION_REASONS {
            assert_eq!(fields(&escalated(reason)), vec![], "{reason}");
        }
        assert_eq!(
            fields(&escalated("because")),
            vec![("escalation.reason".into(), ErrorCode::InvalidValue)]
        );
    }

    #[test]
    fn the_json_shape_matches_the_contract() {
        let json = serde_json::to_value(valid()).unwrap();
        assert_eq!(json["kind"], "partner_center");
        assert_eq!(json["category"], "technical");
        assert_eq!(json["contact"]["language"], "zh-CN");
        assert!(
            json.get("customer").is_none(),
            "absent options are left out"
        );
        let unknown: Result<NewSupportRequest, _> = serde_json::from_value(
            serde_json::json!({"kind": "nope", "title": "", "description": "", "contact": {"name": "", "email": ""}}),
        );
        assert!(unknown.is_err());
    }

    #[test]
    fn the_retry_and_media_type_codes_are_snake_case() {
        for (code, json) in [
            (
                ErrorCode::IdempotencyKeyInFlight,
                "\"idempotency_key_in_flight\"",
            ),
            (ErrorCode::RateLimited, "\"rate_limited\""),
            (
                ErrorCode::UnsupportedMediaType,
                "\"unsupported_media_type\"",
            ),
        ] {
            assert_eq!(serde_json::to_string(&code).unwrap(), json);
            assert_eq!(serde_json::from_str::<ErrorCode>(json).unwrap(), code);
        }
    }

    #[test]
    fn a_request_carries_at_most_five_files_each_once() {
        let with = |ids: Vec<String>| NewSupportRequest {
            attachments: ids,
            ..valid()
        };
        let ids = |n: usize| (0..n).map(|i| format!("upload-{i}")).collect();
        assert_eq!(fields(&with(ids(crate::ATTACHMENTS_MAX_FILES))), vec![]);
        assert_eq!(
            fields(&with(ids(crate::ATTACHMENTS_MAX_FILES + 1))),
            vec![("attachments".into(), ErrorCode::TooManyFiles)]
        );
        assert_eq!(
            fields(&with(vec!["a".into(), "a".into()])),
            vec![("attachments".into(), ErrorCode::InvalidValue)]
        );
        let blank_form = NewSupportRequest {
            category: Some(Category::Technical),
            attachments: ids(crate::ATTACHMENTS_MAX_FILES + 1),
            ..NewSupportRequest::default()
        };
        let order: Vec<_> = fields(&blank_form).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            order,
            [
                "title",
                "description",
                "attachments",
                "contact.name",
                "contact.email"
            ],
            "the files come after the description, as in the form"
        );
        let json = serde_json::to_value(valid()).unwrap();
        assert!(json.get("attachments").is_none(), "no files, no field");
    }

    #[test]
    fn the_file_codes_are_snake_case() {
        for (code, json) in [
            (ErrorCode::FileEmpty, "\"file_empty\""),
            (ErrorCode::FileTooLarge, "\"file_too_large\""),
            (ErrorCode::FileTypeNotAllowed, "\"file_type_not_allowed\""),
            (ErrorCode::FileTypeMismatch, "\"file_type_mismatch\""),
            (ErrorCode::TooManyFiles, "\"too_many_files\""),
            (ErrorCode::AttachmentsTooLarge, "\"attachments_too_large\""),
        ] {
            assert_eq!(serde_json::to_string(&code).unwrap(), json);
            assert_eq!(serde_json::from_str::<ErrorCode>(json).unwrap(), code);
        }
    }

    #[test]
    fn error_codes_the_widget_does_not_know_still_parse() {
        let error: FieldError =
            serde_json::from_str(r#"{"field":"title","code":"new_rule"}"#).unwrap();
        assert_eq!(error.code, ErrorCode::Unknown);
    }
}
