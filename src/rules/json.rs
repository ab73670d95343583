//! What the widget adds to serde when it reads the backend's answers. The
//! bodies themselves are the contract's serde types (`support-contract`,
//! the derives the backend uses), read and written with serde_json, as the
//! widget's own stored JSON is (drafts, filed requests, kept paths).
//!
//! A list answer from a newer backend may hold an item of a kind this
//! version cannot read (a new status, say): the list then shows what this
//! version understands rather than nothing at all.
//!
//! ```
//! use support_contract::{Customer, CustomerList};
//! use support_widget::rules::json;
//!
//! let text = r#"{"customers":[{"id":"c-1","name":"Contoso","domain":"contoso.cn"},{"id":7}]}"#;
//! let (list, listed) = json::readable::<CustomerList, Customer>(text, "customers").unwrap();
//! assert_eq!((list.customers.len(), listed), (1, 2));
//! ```

use serde::de::{DeserializeOwned, Error as _};
use serde_json::Value;

pub use serde_json::Error;

/// `text` read as a `T`, less the items of its array `key` that cannot be
/// read as an `Item`, with how many items that array listed, readable or
/// not. An array of which no item can be read cannot be read either: read
/// as empty, it would say there is nothing ("no current incidents"), which
/// the backend did not say.
pub fn readable<T, Item>(text: &str, key: &str) -> Result<(T, usize), Error>
where
    T: DeserializeOwned,
    Item: DeserializeOwned,
{
    let mut answer: Value = serde_json::from_str(text)?;
    let mut listed = 0;
    if let Some(Value::Array(items)) = answer.get_mut(key) {
        listed = items.len();
        items.retain(|item| Item::deserialize(item).is_ok());
        if items.is_empty() && listed > 0 {
            return Err(Error::custom(format_args!(
                "no item of \"{key}\" can be read"
            )));
        }
    }
    Ok((serde_json::from_value(answer)?, listed))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use support_contract::{RequestList, RequestStatus, StoredRequest};

    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    fn stored(id: &str, status: &str) -> String {
        format!(
            r#"{{"id":"{id}","reference":"SR-{id}","status":"{status}","created_at":"2026-11-23T10:00:00Z",
            "request":{{"kind":"partner_center","title":"t","description":"d","contact":{{"name":"n","email":"e@x.cn"}}}}}}"#
        )
    }

    fn page(text: &str) -> Result<(RequestList, usize), Error> {
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
