//! JSON by the browser's own `JSON.parse`, for `rules::json` in the browser:
//! no JSON parser is compiled into the WebAssembly.

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
