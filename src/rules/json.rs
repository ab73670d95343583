//! JSON in and out, written out by hand for each type the widget reads or
//! writes ([`FromJson`], [`ToJson`]; the backend contract's types are in
//! `json/contract.rs`), rather than derived with serde: serde's derived
//! readers and writers, one set per type and format, were the largest part
//! of the WebAssembly that the widget itself owns (docs/development.md, "Size
//! choices").
//!
//! Text is parsed by the browser's own `JSON.parse` in the browser, and by
//! serde_json natively (tests, tools); [`Value`] (`json/value.rs`) reads
//! either the same way. Text is written here (`json/write.rs`): strings as
//! serde_json and `JSON.stringify` write them. Numbers are whole (the
//! widget's data has no fractions), so no float formatting ships.
//!
//! ```
//! use support_widget::rules::json::{self, FromJson, Invalid, Value};
//!
//! #[derive(Debug, PartialEq)]
//! struct Point { x: u32, label: Option<String> }
//!
//! impl FromJson for Point {
//!     fn from_json(value: &Value) -> Result<Point, Invalid> {
//!         Ok(Point { x: value.field("x")?, label: value.field("label")? })
//!     }
//! }
//!
//! assert_eq!(json::from_str(r#"{"x":3}"#), Ok(Point { x: 3, label: None }));
//! assert_eq!(
//!     json::from_str::<Point>(r#"{"x":"3"}"#),
//!     Err(r#"the value of "x" is missing or not valid"#.to_owned()),
//! );
//! ```

mod contract;
mod value;
mod write;

use std::fmt;

pub use self::{contract::HealthAnswer, value::Value, write::Object};

/// Reads `text` as a `T`; the error says why it is not JSON or not a `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, String> {
    let value = Value::parse(text).ok_or_else(|| String::from("not JSON"))?;
    T::from_json(&value).map_err(|invalid| invalid.to_string())
}

/// `value` as JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.to_json(&mut out);
    out
}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Invalid>;
}

/// A type written as JSON.
pub trait ToJson {
    /// Appends the JSON of `self` to `out`.
    fn to_json(&self, out: &mut String);
}

/// Why a JSON value is not what was expected: the path to the value that
/// was not (`contact.email`), empty for the whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    path: String,
}

impl Invalid {
    /// The value itself is not as expected.
    pub fn here() -> Invalid {
        Invalid {
            path: String::new(),
        }
    }

    /// An object's member `key` is not as expected.
    pub fn at(key: &str) -> Invalid {
        Invalid::here().within(key)
    }

