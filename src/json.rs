//! JSON in and out, written out by hand for each type the widget reads or
//! writes ([`FromJson`], [`ToJson`]; the backend contract's types are in
//! `json/contract.rs`), rather than derived with serde: serde's derived
//! readers and writers, one set per type and format, were the largest part
//! of the WebAssembly that the widget itself owns (README, "What each size
//! choice saved").
//!
//! Text is parsed by the browser's own `JSON.parse` in the browser, and by
//! serde_json natively (tests, tools); [`Value`] reads either the same way.
//! Text is written here: strings as serde_json and `JSON.stringify` write
//! them. Numbers are whole (the widget's data has no fractions), so no float
//! formatting ships.
//!
//! ```
//! use support_widget::json::{self, FromJson, Invalid, Value};
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

use std::fmt;

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

/// 2^53: JSON numbers (doubles) hold every whole number up to it exactly.
const EXACT_MAX: f64 = 9_007_199_254_740_992.0;

/// A parsed JSON value. A missing member reads as `null`, as `#[serde(default)]`
/// fields do: [`Option`]s and [`Value::field_or_default`] take both as absent.
pub struct Value(imp::Raw);

impl Value {
    /// `text` parsed, if it is JSON.
    pub fn parse(text: &str) -> Option<Value> {
        imp::parse(text).map(Value)
    }

    /// The member `key` of an object; `null` if this is not an object or
    /// has no such member.
    pub fn get(&self, key: &str) -> Value {
        Value(imp::get(&self.0, key))
    }

    /// This value, if it is an object (not an array): for types whose
    /// members are all optional, which would otherwise read from anything.
    pub fn object(&self) -> Result<&Value, Invalid> {
        match imp::is_object(&self.0) {
            true => Ok(self),
            false => Err(Invalid::here()),
        }
    }

    /// Whether this is `null` (or a missing member).
    pub fn is_null(&self) -> bool {
        imp::is_null(&self.0)
    }

    pub fn as_str(&self) -> Option<String> {
        imp::as_str(&self.0)
    }

    pub fn as_f64(&self) -> Option<f64> {
        imp::as_f64(&self.0)
    }

    pub fn as_bool(&self) -> Option<bool> {
        imp::as_bool(&self.0)
    }

    /// An array's items.
    pub fn items(&self) -> Option<Vec<Value>> {
        imp::items(&self.0).map(|items| items.into_iter().map(Value).collect())
    }

    /// An object's members (natively in the order of their keys, in the
    /// browser in the order of the text).
    pub fn entries(&self) -> Option<Vec<(String, Value)>> {
        imp::entries(&self.0).map(|entries| {
            (entries.into_iter())
                .map(|(key, value)| (key, Value(value)))
                .collect()
        })
    }

    /// The member `key` read as a `T`.
    pub fn field<T: FromJson>(&self, key: &str) -> Result<T, Invalid> {
        T::from_json(&self.get(key)).map_err(|invalid| invalid.within(key))
    }

    /// The member `key` read as a `T`, or `T`'s default when it is missing
    /// or `null`.
    pub fn field_or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Invalid> {
        let value = self.get(key);
        if value.is_null() {
            return Ok(T::default());
        }
        T::from_json(&value).map_err(|invalid| invalid.within(key))
    }

