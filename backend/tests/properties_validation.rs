//! Property tests of the contract's field rules as the backend applies them
//! (`NewSupportRequest::validate` plus the backend's own rules): generated
//! valid requests pass, and breaking one field in one way fails on exactly
//! that field with exactly that code. Bounded to a few hundred cases so the
//! run takes seconds.

use proptest::prelude::*;
use support_backend::requests::rules::picked_field_errors;
use support_contract::{
    limits, Category, Contact, ContactLanguage, CustomerRef, ErrorCode, Escalation,
    EscalationReason, FieldError, NewSupportRequest, RequestKind, Severity, TroubleshootingStep,
};

/// Any character that typed text may hold (mapped rather than filtered:
/// filtering thousands of characters a case exhausts proptest's rejects).
fn text_char() -> impl Strategy<Value = char> {
    any::<char>().prop_map(|c| if c.is_control() { '\u{B7}' } else { c })
}

/// Single-line text of 1 to `max` characters that is not blank.
fn text(max: usize) -> impl Strategy<Value = String> {
    let visible = any::<char>().prop_map(|c| {
        if c.is_control() || c.is_whitespace() {
            '\u{6F22}'
        } else {
            c
        }
    });
    (visible, prop::collection::vec(text_char(), 0..max))
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

/// Multi-line text: line breaks and tabs too.
fn multiline(max: usize) -> impl Strategy<Value = String> {
    let any_char = prop_oneof![8 => text_char(), 1 => prop::sample::select(vec!['\n', '\r', '\t'])];
    (text(1), prop::collection::vec(any_char, 0..max))
        .prop_map(|(first, rest)| first.chars().chain(rest).collect())
}

fn from_set(
    set: &'static str,
    len: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    let chars: Vec<char> = set.chars().collect();
    prop::collection::vec(prop::sample::select(chars), len).prop_map(String::from_iter)
}

const ALNUM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

fn email() -> impl Strategy<Value = String> {
    let local = from_set("abcdefghijklmnopqrstuvwxyz0123456789._+-", 1..=20);
    let labels = prop::collection::vec(from_set(ALNUM, 1..=10), 2..=4);
    (local, labels).prop_map(|(local, labels)| format!("{local}@{}", labels.join(".")))
}

fn phone() -> impl Strategy<Value = String> {
    let digits = from_set("0123456789", 5..=20);
    let separator = prop::sample::select(vec!["", " ", "-", "."]);
    (any::<bool>(), digits, separator).prop_map(|(plus, digits, separator)| {
        let groups: Vec<String> = digits
            .chars()
            .collect::<Vec<_>>()
            .chunks(4)
            .map(String::from_iter)
            .collect();
        format!("{}{}", if plus { "+" } else { "" }, groups.join(separator))
    })
}

prop_compose! {
    /// A request every rule accepts, of any kind.
    fn valid_request()(
        kind in prop::sample::select(vec![RequestKind::PartnerCenter, RequestKind::Customer, RequestKind::CustomerSelfService]),
        category in prop::sample::select(Category::ALL.to_vec()),
        severity in prop::sample::select(Severity::ALL.to_vec()),
        language in prop::sample::select(ContactLanguage::ALL.to_vec()),
        customer in (text(40), text(limits::NAME_MAX)),
        service in text(20),
        title in text(limits::TITLE_MAX),
        // Mostly short, sometimes up to the limit: long ones are slow to make.
        description in prop_oneof![6 => multiline(300), 1 => multiline(limits::DESCRIPTION_MAX - 1)],
        name in text(limits::NAME_MAX),
        email in email(),
        phone in prop::option::of(phone()),
        reason in prop::sample::select(EscalationReason::ALL.to_vec()),
        health_checked in any::<bool>(),
        steps in prop::sample::subsequence(TroubleshootingStep::ALL.to_vec(), 0..=3),
    ) -> NewSupportRequest {
        let for_customer = kind == RequestKind::Customer;
        NewSupportRequest {
            kind,
            category: (kind == RequestKind::PartnerCenter).then_some(category),
            customer: for_customer.then_some(CustomerRef { id: customer.0, name: customer.1 }),
            service: for_customer.then_some(service),
            severity: for_customer.then_some(severity),
            title,
            description,
            contact: Contact { name, email, phone, language },
            locale: language,
            escalation: for_customer.then(|| Escalation {
                reason: reason.as_str().into(),
                health_checked,
                troubleshooting: steps.iter().map(|s| s.as_str().into()).collect(),
            }),
            articles_seen: Vec::new(),
            attachments: Vec::new(),
            related_request: None,
        }
    }
}

/// Every problem the backend finds without its database.
fn errors(request: &NewSupportRequest) -> Vec<FieldError> {
    let mut errors = request.validate();
    errors.extend(picked_field_errors(request));
    errors
}

/// Any control character but the line breaks and tab of multi-line text.
fn control() -> impl Strategy<Value = char> {
    let controls: Vec<char> = ('\0'..='\u{9F}')
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .collect();
    prop::sample::select(controls)
}

/// `text` with `c` put in at `at` (a fraction of its length), kept within `max`.
fn insert(text: &str, c: char, at: f64, max: usize) -> String {
    let mut chars: Vec<char> = text.chars().take(max - 1).collect();
    let index = ((chars.len() as f64) * at) as usize;
    chars.insert(index.min(chars.len()), c);
    chars.into_iter().collect()
}

/// `text` padded with `漢` to one character over `max`.
fn over(text: &str, max: usize) -> String {
    let count = text.chars().count();
    format!("{text}{}", "漢".repeat(max + 1 - count.min(max)))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // Integration tests have no lib.rs to keep regressions beside.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn valid_requests_pass(request in valid_request()) {
        prop_assert_eq!(errors(&request), vec![]);
    }

    #[test]
    fn one_broken_field_is_the_one_error(
        request in valid_request(),
        mutation in 0usize..16,
        c in control(),
        at in 0.0f64..=1.0,
    ) {
        let mut broken = request.clone();
        let expected = match mutation {
            0 => { broken.title = " \u{3000} ".into(); ("title", ErrorCode::Required) }
            1 => { broken.title = over(&request.title, limits::TITLE_MAX); ("title", ErrorCode::TooLong) }
            2 => { broken.title = insert(&request.title, c, at, limits::TITLE_MAX); ("title", ErrorCode::ControlCharacters) }
            3 => { broken.title = insert(&request.title, '\n', at, limits::TITLE_MAX); ("title", ErrorCode::ControlCharacters) }
            4 => { broken.description = "\n\t ".into(); ("description", ErrorCode::Required) }
            5 => { broken.description = over(&request.description, limits::DESCRIPTION_MAX); ("description", ErrorCode::TooLong) }
            6 => { broken.description = insert(&request.description, c, at, limits::DESCRIPTION_MAX); ("description", ErrorCode::ControlCharacters) }
            7 => { broken.contact.name = String::new(); ("contact.name", ErrorCode::Required) }
            8 => { broken.contact.name = insert(&request.contact.name, c, at, limits::NAME_MAX); ("contact.name", ErrorCode::ControlCharacters) }
            9 => { broken.contact.email = request.contact.email.replace('@', ""); ("contact.email", ErrorCode::InvalidEmail) }
            10 => { broken.contact.email = String::new(); ("contact.email", ErrorCode::Required) }
            11 => { broken.contact.phone = Some("12-3".into()); ("contact.phone", ErrorCode::InvalidPhone) }
            12 => {
                broken.kind = RequestKind::PartnerCenter;
                broken.category = None;
                ("category", ErrorCode::Required)
            }
            13 => {
                broken.kind = RequestKind::Customer;
                broken.customer = Some(CustomerRef { id: "contoso".into(), name: "Contoso".into() });
                broken.service = Some("azure".into());
                broken.escalation = Some(Escalation {
                    reason: EscalationReason::BugOrIrregularity.as_str().into(),
                    ..Escalation::default()
                });
                broken.severity = None;
                ("severity", ErrorCode::Required)
            }
            14 => {
                let name = insert("Contoso", c, at, limits::NAME_MAX);
                broken.customer = Some(CustomerRef { id: "contoso".into(), name });
                ("customer.name", ErrorCode::ControlCharacters)
            }
            _ => {
                broken.contact.name = over(&request.contact.name, limits::NAME_MAX);
                ("contact.name", ErrorCode::TooLong)
            }
        };
        prop_assert_eq!(errors(&broken), vec![FieldError::new(expected.0, expected.1)]);
    }
}
