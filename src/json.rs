//! JSON in and out. In the browser, the browser's own `JSON` parses and
//! prints and serde-wasm-bindgen maps its values to and from Rust types, so
//! that no JSON parser or printer is compiled into the WebAssembly (about
//! 15 KB with brotli); natively (tests, tools), serde_json does the same.
//!
//! One difference: serde-wasm-bindgen reads a struct by the fields it names,
//! so `#[serde(deny_unknown_fields)]` has no effect in the browser. Where
//! unknown fields must be refused, check the keys with [`Outline`] first.

use std::{collections::BTreeMap, fmt};

use serde::{
    de::{DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor},
    Deserialize, Deserializer, Serialize,
};

/// Reads `text` as a `T`; the error says why it is not JSON or not a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    imp::from_str(text)
}

/// `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    imp::to_string(value)
}

/// A JSON value in outline: its strings, and its objects with their keys.
#[derive(Debug, PartialEq)]
pub enum Outline {
    Text(String),
    Object(BTreeMap<String, Outline>),
    /// A number, boolean, null or array.
    Other,
}

impl<'de> Deserialize<'de> for Outline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OutlineVisitor)
    }
}

struct OutlineVisitor;

impl<'de> Visitor<'de> for OutlineVisitor {
    type Value = Outline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, value: &str) -> Result<Outline, E> {
        Ok(Outline::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Outline, E> {
        Ok(Outline::Text(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outline, A::Error> {
        let mut entries = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, Outline>()? {
            entries.insert(key, value);
        }
        Ok(Outline::Object(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Outline, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Outline::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Outline, E> {
        Ok(Outline::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Outline, E> {
        Ok(Outline::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Outline, E> {
        Ok(Outline::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Outline, E> {
        Ok(Outline::Other)
    }

    fn visit_unit<E>(self) -> Result<Outline, E> {
        Ok(Outline::Other)
    }

    fn visit_none<E>(self) -> Result<Outline, E> {
        Ok(Outline::Other)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use serde::{de::DeserializeOwned, Serialize};

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|_| String::from("not JSON"))?;
        serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()
            .and_then(|value| js_sys::JSON::stringify(&value).ok())
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde::{de::DeserializeOwned, Serialize};

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: String,
        count: u32,
        note: Option<String>,
        tags: BTreeMap<String, String>,
    }

    #[test]
    fn round_trips_as_plain_json() {
        let sample = Sample {
            name: "Fabrikam \u{4e2d}\u{6587} \"quoted\"".into(),
            count: 3,
            note: None,
            tags: BTreeMap::from([("a".into(), "b".into())]),
        };
        let text = to_string(&sample);
        assert_eq!(
            text,
            r#"{"name":"Fabrikam 中文 \"quoted\"","count":3,"note":null,"tags":{"a":"b"}}"#
        );
        assert_eq!(from_str::<Sample>(&text), Ok(sample));
    }

    #[test]
    fn refuses_what_is_not_json_or_not_the_type() {
        assert!(from_str::<Sample>("{").is_err());
        assert!(from_str::<Sample>("").is_err());
        assert!(from_str::<Sample>(r#"{"name":"x","count":-1,"tags":{}}"#).is_err());
        assert!(from_str::<Sample>(r#"{"name":"x","count":1.5,"tags":{}}"#).is_err());
        let missing_note: Sample = from_str(r#"{"name":"x","count":1,"tags":{}}"#).unwrap();
        assert_eq!(missing_note.note, None);
    }

    #[test]
    fn an_outline_keeps_strings_and_keys() {
        let outline: Outline =
            from_str(r#"{"a":"x","b":{"c":1,"d":[1,{"e":2}]},"f":null}"#).unwrap();
        let object = |entries: Vec<(&str, Outline)>| {
            Outline::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            )
        };
        assert_eq!(
            outline,
            object(vec![
                ("a", Outline::Text("x".into())),
                (
                    "b",
                    object(vec![("c", Outline::Other), ("d", Outline::Other)])
                ),
                ("f", Outline::Other),
            ])
        );
        assert_eq!(from_str::<Outline>("[]"), Ok(Outline::Other));
        assert!(from_str::<Outline>("{").is_err());
    }
}
