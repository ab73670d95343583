//! Hostile text in every field: refused with a code the widget turns into a
//! localized message (control characters, over-long text), or stored and
//! answered exactly as sent, as JSON text that no browser renders as markup.

mod common;

use common::{json_of, key, one_error, start, valid, valid_for_customer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use support_contract::limits;

/// Text that has broken other systems: markup, script, template and SQL
/// syntax, bidi overrides and isolates, zero-width characters, emoji with
/// joiners and skin tones, combining marks, a byte order mark, separators
/// that are not line breaks, noncharacters and private use.
const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(1)>&lt;&amp;\
    \"'\\`{{7*7}}${x}'; DROP TABLE support_requests; --\u{202E}evil\u{202C}\u{2066}iso\u{2069}\
    zero\u{200B}width\u{200C}\u{200D}\u{2060}\u{FEFF}😀👩‍👩‍👧👍🏽🇨🇳 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͖͔\u{2028}\u{2029}\u{FFFD}\u{FFFF}\u{E000}\u{10FFFF}漢字";

/// `HOSTILE` repeated to exactly `chars` characters.
fn hostile(chars: usize) -> String {
    HOSTILE.chars().cycle().take(chars).collect()
}

#[tokio::test]
async fn hostile_text_at_the_limits_round_trips_byte_for_byte() {
    let server = start().await;
    let mut description = hostile(limits::DESCRIPTION_MAX - 3);
    description.insert_str(100, "\r\n\t");
    assert_eq!(description.chars().count(), limits::DESCRIPTION_MAX);
    let mut body = valid_for_customer();
    body["title"] = json!(hostile(limits::TITLE_MAX));
    body["description"] = json!(description);
    body["contact"]["name"] = json!(hostile(limits::NAME_MAX));
    body["customer"]["name"] = json!(hostile(limits::NAME_MAX));
    body["escalation"] = json!({
        "reason": "bug_or_irregularity",
        "health_checked": true,
        "troubleshooting": ["settings", "software"],
    });
    let response = server.post_json(&key(), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let id = response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let response = server.get(&format!("/support-requests/{id}")).await;
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let (status, stored) = json_of(response).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["request"], body, "every field exactly as sent");

    let (title, text, name): (String, String, String) = sqlx::query_as(
        "SELECT title, description, contact_name FROM support_requests WHERE id = $1",
    )
    .bind(&id)
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(title.as_bytes(), body["title"].as_str().unwrap().as_bytes());
    assert_eq!(
        text.as_bytes(),
        body["description"].as_str().unwrap().as_bytes()
    );
    assert_eq!(
        name.as_bytes(),
        body["contact"]["name"].as_str().unwrap().as_bytes()
    );
}

/// Sets the string at `path` (`contact.name`) in a valid request on behalf
/// of a customer.
fn with_text(path: &str, text: &str) -> Value {
    let mut body = valid_for_customer();
    let slot = path
        .split('.')
        .fold(&mut body, |value, part| &mut value[part]);
    *slot = json!(text);
    body
}

#[tokio::test]
async fn control_characters_are_refused_in_every_text_field() {
    let server = start().await;
    let controls = [
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{1B}', '\u{7F}', '\u{85}', '\u{9F}',
    ];
    let fields = ["title", "description", "contact.name", "customer.name"];
    for field in fields {
        for control in controls {
            let body = with_text(field, &format!("before{control}after"));
            let (status, json) = json_of(server.post_json(&key(), &body).await).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field} {control:?}"
            );
            assert_eq!(
                json,
                one_error(field, "control_characters"),
                "{field} {control:?}"
            );
        }
    }
    // Line breaks and tabs only where the field is multi-line.
    for (field, text) in [
        ("title", "two\nlines"),
        ("contact.name", "tab\there"),
        ("customer.name", "a\r\nb"),
    ] {
        let (status, json) = json_of(server.post_json(&key(), &with_text(field, text)).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(json, one_error(field, "control_characters"), "{field}");
    }
    // Fields with a format of their own refuse them as not that format.
    let cases = [
        ("contact.email", "li.na@contoso.cn\u{0}", "invalid_email"),
        ("contact.phone", "+86 10 5555\u{7} 0100", "invalid_phone"),
        ("service", "azure\u{0}", "invalid_value"),
        ("escalation.reason", "none\u{0}", "invalid_value"),
        ("customer.id", "beijing-cloud\u{1B}", "invalid_value"),
    ];
    for (path, text, code) in cases {
        let field = path.strip_suffix(".id").unwrap_or(path);
        let (status, json) = json_of(server.post_json(&key(), &with_text(path, text)).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert_eq!(json, one_error(field, code), "{path}");
    }
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(server.count("idempotency_keys").await, 0);
}

/// Over-long text is `too_long` (422) while the body fits in 64 KiB, and
/// `body_too_large` (413) beyond: 100,000 characters never reach the field
/// rules, whatever the characters.
#[tokio::test]
async fn over_long_text_is_too_long_or_too_large() {
    let server = start().await;
    for chars in [limits::DESCRIPTION_MAX + 1, 60_000] {
        let mut body = valid();
        body["description"] = json!("x".repeat(chars));
        let (status, json) = json_of(server.post_json(&key(), &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{chars}");
        assert_eq!(json, one_error("description", "too_long"), "{chars}");
    }
    for text in ["x".repeat(100_000), hostile(100_000)] {
        for field in ["title", "description", "contact.name"] {
            let (status, json) =
                json_of(server.post_json(&key(), &with_text(field, &text)).await).await;
            assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{field}");
            assert_eq!(json, one_error("", "body_too_large"), "{field}");
        }
    }
    let mut long_title = valid();
    long_title["title"] = json!("漢".repeat(limits::TITLE_MAX + 1));
    let (status, json) = json_of(server.post_json(&key(), &long_title).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json, one_error("title", "too_long"));
    assert_eq!(server.count("support_requests").await, 0);
}
