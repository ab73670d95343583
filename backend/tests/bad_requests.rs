//! Whatever a client sends, the answer is a 4xx with the contract's JSON
//! error and a machine-readable code, never a 500 and never a dropped
//! connection, and the server goes on serving.

mod common;

use common::{json_of, key, one_error, start, valid, TestServer};
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The server still files a valid request.
async fn still_serving(server: &TestServer, after: &str) {
    assert_eq!(
        server.post_json(&key(), &valid()).await.status(),
        StatusCode::CREATED,
        "not serving after {after}"
    );
}

#[tokio::test]
async fn bodies_that_are_not_the_contract_are_400_malformed_body() {
    let server = start().await;
    let mut nested_unknown = valid();
    nested_unknown["contact"]["extra"] = json!(true);
    let mut null_title = valid();
    null_title["title"] = json!(null);
    let mut object_title = valid();
    object_title["title"] = json!({"text": "x"});
    let mut unknown_category = valid();
    unknown_category["category"] = json!("hardware");
    let mut array_contact = valid();
    array_contact["contact"] = json!(["Li Na"]);
    let mut string_bool = valid();
    string_bool["escalation"] = json!({"reason": "r", "health_checked": "yes"});
    let duplicate = br#"{"kind":"partner_center","kind":"customer","category":"billing","title":"t","description":"d","contact":{"name":"n","email":"n@example.com"}}"#;
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        (
            "unknown nested field",
            serde_json::to_vec(&nested_unknown).unwrap(),
        ),
        (
            "null for a string",
            serde_json::to_vec(&null_title).unwrap(),
        ),
        (
            "object for a string",
            serde_json::to_vec(&object_title).unwrap(),
        ),
        (
            "unknown category",
            serde_json::to_vec(&unknown_category).unwrap(),
        ),
        (
            "array for an object",
            serde_json::to_vec(&array_contact).unwrap(),
        ),
        (
            "string for a boolean",
            serde_json::to_vec(&string_bool).unwrap(),
        ),
        ("duplicate field", duplicate.to_vec()),
        ("invalid UTF-8 in a string", {
            let mut bytes = serde_json::to_vec(&valid()).unwrap();
            let at = bytes.windows(7).position(|w| w == b"Invoice").unwrap();
            bytes[at] = 0xC3;
            bytes[at + 1] = 0x28;
            bytes
        }),
        (
            "lone surrogate escape",
            serde_json::to_vec(&valid())
                .unwrap()
                .replace_title(r#""\ud800""#),
        ),
        (
            "byte order mark",
            [
                b"\xEF\xBB\xBF".to_vec(),
                serde_json::to_vec(&valid()).unwrap(),
            ]
            .concat(),
        ),
        ("deep nesting", "[".repeat(10_000).into_bytes()),
        ("huge number", br#"{"kind":1e999999}"#.to_vec()),
        (
            "trailing garbage",
            [serde_json::to_vec(&valid()).unwrap(), b"}".to_vec()].concat(),
        ),
        ("NUL bytes", vec![0; 1000]),
        ("a string", br#""partner_center""#.to_vec()),
        ("null", b"null".to_vec()),
    ];
    for (what, body) in bodies {
        let (status, json) = json_of(server.post(Some(&key()), body).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}");
        assert_eq!(json, one_error("", "malformed_body"), "{what}");
        still_serving(&server, what).await;
    }
    assert_eq!(
        server.count("idempotency_keys").await,
        server.count("support_requests").await
    );
}

/// Replaces the value of `title` in a JSON body with raw JSON text.
trait ReplaceTitle {
    fn replace_title(self, raw: &str) -> Vec<u8>;
}

impl ReplaceTitle for Vec<u8> {
    fn replace_title(self, raw: &str) -> Vec<u8> {
        let text = String::from_utf8(self).unwrap();
        text.replace(r#""Invoice total is wrong""#, raw)
            .into_bytes()
    }
}

#[tokio::test]
async fn only_json_is_accepted_415_otherwise() {
    let server = start().await;
    let body = serde_json::to_vec(&valid()).unwrap();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/xml"),
    ] {
        let mut request = server
            .client
            .post(server.url("/support-requests"))
            .header("Idempotency-Key", key())
            .body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let (status, json) = json_of(request.send().await.unwrap()).await;
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        assert_eq!(
            json,
            one_error("Content-Type", "unsupported_media_type"),
            "{content_type:?}"
        );
        still_serving(&server, "a wrong media type").await;
    }
    let response = server
        .client
        .post(server.url("/support-requests"))
        .header("Idempotency-Key", key())
        .header("content-type", "application/json; charset=UTF-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "a charset is fine");
    assert_eq!(server.count("support_requests").await, 6);
}

/// A connection that has sent the headers of a new request, with `framing`
/// (how its body's length is told), and none of its body.
async fn posting(server: &TestServer, framing: &str) -> tokio::net::TcpStream {
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /support-requests HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nIdempotency-Key: {}\r\n\
         {framing}\r\nConnection: close\r\n\r\n",
        key()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

/// A body over the limit is refused whether its length is announced or it
/// streams in chunks with no length at all.
#[tokio::test]
async fn a_chunked_body_over_the_limit_is_413_too() {
    let server = start().await;
    let mut stream = posting(&server, "Transfer-Encoding: chunked").await;
    let chunk = format!("{:x}\r\n{}\r\n", 4096, "x".repeat(4096));
    for _ in 0..(support_contract::limits::BODY_MAX_BYTES / 4096 + 2) {
        // The server may answer and close before the last chunk.
        if stream.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains(r#"{"errors":[{"field":"","code":"body_too_large"}]}"#),
        "{answer}"
    );
    still_serving(&server, "a chunked body over the limit").await;
}

/// A body announced over the limit is refused at once, before any of it
/// comes: a client that sends none is answered, not waited for.
#[tokio::test]
async fn a_body_announced_over_the_limit_is_413_before_it_is_sent() {
    let server = start().await;
    let mut stream = posting(&server, "Content-Length: 100000\r\nExpect: 100-continue").await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "no answer without the body: {answer}");
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains(r#"{"errors":[{"field":"","code":"body_too_large"}]}"#),
        "{answer}"
    );
    still_serving(&server, "a body announced over the limit").await;
}

#[tokio::test]
async fn bad_queries_and_ids_are_json_4xx() {
    let server = start().await;
    let cases = [
        (
            format!("/customers?query={}", "x".repeat(201)),
            400,
            "query",
            "too_long",
        ),
        (
            "/customers?query=a&query=b".to_owned(),
            400,
            "query",
            "invalid_value",
        ),
        // Any operation names the parameter given twice, decoded.
        (
            "/articles?query=a&locale=zh-CN&query=b".to_owned(),
            400,
            "query",
            "invalid_value",
        ),
        (
            "/articles?locale=zh-CN&loc%61le=es-ES".to_owned(),
            400,
            "locale",
            "invalid_value",
        ),
        (
            "/service-health?locale=zh-CN&locale=es-ES".to_owned(),
            400,
            "locale",
            "invalid_value",
        ),
        (
            "/support-requests?filed_by=me&filed_by=me".to_owned(),
            400,
            "filed_by",
            "invalid_value",
        ),
        (
            "/support-requests/%FF%FE".to_owned(),
            404,
            "id",
            "not_found",
        ),
        (
            format!("/support-requests/{}", "9".repeat(4000)),
            404,
            "id",
            "not_found",
        ),
        (
            "/support-requests/%3Cscript%3E".to_owned(),
            404,
            "id",
            "not_found",
        ),
        // PostgreSQL text cannot hold NUL: still a 404, not a database error.
        ("/support-requests/%00".to_owned(), 404, "id", "not_found"),
    ];
    for (path, status, field, code) in cases {
        let (got, json) = json_of(server.get(&path).await).await;
        assert_eq!(got.as_u16(), status, "{path}");
        assert_eq!(json, one_error(field, code), "{path}");
        still_serving(&server, &path).await;
    }
    let (status, json) = json_of(server.get("/customers?query=%00").await).await;
    assert_eq!(status, StatusCode::OK, "searched in Rust, never bound");
    assert_eq!(json, json!({"customers": []}));
    // Bytes that are not UTF-8 decode to U+FFFD, as in any form, and match
    // no customer.
    let (status, json) = json_of(server.get("/customers?query=%FF%FE").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json, json!({"customers": []}));
}
