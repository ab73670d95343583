//! JSON by the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between them and a `serde_json::Value`: the
//! WebAssembly carries no JSON parser or writer, about 8 KB less with brotli
//! than serde_json's.

use serde::Serialize;
use serde_json::Value;

/// `text` as a `Value`, read from the parsed object's own members, so that
/// the rules read a type from it exactly as serde_json reads it natively.
pub fn parse(text: &str) -> Result<Value, String> {
    let parsed = js_sys::JSON::parse(text).map_err(|_| String::from("not JSON"))?;
    serde_wasm_bindgen::from_value(parsed).map_err(|e| e.to_string())
}

/// `value` as JSON text, as serde_json writes it.
pub fn write(value: &Value) -> Result<String, String> {
    let object = (value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()))
        .map_err(|e| e.to_string())?;
    (js_sys::JSON::stringify(&object).ok())
        .and_then(|text| text.as_string())
        .ok_or_else(|| String::from("not JSON"))
}

#[cfg(test)]
mod tests;