    /// Refuses an object with a member not in `known`, naming it.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        let entries = self.entries().unwrap_or_default();
        match entries
            .iter()
            .find(|(key, _)| !known.contains(&key.as_str()))
        {
            Some((key, _)) => Err(format!("unknown field \"{key}\"")),
            None => Ok(()),
        }
    }

    /// A string read with `parse` (an enum's name, say).
    pub fn parse_str<T>(&self, parse: fn(&str) -> Option<T>) -> Result<T, Invalid> {
        self.as_str()
            .and_then(|text| parse(&text))
            .ok_or_else(Invalid::here)
    }

    /// A whole number from `min` to `max`.
    fn whole(&self, min: f64, max: f64) -> Result<f64, Invalid> {
        match self.as_f64() {
            Some(n) if n >= min && n <= max && n.fract() == 0.0 => Ok(n),
            _ => Err(Invalid::here()),
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<String, Invalid> {
        value.as_str().ok_or_else(Invalid::here)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<bool, Invalid> {
        value.as_bool().ok_or_else(Invalid::here)
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value) -> Result<u32, Invalid> {
        value.whole(0.0, u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromJson for u64 {
    /// Up to 2^53, the largest whole number JSON numbers hold exactly.
    fn from_json(value: &Value) -> Result<u64, Invalid> {
        value.whole(0.0, EXACT_MAX).map(|n| n as u64)
    }
}

impl FromJson for i64 {
    /// From -2^53 to 2^53, the whole numbers JSON numbers hold exactly.
    fn from_json(value: &Value) -> Result<i64, Invalid> {
        value.whole(-EXACT_MAX, EXACT_MAX).map(|n| n as i64)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Option<T>, Invalid> {
        if value.is_null() {
            return Ok(None);
        }
        T::from_json(value).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Vec<T>, Invalid> {
        let items = value.items().ok_or_else(Invalid::here)?;
        items.iter().map(T::from_json).collect()
    }
}

/// A pair, as serde writes tuples: an array of two.
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value) -> Result<(A, B), Invalid> {
        match value.items().as_deref() {
            Some([a, b]) => Ok((A::from_json(a)?, B::from_json(b)?)),
            _ => Err(Invalid::here()),
        }
    }
}

impl ToJson for str {
    /// Escaped as serde_json and `JSON.stringify` escape: quotes,
    /// backslashes and control characters; everything else as it is.
    fn to_json(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(HEX[c as usize >> 4].into());
                    out.push(HEX[c as usize & 15].into());
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut String) {
        self.as_str().to_json(out);
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn to_json(&self, out: &mut String) {
        u64::from(*self).to_json(out);
    }
}

impl ToJson for u64 {
    fn to_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut String) {
        match self {
            Some(value) => value.to_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.to_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut String) {
        self.as_slice().to_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

/// Writes an object's members, in order: `Object::new(out).field("id",
/// &self.id).end()`.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    pub fn field<T: ToJson + ?Sized>(self, key: &str, value: &T) -> Object<'a> {
        let object = self.key(key);
        value.to_json(object.out);
        object
    }

    /// The member, unless it is `None` (serde's `skip_serializing_if =
    /// "Option::is_none"`).
    pub fn some<T: ToJson>(self, key: &str, value: &Option<T>) -> Object<'a> {
        match value {
            Some(value) => self.field(key, value),
            None => self,
        }
    }

    /// The member, unless it is empty (`skip_serializing_if = "Vec::is_empty"`).
    pub fn non_empty<T: ToJson>(self, key: &str, items: &[T]) -> Object<'a> {
        if items.is_empty() {
            return self;
        }
        self.field(key, items)
    }

    pub fn end(self) {
        self.out.push('}');
    }

    fn key(mut self, key: &str) -> Object<'a> {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        key.to_json(self.out);
        self.out.push(':');
        self
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Object, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};

    pub type Raw = JsValue;

    pub fn parse(text: &str) -> Option<JsValue> {
        JSON::parse(text).ok()
    }

    pub fn is_object(value: &JsValue) -> bool {
        value.is_object() && !Array::is_array(value)
    }

    fn object(value: &JsValue) -> Option<&Object> {
        is_object(value).then(|| value.unchecked_ref())
    }

    /// An own member only: `{}` has no `constructor` here. (Through its
    /// descriptor, which every browser has, rather than `Object.hasOwn`.)
    pub fn get(value: &JsValue, key: &str) -> JsValue {
        let Some(object) = object(value) else {
            return JsValue::NULL;
        };
        let own = Object::get_own_property_descriptor(object, &JsValue::from_str(key));
        if own.is_undefined() {
            return JsValue::NULL;
        }
        Reflect::get(&own, &JsValue::from_str("value")).unwrap_or(JsValue::NULL)
    }

    pub fn is_null(value: &JsValue) -> bool {
        value.is_null() || value.is_undefined()
    }

    pub fn as_str(value: &JsValue) -> Option<String> {
        value.as_string()
    }

    pub fn as_f64(value: &JsValue) -> Option<f64> {
        value.as_f64()
    }

    pub fn as_bool(value: &JsValue) -> Option<bool> {
        value.as_bool()
    }

    pub fn items(value: &JsValue) -> Option<Vec<JsValue>> {
        Array::is_array(value).then(|| value.unchecked_ref::<Array>().to_vec())
    }

    pub fn entries(value: &JsValue) -> Option<Vec<(String, JsValue)>> {
        let object = object(value)?;
        let entries = Object::entries(object).to_vec().into_iter();
        Some(
            entries
                .map(|entry| {
                    let entry: Array = entry.unchecked_into();
                    (entry.get(0).as_string().unwrap_or_default(), entry.get(1))
                })
                .collect(),
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub type Raw = serde_json::Value;

    pub fn parse(text: &str) -> Option<Raw> {
        serde_json::from_str(text).ok()
    }

    pub fn get(value: &Raw, key: &str) -> Raw {
        value.get(key).cloned().unwrap_or_default()
    }

    pub fn is_object(value: &Raw) -> bool {
        value.is_object()
    }

    pub fn is_null(value: &Raw) -> bool {
        value.is_null()
    }

    pub fn as_str(value: &Raw) -> Option<String> {
        value.as_str().map(str::to_owned)
    }

    pub fn as_f64(value: &Raw) -> Option<f64> {
        value.as_f64()
    }

    pub fn as_bool(value: &Raw) -> Option<bool> {
        value.as_bool()
    }

    pub fn items(value: &Raw) -> Option<Vec<Raw>> {
        value.as_array().cloned()
    }

    pub fn entries(value: &Raw) -> Option<Vec<(String, Raw)>> {
        let object = value.as_object()?;
        Some(object.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
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
