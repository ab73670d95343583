//! JSON by the browser's own `JSON.parse` and `JSON.stringify`, for
//! `rules::json` in the browser, with serde between them and the Rust types
//! (serde-wasm-bindgen): the WebAssembly carries no JSON parser or writer,
//! about 8 KB less with brotli than serde_json's.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// `text` read as a `T`. Through a `serde_json::Value`, read from the
/// parsed object's own members, so that a `T` is read exactly as serde_json
/// reads it natively: serde-wasm-bindgen reads a struct's known fields only,
/// and would let a misspelt one through `deny_unknown_fields`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let parsed = js_sys::JSON::parse(text).map_err(|_| String::from("not JSON"))?;
    let value: Value = serde_wasm_bindgen::from_value(parsed).map_err(|e| e.to_string())?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// `value` as JSON text, as serde_json writes it.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let object = (value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()))
        .map_err(|e| e.to_string())?;
    (js_sys::JSON::stringify(&object).ok())
        .and_then(|text| text.as_string())
        .ok_or_else(|| String::from("not JSON"))
}
