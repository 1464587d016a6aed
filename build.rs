//! Build script: converts the default pack `rules/hslp/*.toml` into one compact JSON document that
//! the library embeds, so every build (including WebAssembly builds without the TOML parser) carries
//! the default pack. The conversion keeps the data as it is; the library checks the result like any
//! other pack, and the tests check it equals the pack read from the directory.

use std::path::Path;

fn main() {
    let dir = Path::new("rules/hslp");
    println!("cargo::rerun-if-changed=rules/hslp");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "toml"));
    names.sort();
    let mut merged = toml::Table::new();
    for path in names {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        for (key, value) in table {
            if merged.insert(key.clone(), value).is_some() {
                fail(&format!(
                    "{}: section `{key}` is defined in two files",
                    path.display()
                ));
            }
        }
    }
    let json = serde_json::to_string(&merged).unwrap_or_else(|e| fail(&e.to_string()));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| fail(&e.to_string()));
    std::fs::write(Path::new(&out).join("hslp.json"), json)
        .unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: cannot embed rules/hslp: {message}");
    std::process::exit(1)
}
