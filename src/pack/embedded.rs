//! The default pack, `rules/hslp/`, compiled into the library so that every build (native and
//! WebAssembly) can evaluate HSLP participants with no files at hand. The build script converts
//! the pack's TOML files into one JSON document, so no TOML parser is needed at run time.

use super::{Format, SourceFile};

/// `rules/hslp/*.toml`, merged and written as JSON by `build.rs`.
const HSLP_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/hslp.json"));

pub(crate) fn hslp_files() -> Vec<SourceFile> {
    vec![SourceFile {
        name: "rules/hslp (embedded)".to_owned(),
        text: HSLP_JSON.to_owned(),
        format: Format::Json,
    }]
}
