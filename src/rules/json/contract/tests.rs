use std::fmt::Debug;

use serde::{de::DeserializeOwned, Serialize};

use super::*;
use crate::rules::json;

/// The widget reads what serde writes, and (`writes`) writes what serde
/// writes, byte for byte.
pub(super) fn agrees_with_serde<T>(value: &T, writes: Option<fn(&T) -> String>)
where
    T: FromJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = serde_json::to_string(value).unwrap();
    assert_eq!(json::from_str::<T>(&text).as_ref(), Ok(value), "{text}");
    if let Some(write) = writes {
        assert_eq!(write(value), text);
    }
}

pub(super) fn written<T: ToJson>(value: &T) -> String {
    json::to_string(value)
}

fn attachment(sha256: Option<&str>) -> Attachment {
    Attachment {
        id: "0b7c4f7e-8a1d-4c1e-9d0b-3c1f5e2a9d10".into(),
        name: "screen.png".into(),
        size: 48_213,
        content_type: "image/png".into(),
        sha256: sha256.map(str::to_owned),
    }
}

fn requests() -> Vec<NewSupportRequest> {
    let contact = Contact {
        name: "陳怡君".into(),
        email: "chen@contoso.tw".into(),
        phone: Some("+886 2 5555 0100".into()),
        language: ContactLanguage::ZhTw,
    };
    vec![
        NewSupportRequest {
            kind: RequestKind::PartnerCenter,
            category: Some(Category::CustomerSubscriptionManagement),
            title: "Invoice\ttab".into(),
            description: "Line one\nline two \u{1} \\ \u{202e}".into(),
            contact: Contact {
                phone: None,
                ..contact.clone()
            },
            locale: ContactLanguage::EsEs,
            ..NewSupportRequest::default()
        },
        NewSupportRequest {
            kind: RequestKind::Customer,
            customer: Some(CustomerRef {
                id: "c-1".into(),
                name: "Fabrikam".into(),
            }),
            service: Some("azure".into()),
            escalation: Some(Escalation {
                reason: "unavailable_service".into(),
                health_checked: true,
                troubleshooting: vec!["restart".into(), "settings".into()],
            }),
            title: "VM down".into(),
            description: "It stopped.".into(),
            severity: Some(Severity::Critical),
            contact: contact.clone(),
            locale: ContactLanguage::ZhCn,
            attachments: vec!["a-1".into(), "a-2".into()],
            ..NewSupportRequest::default()
        },
        NewSupportRequest {
            kind: RequestKind::CustomerSelfService,
            title: "Sign-in".into(),
            description: "I can't sign in.".into(),
            contact,
            articles_seen: vec!["office365-reset-password".into()],
            ..NewSupportRequest::default()
        },
    ]
}

#[test]
fn requests_are_written_and_read_as_the_backend_reads_them() {
    for request in requests() {
        agrees_with_serde(&request, Some(written));
    }
}

#[test]
fn the_backends_answers_are_read_as_it_writes_them() {
    agrees_with_serde(&attachment(None), Some(written));
    agrees_with_serde(&attachment(Some("ab12")), Some(written));
    let created = CreatedRequest {
        id: "r-1".into(),
        reference: "SR-2026-000123".into(),
        status: RequestStatus::Submitted,
        created_at: "2026-11-23T10:00:00Z".into(),
    };
    agrees_with_serde(&created, None);
    for request in requests() {
        agrees_with_serde(
            &StoredRequest {
                id: "r-1".into(),
                reference: "SR-2026-000123".into(),
                status: RequestStatus::InProgress,
                created_at: "2026-11-23T10:00:00Z".into(),
                request,
                history: vec![
                    StatusChange {
                        status: RequestStatus::Submitted,
                        changed_at: "2026-11-23T10:00:00Z".into(),
                        note: None,
                    },
                    StatusChange {
                        status: RequestStatus::InProgress,
                        changed_at: "2026-11-23T11:00:00Z".into(),
                        note: Some("Looking into it".into()),
                    },
                ],
                attachments: vec![attachment(Some("ab12"))],
            },
            None,
        );
    }
    agrees_with_serde(
        &ErrorBody {
            errors: vec![
                FieldError::new("contact.email", ErrorCode::InvalidEmail),
                FieldError::new("", ErrorCode::RateLimited),
            ],
        },
        None,
    );
}

