//! JSON in and out with serde: the backend's bodies as the contract's own
//! serde types (`support-contract`, the derives the backend uses), and the
//! widget's own stored JSON (drafts, filed requests, kept paths) by its
//! derives. The text is parsed and written by the platform (`platform.rs`:
//! in the browser its own `JSON.parse` and `JSON.stringify`, natively
//! serde_json), into and from a `serde_json::Value`, which serde_json reads
//! and writes as the types say.
//!
//! What the widget adds to serde: a list answer from a newer backend may
//! hold an item of a kind this version cannot read (a new status, say), and
//! the list then shows what this version understands rather than nothing.
//!
//! ```
//! use support_contract::{Customer, CustomerList};
//! use support_rules::json;
//!
//! let text = r#"{"customers":[{"id":"c-1","name":"Contoso","domain":"contoso.cn"},{"id":7}]}"#;
//! let (list, listed) = json::readable::<CustomerList, Customer>(text, "customers").unwrap();
//! assert_eq!((list.customers.len(), listed), (1, 2));
//! assert!(json::from_str::<CustomerList>("not JSON").is_err());
//! ```

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

use crate::platform;

/// `text` read as a `T`; the error says why it is not JSON or not a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = platform::installed().parse_json(text)?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// `value` as JSON text, an object's members in the order of their names.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    platform::installed().write_json(&value)
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
    let mut answer = platform::installed().parse_json(text)?;
    let mut listed = 0;
    if let Some(Value::Array(items)) = answer.get_mut(key) {
        listed = items.len();
        // Read from an owned copy, as `from_value` reads the list below:
        // reading from a reference would compile serde's reading of each
        // item's type a second time.
        items.retain(|item| Item::deserialize(item.clone()).is_ok());
        if items.is_empty() && listed > 0 {
            return Err(format!("no item of \"{key}\" can be read"));
        }
    }
    let read = serde_json::from_value(answer).map_err(|e| e.to_string())?;
    Ok((read, listed))
}

#[cfg(test)]
mod tests {
    use support_contract::{RequestList, RequestStatus, StoredRequest};

    use super::*;

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
}
