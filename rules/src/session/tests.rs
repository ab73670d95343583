use support_contract::{Contact, ErrorCode, FieldError, NewSupportRequest};

use super::*;

/// The header of an HS256 JWT, and a signature the widget never checks.
const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const SIGNATURE: &str = "c2lnbmF0dXJl";

fn token(payload: &str) -> String {
    format!("{HEADER}.{payload}.{SIGNATURE}")
}

#[test]
fn an_answer_other_than_401_is_the_requests_answer() {
    for status in [200, 201, 403, 404, 422, 500] {
        assert_eq!(Authorizing::default().answered(status), Next::Answered);
    }
}

#[test]
fn a_401_asks_the_provider_again_and_sends_once_more_with_its_token() {
    let mut authorizing = Authorizing::default();
    assert_eq!(authorizing.answered(401), Next::Renew);
    assert_eq!(authorizing.renewed(Some("fresh")), Next::SendAgain);
    assert_eq!(authorizing.answered(201), Next::Answered);
}

#[test]
fn no_fresh_token_ends_the_session() {
    let mut authorizing = Authorizing::default();
    assert_eq!(authorizing.answered(401), Next::Renew);
    assert_eq!(authorizing.renewed(None), Next::Ended);
}

#[test]
fn a_second_401_ends_the_session_without_asking_again() {
    let mut authorizing = Authorizing::default();
    assert_eq!(authorizing.answered(401), Next::Renew);
    assert_eq!(authorizing.renewed(Some("fresh")), Next::SendAgain);
    assert_eq!(authorizing.answered(401), Next::Ended);
    assert_eq!(authorizing.answered(401), Next::Ended, "never a loop");
}

#[test]
fn a_tokens_payload_names_the_user() {
    let ana = "eyJzdWIiOiJ1MSIsIm5hbWUiOiJBbmEgUnVpeiIsImVtYWlsIjoiYW5hQGV4YW1wbGUuY29tIiwicm9sZSI6InBhcnRuZXIifQ";
    let identity = Identity::of_token(&token(ana));
    assert_eq!(identity.name, "Ana Ruiz");
    assert_eq!(identity.email, "ana@example.com");
    // Base64url's own characters (`_` here), and UTF-8 beyond ASCII.
    let wang = "eyJzdWIiOiJ1MiIsIm5hbWUiOiLnjovlsI_mmI4iLCJlbWFpbCI6InhtQGV4YW1wbGUuY24ifQ";
    assert_eq!(Identity::of_token(&token(wang)).name, "王小明");
    assert_eq!(Identity::of_token(&token(wang)).email, "xm@example.cn");
}

#[test]
fn a_token_without_claims_or_unreadable_names_nobody() {
    for token in [
        token("eyJzdWIiOiJ1MyJ9"),
        token("not base64!"),
        token("bm90IGpzb24"),
        "opaque-session-id".to_owned(),
        String::new(),
    ] {
        let identity = Identity::of_token(&token);
        assert_eq!(
            (identity.name.as_str(), identity.email.as_str()),
            ("", ""),
            "{token}"
        );
        // Without a subject, nobody in particular: one owner for all such
        // tokens, which a renewal keeps.
        let anybody = Identity::of_token("").user;
        assert_eq!(
            identity.user == anybody,
            !token.contains("eyJzdWIi"),
            "{token}"
        );
    }
}

fn typed_request() -> NewSupportRequest {
    NewSupportRequest {
        contact: Contact {
            name: "typed".into(),
            email: "typed@example.com".into(),
            phone: Some("+1 555 0100".into()),
            ..Contact::default()
        },
        ..NewSupportRequest::default()
    }
}

/// A payload of `claims`, as a token carries it.
fn payload(claims: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits = claims
        .bytes()
        .flat_map(|byte| (0..8).rev().map(move |i| byte >> i & 1));
    let bits: Vec<u8> = bits.collect();
    bits.chunks(6)
        .map(|six| {
            let value = (0..6).fold(0, |v, i| v << 1 | six.get(i).copied().unwrap_or(0));
            ALPHABET[usize::from(value)] as char
        })
        .collect()
}

