//! The rules' JSON (`support_rules::json`) on the browser's own `JSON.parse` and
//! `JSON.stringify`: the same text, and the same refusals, as serde_json's
//! natively.

use wasm_bindgen_test::wasm_bindgen_test as test;

use support_contract::{Attachment, Contact, ContactLanguage, Customer};

use support_rules::json::{from_str, to_string};

#[test]
fn text_is_written_and_read_as_serde_json_writes_it() {
    // An object's members in the order of their names, as serde_json
    // writes a `Value` (the rules write through one).
    super::super::install();
    let contact = Contact {
        name: "Fabrikam \u{4e2d}\u{6587} \"quoted\" \\ \u{1}\u{1f}\u{7f}\n\t".into(),
        email: "e@x.cn".into(),
        phone: None,
        language: ContactLanguage::ZhTw,
    };
    let text = to_string(&contact).unwrap();
    assert_eq!(
        text,
        "{\"email\":\"e@x.cn\",\"language\":\"zh-TW\",\"name\":\"Fabrikam 中文 \\\"quoted\\\" \\\\ \\u0001\\u001f\u{7f}\\n\\t\"}"
    );
    assert_eq!(from_str::<Contact>(&text), Ok(contact));
}

#[test]
fn a_value_is_read_as_its_type_says() {
    super::super::install();
    // A member the type refuses to ignore, and one it ignores.
    assert!(from_str::<Contact>(r#"{"name":"n","email":"e","mail":"x"}"#).is_err());
    let customer = r#"{"id":"c","name":"n","domain":"d","since":2020}"#;
    assert_eq!(from_str::<Customer>(customer).unwrap().id, "c");
    // Only an object's own members, never what every object inherits.
    assert!(from_str::<Customer>(r#"{"id":"c","name":"n"}"#).is_err());
    let file = |size: &str| {
        format!(r#"{{"id":"a","name":"f.png","size":{size},"content_type":"image/png"}}"#)
    };
    assert_eq!(from_str::<Attachment>(&file("48213")).unwrap().size, 48_213);
    for size in ["-1", "1.5", "\"1\"", "null"] {
        assert!(from_str::<Attachment>(&file(size)).is_err(), "{size}");
    }
    assert!(from_str::<Customer>("{").is_err());
    assert!(from_str::<Customer>("null").is_err());
}
