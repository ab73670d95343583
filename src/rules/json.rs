//! JSON in and out with serde: the backend's bodies as the contract's own
//! serde types (`support-contract`, the derives the backend uses), and the
//! widget's own stored JSON (drafts, filed requests, kept paths) by its
//! derives. In the browser the text is parsed and written by the browser's
//! own `JSON.parse` and `JSON.stringify` (`platform/json.rs`), natively by
//! serde_json; either way a value is read as serde_json reads it.
//!
//! What the widget adds to serde: a list answer from a newer backend may
//! hold an item of a kind this version cannot read (a new status, say), and
//! the list then shows what this version understands rather than nothing.
//!
//! ```
//! use support_contract::{Customer, CustomerList};
//! use support_widget::rules::json;
//!
//! let text = r#"{"customers":[{"id":"c-1","name":"Contoso","domain":"contoso.cn"},{"id":7}]}"#;
//! let (list, listed) = json::readable::<CustomerList, Customer>(text, "customers").unwrap();
//! assert_eq!((list.customers.len(), listed), (1, 2));
//! assert!(json::from_str::<CustomerList>("not JSON").is_err());
//! ```

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// `text` read as a `T`; the error says why it is not JSON or not a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    imp::from_str(text)
}

/// `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    imp::to_string(value)
}

/// `text` read as a `T`, less the items of its array `key` that cannot be
/// read as an `Item`, with how many items that array listed, readable or
/// not. An array of which no item can be read cannot be read either: read
/// as empty, it would say there is nothing ("no current incidents"), which
/// the backend did not say.
pub fn readable<T, Item>(text: &str, key: &str) -> Result<(T, usize), String>
where
    T: DeserializeOwned,
    Item: DeserializeOwned,
{
    let mut answer: Value = from_str(text)?;
    let mut listed = 0;
    if let Some(Value::Array(items)) = answer.get_mut(key) {
        listed = items.len();
        items.retain(|item| Item::deserialize(item).is_ok());
        if items.is_empty() && listed > 0 {
            return Err(format!("no item of \"{key}\" can be read"));
        }
    }
    let read = serde_json::from_value(answer).map_err(|e| e.to_string())?;
    Ok((read, listed))
}

#[cfg(target_arch = "wasm32")]
use crate::platform::json as imp;

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde::{de::DeserializeOwned, Serialize};

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use support_contract::{
        Attachment, Contact, ContactLanguage, Customer, RequestList, RequestStatus, StoredRequest,
    };

    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    fn stored(id: &str, status: &str) -> String {
        format!(
            r#"{{"id":"{id}","reference":"SR-{id}","status":"{status}","created_at":"2026-11-23T10:00:00Z",
            "request":{{"kind":"partner_center","title":"t","description":"d","contact":{{"name":"n","email":"e@x.cn"}}}}}}"#
        )
    }

    fn page(text: &str) -> Result<(RequestList, usize), String> {
        readable::<RequestList, StoredRequest>(text, "requests")
    }

    #[test]
    fn an_item_that_cannot_be_read_is_left_out_not_the_list() {
        let text = format!(
            r#"{{"requests":[{},{}],"next":"r-1"}}"#,
            stored("r-2", "on_hold"),
            stored("r-1", "resolved")
        );
        let (list, listed) = page(&text).unwrap();
        assert_eq!(listed, 2);
        assert_eq!(list.requests.len(), 1);
        assert_eq!(list.requests[0].status, RequestStatus::Resolved);
        assert_eq!(list.next.as_deref(), Some("r-1"));
        assert_eq!(page(r#"{"requests":[]}"#).unwrap().1, 0);
    }

    #[test]
    fn a_list_of_which_nothing_can_be_read_is_refused() {
        for text in [
            format!(r#"{{"requests":[{}]}}"#, stored("r-2", "on_hold")),
            r#"{"requests":{}}"#.to_owned(),
            r#"{"next":"r-1"}"#.to_owned(),
            r#"{"requests":[],"next":7}"#.to_owned(),
            "not json".to_owned(),
        ] {
            assert!(page(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn text_is_written_and_read_as_serde_json_writes_it() {
        let contact = Contact {
            name: "Fabrikam \u{4e2d}\u{6587} \"quoted\" \\ \u{1}\u{1f}\u{7f}\n\t".into(),
            email: "e@x.cn".into(),
            phone: None,
            language: ContactLanguage::ZhTw,
        };
        let text = to_string(&contact).unwrap();
        assert_eq!(
            text,
            "{\"name\":\"Fabrikam 中文 \\\"quoted\\\" \\\\ \\u0001\\u001f\u{7f}\\n\\t\",\"email\":\"e@x.cn\",\"language\":\"zh-TW\"}"
        );
        assert_eq!(from_str::<Contact>(&text), Ok(contact));
    }

    #[test]
    fn a_value_is_read_as_its_type_says() {
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
}