#[test]
fn each_user_keeps_their_own_things_by_issuer_and_subject() {
    let user = |claims: &str| Identity::of_token(&token(&payload(claims))).user;
    let ana = user(r#"{"iss":"https://id.example","sub":"u1","name":"Ana"}"#);
    // Read the same way on every load, and whatever the name says.
    assert_eq!(
        ana,
        user(r#"{"iss":"https://id.example","sub":"u1","name":"Ana Ruiz"}"#)
    );
    assert_eq!(ana.len(), 16);
    assert!(ana.bytes().all(|b| b.is_ascii_hexdigit()), "{ana}");
    // Another subject, or the same subject of another issuer, is another user.
    assert_ne!(
        ana,
        user(r#"{"iss":"https://id.example","sub":"u2","name":"Ana"}"#)
    );
    assert_ne!(ana, user(r#"{"iss":"https://other.example","sub":"u1"}"#));
    assert_ne!(
        user(r#"{"iss":"a","sub":"bc"}"#),
        user(r#"{"iss":"ab","sub":"c"}"#)
    );
    // Nothing of who they are is written in clear.
    assert!(!ana.contains("u1"));

    let signed_in = Session::SignedIn(Identity::of_token(&token(&payload(r#"{"sub":"u1"}"#))));
    let Some(StorageOwner::User(digest)) = signed_in.storage_owner() else {
        panic!("a signed-in user keeps their own");
    };
    assert_eq!(
        StorageOwner::User(digest.clone()).key_suffix(),
        format!(":user-{digest}")
    );
    assert_eq!(Session::None.storage_owner(), Some(StorageOwner::Device));
    assert_eq!(StorageOwner::Device.key_suffix(), "");
    // While the provider's first answer is on its way, nobody's.
    assert_eq!(Session::Asking.storage_owner(), None);
}

#[test]
fn a_signed_in_users_request_carries_the_tokens_name_and_email() {
    let session = Session::SignedIn(Identity {
        name: "Ana Ruiz".into(),
        email: "ana@example.com".into(),
        ..Identity::default()
    });
    let mut request = typed_request();
    session.sign(&mut request);
    assert_eq!(request.contact.name, "Ana Ruiz");
    assert_eq!(request.contact.email, "ana@example.com");
    assert_eq!(request.contact.phone.as_deref(), Some("+1 555 0100"));
}

#[test]
fn without_a_token_the_request_carries_what_was_typed() {
    for session in [Session::None, Session::Asking] {
        let mut request = typed_request();
        session.sign(&mut request);
        assert_eq!(request, typed_request());
    }
}

#[test]
fn only_a_form_that_asks_for_name_and_email_is_held_back_by_them() {
    let name = FieldError::new("contact.name", ErrorCode::Required);
    let email = FieldError::new("contact.email", ErrorCode::InvalidEmail);
    let title = FieldError::new("title", ErrorCode::Required);
    assert!(Session::None.asks_contact());
    assert!(Session::None.holds_back(&name) && Session::None.holds_back(&email));
    let named = Identity {
        name: "Mei Lin".into(),
        email: "mei.lin@contosocloud.cn".into(),
        ..Identity::default()
    };
    for session in [Session::Asking, Session::SignedIn(named)] {
        assert!(!session.asks_contact());
        assert!(!session.holds_back(&name) && !session.holds_back(&email));
        assert!(session.holds_back(&title));
    }
}

#[test]
fn a_token_that_names_no_one_leaves_the_form_asking() {
    for (name, email) in [("", "mei.lin@contosocloud.cn"), ("Mei Lin", ""), (" ", " ")] {
        let session = Session::SignedIn(Identity {
            name: name.into(),
            email: email.into(),
            ..Identity::default()
        });
        assert!(session.asks_contact(), "{name:?} {email:?}");
        let mut request = NewSupportRequest::default();
        request.contact.name = "Typed Name".into();
        request.contact.email = "typed@example.com".into();
        session.sign(&mut request);
        assert_eq!(request.contact.name, "Typed Name");
        assert_eq!(request.contact.email, "typed@example.com");
        let problem = FieldError::new("contact.email", ErrorCode::Required);
        assert!(session.holds_back(&problem));
    }
}

#[test]
fn the_tokens_authorization_replaces_the_pages() {
    let page = vec![
        ("authorization".to_owned(), "Bearer old".to_owned()),
        ("X-Portal-Tenant".to_owned(), "t1".to_owned()),
    ];
    assert_eq!(
        request_headers(&page, Some("fresh")),
        vec![
            ("X-Portal-Tenant", "t1".to_owned()),
            ("Authorization", "Bearer fresh".to_owned()),
        ]
    );
    // Without a token, the page's own Authorization goes as it is.
    assert_eq!(
        request_headers(&page, None),
        vec![
            ("authorization", "Bearer old".to_owned()),
            ("X-Portal-Tenant", "t1".to_owned()),
        ]
    );
}

#[test]
fn only_an_authorization_header_carries_a_sign_in() {
    let tenant = vec![("X-Portal-Tenant".to_owned(), "contoso".to_owned())];
    assert!(!carries_sign_in(&request_headers(&tenant, None)));
    assert!(carries_sign_in(&request_headers(&tenant, Some("token"))));
    let own = vec![("authorization".to_owned(), "Bearer portal".to_owned())];
    assert!(carries_sign_in(&request_headers(&own, None)));
    assert!(!carries_sign_in(&request_headers(&[], None)));
}

#[test]
fn a_refused_request_without_authorization_is_told_as_no_sign_in_whatever_else_the_page_set() {
    let tenant = vec![("X-Portal-Tenant".to_owned(), "contoso".to_owned())];
    let carried = carries_sign_in(&request_headers(&tenant, None));
    let end = SessionEnd::of(carried, false);
    assert_eq!(end, SessionEnd::NoSignIn);
    assert_eq!(end.code(), "session_ended");
    assert!(
        end.message().contains("the page gave none"),
        "{}",
        end.message()
    );
}

#[test]
fn a_refused_authorization_is_a_refused_sign_in_and_a_new_one_refused_from_the_start_says_so() {
    assert_eq!(SessionEnd::of(true, false), SessionEnd::Refused);
    assert_eq!(SessionEnd::Refused.code(), "session_ended");
    assert_eq!(
        SessionEnd::Refused.message(),
        "the support service refused the sign-in"
    );
    for carried in [true, false] {
        assert_eq!(SessionEnd::of(carried, true).code(), "sign_in_refused");
    }
}
