//! A parsed JSON value, and the standard types read from it.

use super::{FromJson, Invalid};

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

    /// The array `key`, less the items that cannot be read as a `T`: a list
    /// from the backend shows what this version understands (not an item of
    /// a kind a newer backend added) rather than nothing at all. A list of
    /// which no item can be read cannot be read either: read as empty, it
    /// would say there is nothing ("no current incidents"), which the
    /// backend did not say.
    pub fn readable_items<T: FromJson>(&self, key: &str) -> Result<Vec<T>, Invalid> {
        let items = self.get(key).items().ok_or_else(|| Invalid::at(key))?;
        let readable: Vec<T> = items
            .iter()
            .filter_map(|item| T::from_json(item).ok())
            .collect();
        if readable.is_empty() && !items.is_empty() {
            return Err(Invalid::at(key));
        }
        Ok(readable)
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

#[cfg(target_arch = "wasm32")]
use crate::platform::json as imp;

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
