//! The validation rules, written once for the widget and the backend.

use crate::{
    attachments, ErrorCode, Escalation, EscalationReason, FieldError, NewSupportRequest,
    RequestKind, TroubleshootingStep,
};

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
    /// The longest page of a list of requests (`limit`).
    pub const LIST_PAGE_MAX: usize = 50;
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
            if self.customer_id().is_none() {
                check("customer", Err(ErrorCode::Required));
            }
            if self.service_id().is_none() {
                check("service", Err(ErrorCode::Required));
            }
            // A request on a customer's behalf is the escalation to 21Vianet
            // (seeds 001 and 003): it says why, and what was checked first.
            if self.escalation.is_none() {
                check("escalation", Err(ErrorCode::Required));
            }
        }
        if let Some(escalation) = &self.escalation {
            check("escalation.reason", reason(escalation));
            check("escalation.troubleshooting", troubleshooting(escalation));
        }
        if self.kind == RequestKind::Customer && self.severity.is_none() {
            check("severity", Err(ErrorCode::Required));
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

impl crate::NewReply {
    /// Every problem with this reply: its text as a description's, and its
    /// files as a request's.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = text(&self.body, limits::DESCRIPTION_MAX, true) {
            errors.push(FieldError::new("body", code));
        }
        if let Err(code) = attachments::check_ids(&self.attachments) {
            errors.push(FieldError::new("attachments", code));
        }
        errors
    }
}

/// One of the reasons the contract names; `"none"` is none of them, since a
/// problem that is the partner's own to support is not escalated.
fn reason(escalation: &Escalation) -> Result<(), ErrorCode> {
    EscalationReason::parse(&escalation.reason)
        .map(drop)
        .ok_or(ErrorCode::InvalidValue)
}

/// The ids of the troubleshooting steps done, each known and named once.
fn troubleshooting(escalation: &Escalation) -> Result<(), ErrorCode> {
    let steps = &escalation.troubleshooting;
    let known = steps
        .iter()
        .all(|s| TroubleshootingStep::parse(s).is_some());
    let once = (steps.iter().enumerate()).all(|(i, s)| !steps[..i].contains(s));
    if known && once {
        Ok(())
    } else {
        Err(ErrorCode::InvalidValue)
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
/// The address is checked as it came, not trimmed: it is stored as it came
/// (the widget sends it trimmed).
fn email(value: &str) -> Result<(), ErrorCode> {
    if value.trim().is_empty() {
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
    // Its length and characters as it came, which is how it is stored, blank
    // or not; a control character is not a phone number's.
    if value.chars().count() > limits::PHONE_MAX {
        return Err(ErrorCode::TooLong);
    }
    if value.chars().any(char::is_control) {
        return Err(ErrorCode::InvalidPhone);
    }
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
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
mod tests;
