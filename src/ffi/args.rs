//! Reading a binding's JSON arguments: pack files (`[{name, text}]`) and options objects, with the
//! shared JSON reader's paths and wording.

use super::{Failure, FailureCode};
use crate::json_reader::{child, item};
use crate::pack::{Format, SourceFile};
use serde_json::Value;

fn invalid(path: &str, message: &str) -> Failure {
    Failure::new(FailureCode::InvalidArgument, path, message.to_owned())
}

/// Pack files given as JSON `[{name, text}]`; a name ends in `.json` or `.toml` (the build
/// decides whether it reads TOML).
pub fn pack_files(files: &str) -> Result<Vec<SourceFile>, Failure> {
    let value: Value = serde_json::from_str(files).map_err(|e| {
        let message = crate::diagnostics::json_error_message(&e, files);
        invalid("files", &format!("invalid JSON: {message}"))
    })?;
    let items = value
        .as_array()
        .ok_or_else(|| invalid("files", "expected a list of { name, text }"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = |key: &str| f.get(key).and_then(Value::as_str).map(str::to_owned);
            let (Some(name), Some(text)) = (field("name"), field("text")) else {
                return Err(invalid(&item("files", i), "each file is { name, text }"));
            };
            let format = Format::from_file_name(&name).ok_or_else(|| {
                invalid(
                    &child(&item("files", i), "name"),
                    "a pack file name ends in .json (this build reads JSON packs)",
                )
            })?;
            Ok(SourceFile { name, text, format })
        })
        .collect()
}

/// An options object, read from JSON text (`null` is no options).
#[cfg(any(feature = "interop", feature = "planning"))]
pub(crate) struct Options(serde_json::Map<String, Value>);

#[cfg(any(feature = "interop", feature = "planning"))]
impl Options {
    pub fn parse(text: &str) -> Result<Self, Failure> {
        match serde_json::from_str(text) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(Value::Null) => Ok(Self(serde_json::Map::new())),
            _ => Err(invalid("options", "options are an object")),
        }
    }

    /// An optional string option (`null` is not given).
    pub fn string(&self, key: &str) -> Result<Option<String>, Failure> {
        use crate::json_reader::{self as json, Wording};
        json::opt(Wording::Strict, &self.0, "", key, json::string)
            .map_err(|problem| invalid(&problem.path, &problem.message))
    }

    /// A string option that must be given.
    #[cfg(feature = "interop")]
    pub fn required(&self, key: &str) -> Result<String, Failure> {
        self.string(key)?
            .ok_or_else(|| invalid(key, &format!("`{key}` is required")))
    }

    /// The options given, by key (to refuse those a call does not take).
    #[cfg(feature = "planning")]
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// An option's value (`null` is not given).
    #[cfg(feature = "planning")]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// The `lang` option (`en` when not given).
    #[cfg(feature = "interop")]
    pub fn lang(&self) -> Result<String, Failure> {
        Ok(self.string("lang")?.unwrap_or_else(|| "en".into()))
    }
}
