//! The files a command line input names: a file as given, or a directory's files whose extension
//! a command takes (in any case), recursively and in name order, hidden files and directories
//! (such as `.git`) left out.

use std::path::{Path, PathBuf};

/// Adds `path` to `out` if it is not a directory; else every file below it whose extension
/// (lower-cased) `accept` takes.
pub fn files_in(
    path: &Path,
    accept: &dyn Fn(&str) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<(), String> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let taken = entry
            .extension()
            .is_some_and(|e| accept(&e.to_string_lossy().to_ascii_lowercase()));
        if hidden {
            continue;
        } else if entry.is_dir() {
            files_in(&entry, accept, out)?;
        } else if taken {
            out.push(entry);
        }
    }
    Ok(())
}
