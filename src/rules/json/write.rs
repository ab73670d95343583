//! JSON text written: the standard types, and objects member by member.

use super::ToJson;

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
