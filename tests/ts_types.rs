//! `pkg-js/src/types.d.ts` is generated from the Rust types (feature `ts-types`); this test fails
//! when it is stale. `UPDATE_TYPES=1 cargo test --all-features --test ts_types` rewrites it.
#![cfg(feature = "ts-types")]

use std::path::Path;

#[test]
fn the_typescript_declarations_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-js/src/types.d.ts");
    let generated = competency_rules::ts_types::declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &generated).expect("write pkg-js/src/types.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "pkg-js/src/types.d.ts is stale: run `UPDATE_TYPES=1 cargo test --all-features --test ts_types`"
    );
}

#[test]
fn every_type_the_declarations_name_is_declared() {
    // A type used in a declaration but not listed in `ts_types::declarations` would leave the
    // package's types unresolved.
    let text = competency_rules::ts_types::declarations();
    let declared: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("export interface ")
                .or_else(|| line.strip_prefix("export type "))?;
            rest.split([' ', '<', '=']).next()
        })
        .collect();
    let mut used: Vec<String> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim_start().starts_with('*') && !l.starts_with("//"))
    {
        let mut word = String::new();
        for ch in line.chars().chain([' ']) {
            if ch.is_ascii_alphanumeric() || ch == '_' {
                word.push(ch);
            } else {
                if word.starts_with(|c: char| c.is_ascii_uppercase()) && !used.contains(&word) {
                    used.push(word.clone());
                }
                word.clear();
            }
        }
    }
    let builtin = ["Record", "Array", "Partial"];
    let missing: Vec<&String> = used
        .iter()
        .filter(|w| !declared.contains(&w.as_str()) && !builtin.contains(&w.as_str()))
        .collect();
    assert!(missing.is_empty(), "used but not declared: {missing:?}");
}