#[test]
fn an_older_backends_answer_without_history_or_files_reads() {
    let text = r#"{"id":"r-1","reference":"SR-1","status":"closed","created_at":"2026-01-01T00:00:00Z",
        "request":{"kind":"partner_center","category":"billing","title":"t","description":"d",
        "contact":{"name":"n","email":"e@x.cn"}}}"#;
    let stored: StoredRequest = json::from_str(text).unwrap();
    assert_eq!(stored, serde_json::from_str::<StoredRequest>(text).unwrap());
    assert!(stored.history.is_empty() && stored.attachments.is_empty());
    assert_eq!(stored.request.contact.language, ContactLanguage::EnUs);
}

#[test]
fn an_unknown_error_code_reads_as_unknown_and_a_wrong_name_is_refused() {
    let body: ErrorBody =
        json::from_str(r#"{"errors":[{"field":"x","code":"from_the_future"}]}"#).unwrap();
    assert_eq!(body.errors[0].code, ErrorCode::Unknown);
    for text in [
        r#"{"errors":[{"field":"x","code":1}]}"#,
        r#"{"errors":{}}"#,
        r#"{"error":[]}"#,
    ] {
        assert!(json::from_str::<ErrorBody>(text).is_err(), "{text}");
        assert!(serde_json::from_str::<ErrorBody>(text).is_err(), "{text}");
    }
    // A filed request's status that this version does not know reads as
    // submitted, where serde refuses the answer.
    for text in [
        r#"{"id":"r","reference":"S","status":"lost","created_at":"t"}"#,
        r#"{"id":"r","reference":"S","status":"Submitted","created_at":"t"}"#,
        r#"{"id":"r","reference":"S","created_at":"t"}"#,
    ] {
        let created = json::from_str::<CreatedRequest>(text).unwrap();
        assert_eq!(created.status, RequestStatus::Submitted, "{text}");
        assert!(
            serde_json::from_str::<CreatedRequest>(text).is_err(),
            "{text}"
        );
    }
    for text in [
        r#"{"id":7,"reference":"S","status":"submitted","created_at":"t"}"#,
        r#"{"id":"r","status":"submitted","created_at":"t"}"#,
    ] {
        assert!(json::from_str::<CreatedRequest>(text).is_err(), "{text}");
        assert!(
            serde_json::from_str::<CreatedRequest>(text).is_err(),
            "{text}"
        );
    }
}

fn stored(id: &str, request: NewSupportRequest) -> StoredRequest {
    StoredRequest {
        id: id.into(),
        reference: format!("SR-{id}"),
        status: RequestStatus::Resolved,
        created_at: "2026-11-23T10:00:00Z".into(),
        request,
        history: Vec::new(),
        attachments: Vec::new(),
    }
}

#[test]
fn a_page_of_the_users_requests_is_read_as_the_backend_writes_it() {
    let requests: Vec<_> = requests()
        .into_iter()
        .enumerate()
        .map(|(n, request)| stored(&format!("r-{n}"), request))
        .collect();
    // A page with more after it, the last page, and an empty list.
    agrees_with_serde(
        &RequestList {
            requests: requests.clone(),
            next: Some("r-2".into()),
        },
        None,
    );
    agrees_with_serde(
        &RequestList {
            requests,
            next: None,
        },
        None,
    );
    agrees_with_serde(&RequestList::default(), None);
}

#[test]
fn a_request_of_a_page_that_cannot_be_read_is_left_out_not_the_page() {
    let readable = serde_json::to_string(&stored("r-1", requests().remove(0))).unwrap();
    let newer = readable.replace(r#""status":"resolved""#, r#""status":"on_hold""#);
    let text = format!(r#"{{"requests":[{newer},{readable}],"next":"r-1"}}"#);
    let list: RequestList = json::from_str(&text).unwrap();
    assert_eq!(list.requests.len(), 1);
    assert_eq!(list.requests[0].id, "r-1");
    assert_eq!(list.next.as_deref(), Some("r-1"));
    for text in [
        format!(r#"{{"requests":[{newer}]}}"#),
        r#"{"requests":{}}"#.to_owned(),
        r#"{"next":"r-1"}"#.to_owned(),
        r#"{"requests":[],"next":7}"#.to_owned(),
    ] {
        assert!(json::from_str::<RequestList>(&text).is_err(), "{text}");
        assert!(
            serde_json::from_str::<RequestList>(&text).is_err(),
            "{text}"
        );
    }
}
