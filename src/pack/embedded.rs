//! The default pack, `rules/hslp/`, compiled into the library so that every build (native and
//! WebAssembly) can evaluate HSLP participants with no files at hand.

use super::{Format, SourceFile};

/// The files of `rules/hslp/`, in the order a directory load would read them.
const HSLP: &[(&str, &str)] = &[
    (
        "rules/hslp/catalogue.toml",
        include_str!("../../rules/hslp/catalogue.toml"),
    ),
    (
        "rules/hslp/competencies.toml",
        include_str!("../../rules/hslp/competencies.toml"),
    ),
    (
        "rules/hslp/pack.toml",
        include_str!("../../rules/hslp/pack.toml"),
    ),
    (
        "rules/hslp/rules.toml",
        include_str!("../../rules/hslp/rules.toml"),
    ),
];

pub(crate) fn hslp_files() -> Vec<SourceFile> {
    HSLP.iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
            format: Format::Toml,
        })
        .collect()
}
