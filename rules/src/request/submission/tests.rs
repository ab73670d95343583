use support_contract::{ErrorCode, FieldError, RequestStatus};

use super::*;

#[test]
fn a_201_gives_the_reference() {
    let body = r#"{"id":"a1","reference":"SR-000001","status":"submitted","created_at":"2026-11-22T10:00:00Z"}"#;
    let created = read_created(201, None, body).unwrap();
    assert_eq!(created.reference, "SR-000001");
    assert_eq!(created.status, RequestStatus::Submitted);
}

#[test]
fn a_201_says_whether_a_link_to_confirm_the_address_was_mailed() {
    let mailed = r#"{"id":"a1","reference":"SR-000001","status":"submitted","created_at":"2026-11-22T10:00:00Z","confirmation_mailed":true}"#;
    assert!(read_created(201, None, mailed).unwrap().confirmation_mailed);
    // An older backend's answer, without it: none was mailed.
    let older = r#"{"id":"a1","reference":"SR-000001","status":"submitted","created_at":"2026-11-22T10:00:00Z"}"#;
    assert!(!read_created(201, None, older).unwrap().confirmation_mailed);
}

#[test]
fn a_filed_request_is_confirmed_only_by_its_id_and_reference() {
    // A status this version does not know is still a filed request.
    let newer = r#"{"id":"a1","reference":"SR-000001","status":"received","created_at":"2026-11-22T10:00:00Z"}"#;
    let created = read_created(201, None, newer).unwrap();
    assert_eq!(created.reference, "SR-000001");
    assert_eq!(created.status, RequestStatus::Submitted);
    let without = r#"{"id":"a1","reference":"SR-000001","created_at":"2026-11-22T10:00:00Z"}"#;
    assert_eq!(
        read_created(201, None, without).map(|created| created.status),
        Ok(RequestStatus::Submitted)
    );
    // Without an id or a reference there is nothing to confirm it by.
    for body in [
        r#"{"id":"","reference":"","status":"submitted","created_at":""}"#,
        r#"{"id":"a1","reference":"  ","status":"submitted","created_at":""}"#,
        r#"{"id":"a1","status":"submitted","created_at":""}"#,
        "<html>OK</html>",
    ] {
        assert_eq!(
            read_created(200, None, body),
            Err(SubmitError::BadResponse),
            "{body}"
        );
    }
}

#[test]
fn an_error_code_this_version_does_not_know_is_still_a_refusal() {
    let body = r#"{"errors":[{"field":"title","code":"from_a_newer_backend"}]}"#;
    assert_eq!(
        read_created(422, None, body),
        Err(SubmitError::Rejected(vec![FieldError::new(
            "title",
            ErrorCode::Unknown
        )]))
    );
}

#[test]
fn retry_after_is_whole_seconds_and_a_huge_one_is_the_longest_wait() {
    assert_eq!(parse_retry_after(" 120 "), Some(120));
    assert_eq!(parse_retry_after("99999999999"), Some(u32::MAX));
    assert_eq!(
        parse_retry_after("999999999999999999999999"),
        Some(u32::MAX)
    );
    for unreadable in ["", "-5", "1.5", "soon", "Wed, 21 Oct 2026 07:28:00 GMT"] {
        assert_eq!(parse_retry_after(unreadable), None, "{unreadable}");
    }
}

#[test]
fn a_422_names_each_error_once_and_no_more_than_a_request_could_have() {
    let repeated: Vec<String> = (0..500)
        .map(|n| {
            let (field, code) = [("title", "too_long"), ("description", "required")][n % 2];
            format!(r#"{{"field":"{field}","code":"{code}"}}"#)
        })
        .chain([r#"{"field":"title","code":"required"}"#.to_owned()])
        .collect();
    let body = format!(r#"{{"errors":[{}]}}"#, repeated.join(","));
    assert_eq!(
        read_created(422, None, &body),
        Err(SubmitError::Rejected(vec![
            FieldError::new("title", ErrorCode::TooLong),
            FieldError::new("description", ErrorCode::Required),
            FieldError::new("title", ErrorCode::Required),
        ]))
    );
    let many: Vec<String> = (0..500)
        .map(|n| format!(r#"{{"field":"field{n}","code":"required"}}"#))
        .collect();
    let body = format!(r#"{{"errors":[{}]}}"#, many.join(","));
    let Err(SubmitError::Rejected(named)) = read_created(422, None, &body) else {
        panic!("a 422 with errors is a rejection");
    };
    assert_eq!(named.len(), 20);
    assert_eq!(named[19].field, "field19");
}

#[test]
fn a_422_gives_the_field_errors() {
    let body = r#"{"errors":[{"field":"contact.email","code":"invalid_email"}]}"#;
    assert_eq!(
        read_created(422, None, body),
        Err(SubmitError::Rejected(vec![FieldError::new(
            "contact.email",
            ErrorCode::InvalidEmail
        )]))
    );
}

#[test]
fn unreadable_or_failed_answers_are_errors_not_panics() {
    let server = |status| SubmitError::Server {
        status,
        retry_after: None,
    };
    assert_eq!(
        read_created(201, None, "<html>"),
        Err(SubmitError::BadResponse)
    );
    assert_eq!(read_created(422, None, "oops"), Err(server(422)));
    assert_eq!(read_created(503, Some("soon"), ""), Err(server(503)));
    assert_eq!(read_created(413, None, ""), Err(SubmitError::TooLarge));
    let in_flight =
        r#"{"errors":[{"field":"Idempotency-Key","code":"idempotency_key_in_flight"}]}"#;
    assert_eq!(
        read_created(409, Some("1"), in_flight),
        Err(SubmitError::Server {
            status: 409,
            retry_after: Some(1)
        })
    );
    assert_eq!(
        read_created(429, Some(" 17 "), ""),
        Err(SubmitError::Server {
            status: 429,
            retry_after: Some(17)
        })
    );
}

#[test]
fn a_reply_is_read_as_a_filing_is() {
    let body = r#"{"id":"r1","body":"Hi","author":{"name":"Li Na","role":"partner"},"created_at":"2026-11-27T10:00:00Z","attachments":[]}"#;
    let reply = read_reply(201, None, body).unwrap();
    assert_eq!(
        (reply.id.as_str(), reply.author.role.as_str()),
        ("r1", "partner")
    );
    // Stored, but an answer without the reply cannot be shown.
    assert_eq!(read_reply(201, None, "{}"), Err(SubmitError::BadResponse));
    assert_eq!(
        read_reply(201, None, &body.replace(r#""r1""#, r#""  ""#)),
        Err(SubmitError::BadResponse)
    );
    let refused = r#"{"errors":[{"field":"body","code":"required"}]}"#;
    assert_eq!(
        read_reply(422, None, refused),
        Err(SubmitError::Rejected(vec![FieldError::new(
            "body",
            ErrorCode::Required
        )]))
    );
    assert_eq!(read_reply(413, None, ""), Err(SubmitError::TooLarge));
    assert_eq!(
        read_reply(429, Some("3"), ""),
        Err(SubmitError::Server {
            status: 429,
            retry_after: Some(3)
        })
    );
}
