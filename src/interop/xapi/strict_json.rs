//! JSON reading that keeps what `serde_json::Value` forgets: a key given twice in one object.
//!
//! xAPI leaves a repeated property undefined; the engine refuses such a statement rather than
//! guess which value was meant, so the document is first read into [`Strict`], which keeps every
//! key, and each statement is turned into a `Value` only once it is known to have none twice.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A JSON value with every object key kept, in document order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Strict {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Strict>),
    /// An object, keys in document order, repeats included.
    Object(Vec<(String, Strict)>),
}

impl Strict {
    /// Reads JSON text.
    pub(crate) fn parse(text: &str) -> Result<Strict, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The value as a `serde_json::Value`, or the path (below `path`) of the first key given
    /// twice in one object.
    pub(crate) fn into_value(self, path: &str) -> Result<Value, String> {
        self.convert().map_err(|segments| path_of(path, &segments))
    }

    /// The conversion; on a repeated key, the path's segments from the key up (made only then).
    fn convert(self) -> Result<Value, Vec<String>> {
        Ok(match self {
            Strict::Null => Value::Null,
            Strict::Bool(b) => Value::Bool(b),
            Strict::Number(n) => Value::Number(n),
            Strict::String(s) => Value::String(s),
            Strict::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.into_iter().enumerate() {
                    out.push(v.convert().map_err(|mut p| {
                        p.push(format!("[{i}]"));
                        p
                    })?);
                }
                Value::Array(out)
            }
            Strict::Object(entries) => {
                let mut map = Map::new();
                for (key, v) in entries {
                    if map.contains_key(&key) {
                        return Err(vec![key]);
                    }
                    let v = match v.convert() {
                        Ok(v) => v,
                        Err(mut p) => {
                            p.push(key);
                            return Err(p);
                        }
                    };
                    map.insert(key, v);
                }
                Value::Object(map)
            }
        })
    }
}

/// A field's path from `base` and its segments gathered from the field up (`key`, `[i]`).
pub(crate) fn path_of(base: &str, segments: &[String]) -> String {
    let mut out = base.to_owned();
    for segment in segments.iter().rev() {
        if !out.is_empty() && !segment.starts_with('[') {
            out.push('.');
        }
        out.push_str(segment);
    }
    out
}

impl From<Value> for Strict {
    /// A value already parsed (it holds no repeated key).
    fn from(value: Value) -> Strict {
        match value {
            Value::Null => Strict::Null,
            Value::Bool(b) => Strict::Bool(b),
            Value::Number(n) => Strict::Number(n),
            Value::String(s) => Strict::String(s),
            Value::Array(items) => Strict::Array(items.into_iter().map(Strict::from).collect()),
            Value::Object(map) => {
                Strict::Object(map.into_iter().map(|(k, v)| (k, Strict::from(v))).collect())
            }
        }
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Strict, E> {
        Ok(Strict::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Strict, E> {
        Ok(Strict::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Strict, E> {
        Ok(Strict::Number(n.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Strict, E> {
        Number::from_f64(n)
            .map(Strict::Number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }

    fn visit_str<E>(self, s: &str) -> Result<Strict, E> {
        Ok(Strict::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Strict, E> {
        Ok(Strict::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Strict::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Strict>()? {
            entries.push((key, value));
        }
        Ok(Strict::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Strict;

    #[test]
    fn a_repeated_key_is_found_with_its_path() {
        let doc = Strict::parse(r#"{"a":{"b":[{"c":1,"c":2}]}}"#).unwrap();
        assert_eq!(doc.into_value(""), Err("a.b[0].c".to_owned()));
    }

    #[test]
    fn a_document_without_repeats_reads_as_serde_json_would() {
        let text = r#"{"x":[1,-2,3.5,"s",true,null,{"y":{}}],"z":"é"}"#;
        let strict = Strict::parse(text).unwrap().into_value("");
        let plain: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, Ok(plain));
    }
}