    /// The same problem, seen from the object whose member `key` had it.
    fn within(mut self, key: &str) -> Invalid {
        if !self.path.is_empty() {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, key);
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str("not the expected JSON")
        } else {
            write!(f, "the value of \"{}\" is missing or not valid", self.path)
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Debug, PartialEq)]
    struct Sample {
        name: String,
        count: u32,
        note: Option<String>,
        tags: Vec<String>,
    }

    impl FromJson for Sample {
        fn from_json(value: &Value) -> Result<Sample, Invalid> {
            Ok(Sample {
                name: value.field("name")?,
                count: value.field("count")?,
                note: value.field("note")?,
                tags: value.field_or_default("tags")?,
            })
        }
    }

    impl ToJson for Sample {
        fn to_json(&self, out: &mut String) {
            Object::new(out)
                .field("name", &self.name)
                .field("count", &self.count)
                .some("note", &self.note)
                .non_empty("tags", &self.tags)
                .end();
        }
    }

    #[test]
    fn round_trips_as_plain_json() {
        let sample = Sample {
            name: "Fabrikam \u{4e2d}\u{6587} \"quoted\" \\ \u{1}\u{1f}\u{7f}\n\t".into(),
            count: 3,
            note: None,
            tags: vec!["a".into(), "b".into()],
        };
        let text = to_string(&sample);
        assert_eq!(
            text,
            "{\"name\":\"Fabrikam 中文 \\\"quoted\\\" \\\\ \\u0001\\u001f\u{7f}\\n\\t\",\"count\":3,\"tags\":[\"a\",\"b\"]}"
        );
        assert_eq!(from_str::<Sample>(&text), Ok(sample));
    }

    #[test]
    fn refuses_what_is_not_json_or_not_the_type() {
        assert_eq!(from_str::<Sample>("{"), Err("not JSON".to_owned()));
        assert!(from_str::<Sample>("").is_err());
        assert!(from_str::<Sample>("null").is_err());
        assert!(from_str::<Sample>("[]").is_err());
        for bad_count in ["-1", "1.5", "4294967296", "\"1\"", "null", "true"] {
            let text = format!(r#"{{"name":"x","count":{bad_count}}}"#);
            assert_eq!(
                from_str::<Sample>(&text),
                Err(r#"the value of "count" is missing or not valid"#.to_owned()),
                "{text}"
            );
        }
        assert!(from_str::<Sample>(r#"{"name":"x","count":1,"tags":"a"}"#).is_err());
        assert!(from_str::<Sample>(r#"{"name":"x","count":1,"tags":[1]}"#).is_err());
        let missing_note: Sample = from_str(r#"{"name":"x","count":1,"note":null}"#).unwrap();
        assert_eq!(missing_note.note, None);
        assert!(missing_note.tags.is_empty());
    }

    #[test]
    fn a_member_is_read_only_from_an_object_of_its_own() {
        // Not an inherited property, and not from an array.
        let value = Value::parse(r#"{"a":{"b":1}}"#).unwrap();
        assert!(value.get("toString").is_null());
        assert!(value.get("constructor").is_null());
        assert_eq!(value.get("a").get("b").as_f64(), Some(1.0));
        assert!(Value::parse("[1]").unwrap().get("length").is_null());
        assert!(Value::parse("\"text\"").unwrap().get("length").is_null());
    }

    #[test]
    fn members_are_listed_and_unknown_ones_are_named() {
        let value = Value::parse(r#"{"b":"x","a":{"c":1},"d":null}"#).unwrap();
        let mut keys: Vec<_> = (value.entries().unwrap().into_iter())
            .map(|(key, _)| key)
            .collect();
        keys.sort();
        assert_eq!(keys, ["a", "b", "d"]);
        assert_eq!(value.only(&["a", "b", "d"]), Ok(()));
        assert_eq!(
            value.only(&["a", "b"]),
            Err("unknown field \"d\"".to_owned())
        );
        assert!(Value::parse("[]").unwrap().entries().is_none());
    }

    #[test]
    fn a_nested_problem_names_its_path() {
        struct Outer {
            _inner: Sample,
        }
        impl FromJson for Outer {
            fn from_json(value: &Value) -> Result<Outer, Invalid> {
                Ok(Outer {
                    _inner: value.field("inner")?,
                })
            }
        }
        let problem = from_str::<Outer>(r#"{"inner":{"name":1,"count":1}}"#).err();
        assert_eq!(
            problem.as_deref(),
            Some(r#"the value of "inner.name" is missing or not valid"#)
        );
    }

    #[test]
    fn numbers_are_written_as_json_has_them() {
        assert_eq!(to_string(&1_795_000_000_000_u64), "1795000000000");
        assert_eq!(to_string(&u64::MAX), "18446744073709551615");
        assert_eq!(
            from_str::<u64>("9007199254740992"),
            Ok(9_007_199_254_740_992)
        );
        assert!(from_str::<u64>("9007199254740994").is_err());
        assert_eq!(from_str::<i64>("-3"), Ok(-3));
        assert_eq!(
            from_str::<i64>("-9007199254740992"),
            Ok(-9_007_199_254_740_992)
        );
        assert!(from_str::<i64>("-9007199254740994").is_err());
        assert!(from_str::<i64>("1.5").is_err());
    }
}
