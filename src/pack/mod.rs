//! Rule packs: loading (TOML or JSON, one file or a directory), checking, compiling and the
//! immutable [`Pack`] handle that evaluation runs on.

pub(crate) mod compile;
mod decode;
pub mod document;
mod embedded;
mod json_paths;
pub(crate) mod model;
mod reader;
mod source;

pub use source::{Format, SourceFile};

use crate::diagnostics::{Diagnostic, DiagnosticCode};
use crate::messages;
#[cfg(feature = "interop")]
pub(crate) use compile::is_absolute_iri;
use document::PackDoc;
use model::Model;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// A pack was refused: every problem found, errors first.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", summary(.diagnostics))]
#[non_exhaustive]
pub struct PackError {
    /// Every diagnostic, errors and warnings, each with its location.
    pub diagnostics: Vec<Diagnostic>,
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut text = format!("the rule pack has {errors} error(s)");
    for d in diagnostics.iter().filter(|d| d.is_error()).take(5) {
        text.push_str("\n  ");
        text.push_str(&d.to_string());
    }
    if errors > 5 {
        text.push_str(&format!("\n  ... and {} more", errors - 5));
    }
    text
}

/// A checked, compiled rule pack. Build it once; evaluate any number of participants against it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Pack {
    doc: PackDoc,
    pub(crate) model: Model,
    fingerprint: String,
    warnings: Vec<Diagnostic>,
    /// Message templates: lang -> code -> template (engine defaults merged with the pack's).
    messages: BTreeMap<String, BTreeMap<String, String>>,
}

/// Identifies a pack in reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct PackInfo {
    /// The program id.
    pub id: String,
    /// The pack version.
    pub version: String,
    /// `sha256:` and the hash of the pack's canonical JSON form: equal packs, written as TOML or
    /// JSON, in one file or several, have equal fingerprints.
    pub fingerprint: String,
}

impl Pack {
    /// Loads a pack from one document's text in `format` (not `FromStr`: a pack needs its format).
    pub fn from_text(text: &str, format: Format) -> Result<Pack, PackError> {
        let name = match format {
            Format::Toml => "<pack.toml>",
            Format::Json => "<pack.json>",
        };
        Self::from_files(vec![SourceFile {
            name: name.into(),
            text: text.into(),
            format,
        }])
    }

    /// Loads a pack from a JSON document's text.
    pub fn from_json(text: &str) -> Result<Pack, PackError> {
        Self::from_text(text, Format::Json)
    }

    /// Loads a pack from a TOML document's text.
    ///
    /// ```
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/public-service-demo/pack.toml"))?;
    /// let pack = competency_rules::Pack::from_toml(&text)?;
    /// assert_eq!(pack.info().id, "ps-leadership-demo");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Pack, PackError> {
        Self::from_text(text, Format::Toml)
    }

    /// Loads a pack from a directory: every `.toml` and `.json` file in it, in name order, each
    /// holding some of the pack's sections. A path to a single file loads that file.
    ///
    /// ```
    /// use competency_rules::Pack;
    ///
    /// # #[cfg(feature = "toml")] { // (the HSLP pack is written in TOML)
    /// let from_dir = Pack::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/hslp"))?;
    /// // The embedded default is the same pack: same fingerprint.
    /// assert_eq!(from_dir.info(), Pack::hslp()?.info());
    /// # }
    /// # Ok::<(), competency_rules::PackError>(())
    /// ```
    pub fn from_dir(path: impl AsRef<Path>) -> Result<Pack, PackError> {
        Self::from_files(read_dir(path.as_ref())?)
    }

    /// Loads a pack from files already read.
    pub fn from_files(files: Vec<SourceFile>) -> Result<Pack, PackError> {
        let (pack, diagnostics) = build(files);
        match pack {
            Some(pack) => Ok(pack),
            None => Err(PackError { diagnostics }),
        }
    }

    /// The default pack, `rules/hslp/`, embedded in the library (an illustrative encoding of the
    /// Human Services Leadership Program, to be replaced by the association's official text).
    pub fn hslp() -> Result<Pack, PackError> {
        Self::from_files(embedded::hslp_files())
    }

    /// The pack's id, version and fingerprint.
    pub fn info(&self) -> PackInfo {
        PackInfo {
            id: self.doc.program.id.clone(),
            version: self.doc.program.version.clone(),
            fingerprint: self.fingerprint.clone(),
        }
    }

    /// The pack as decoded (names, descriptions, the matrix): for displaying what the pack says.
    pub fn document(&self) -> &PackDoc {
        &self.doc
    }

    /// Warnings found while checking (the pack loaded, but they deserve a look).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The program's languages, default first.
    pub fn languages(&self) -> &[String] {
        &self.doc.program.languages
    }

    /// The template for message `code` in `lang`.
    pub fn message(&self, code: &str, lang: &str) -> Option<&str> {
        self.messages.get(lang)?.get(code).map(String::as_str)
    }

    /// Renders message `code` in `lang`, showing pack ids given as parameters by their names.
    pub fn render(&self, code: &str, params: &BTreeMap<String, String>, lang: &str) -> String {
        let Some(template) = self.message(code, lang) else {
            return code.to_owned();
        };
        messages::render(template, lang, |name| {
            if name == "remaining" && !params.contains_key(name) {
                return Some(self.remaining(params, lang));
            }
            // A parameter may come in the message's language too (`detail@fr`: an xAPI refusal's
            // detail in French).
            if let Some(localized) = params.get(&format!("{name}@{lang}")) {
                return Some(localized.clone());
            }
            let value = params.get(name)?;
            // A level is named on the scale of the competency the message is about.
            if name == "level" || name == "max_level" {
                let named = params
                    .get("competency")
                    .and_then(|c| self.doc.level_name_for(c, value));
                if let Some(text) = named {
                    return text.get(lang).cloned();
                }
            }
            Some(
                self.display_param(name, value, lang)
                    .unwrap_or_else(|| value.clone()),
            )
        })
    }

    /// `{remaining}`: what stands between a participant and completion, from the status's
    /// parameters, one part per parameter given (`3 competencies, 2 coaching sessions and the final
    /// assignment`), each part a message a pack may override.
    fn remaining(&self, params: &BTreeMap<String, String>, lang: &str) -> String {
        use messages::{Label, Message};
        const PARTS: [(&str, Message); 7] = [
            ("competencies", Message::ToGoCompetencies),
            ("chosen", Message::ToGoChosen),
            ("coaching_sessions", Message::ToGoCoachingSessions),
            (
                "mentoring_conversations",
                Message::ToGoMentoringConversations,
            ),
            ("coach", Message::ToGoCoach),
            ("mentor", Message::ToGoMentor),
            ("final_assignment", Message::ToGoFinalAssignment),
        ];
        let mut parts = Vec::new();
        for (param, code) in PARTS {
            if params.contains_key(param) {
                parts.push(self.render(code.code(), params, lang));
            }
        }
        let and = self.message(Label::And.code(), lang).unwrap_or("and");
        messages::join_list(&parts, and)
    }

    /// The name of a pack thing named by a message parameter, in `lang` (or, for the types a
    /// malformed item's field has or should have, the type's label).
    fn display_param(&self, param: &str, value: &str, lang: &str) -> Option<String> {
        let label = |prefix: &str, id: &str| {
            let label = messages::Label::from_code(&format!("{prefix}.{id}"))?;
            self.message(label.code(), lang).map(str::to_owned)
        };
        match param {
            // Dates read as each language writes them in a sentence ("le 24 novembre 2026").
            "date" | "as_of" | "deadline" | "expires" | "enrolled" | "completed" | "claimed"
            | "window_end" => {
                return value
                    .parse::<crate::date::Date>()
                    .ok()
                    .map(|d| d.long(lang));
            }
            "expected" | "found" => return label("type", value),
            "role" => return label("role", value),
            "allowed" => {
                let mut names = String::new();
                // (Split on the comma, not on ", ": a string pattern brings a substring search
                // algorithm into the WebAssembly module.)
                for role in value.split(',') {
                    let role = role.trim_start();
                    if !names.is_empty() {
                        names.push_str(", ");
                    }
                    names.push_str(&label("role", role).unwrap_or_else(|| role.to_owned()));
                }
                return Some(names);
            }
            _ => {}
        }
        let doc = &self.doc;
        let model = &self.model;
        let text = match param {
            "competency" => &doc.competency.get(model.competency_index.get(value)?)?.name,
            "kind" | "expected_kind" => &doc.evidence_kind.get(model.kind_index.get(value)?)?.name,
            "item" => &doc.catalogue.get(model.item_index.get(value)?)?.name,
            "level" | "max_level" => doc.scale.level_name(value)?,
            "scale" => &doc.scale.all().iter().find(|s| s.id == value)?.name,
            "next_level" | "org_level" => &doc.level.get(model.org_levels.get(value)?)?.name,
            "topic" => {
                &doc.final_assignment
                    .as_ref()?
                    .topic
                    .get(model.topics.get(value)?)?
                    .name
            }
            _ => return None,
        };
        text.get(lang).cloned()
    }

    /// The organizational level a participant's `level` names: its id, or the id of the level
    /// it is an alias of (a job group); `None` when it names no level of this pack.
    pub fn org_level(&self, id_or_alias: &str) -> Option<&str> {
        let index = self.model.org_level_index(id_or_alias)?;
        self.doc.level.get(index).map(|l| l.id.as_str())
    }

    /// The name of the pack thing `what` called `id`, in `lang`. Ids are unique within a kind of
    /// thing, not across kinds (a role-based framework may call a proficiency and an
    /// organizational level both `manager`), so the kind is always given.
    pub fn name(&self, what: Named, id: &str, lang: &str) -> Option<&str> {
        let doc = &self.doc;
        let model = &self.model;
        let text = match what {
            Named::Competency => &doc.competency.get(model.competency_index.get(id)?)?.name,
            Named::Outcome => &doc.outcome.iter().find(|o| o.id == id)?.name,
            Named::Level => &doc.level.get(model.org_levels.get(id)?)?.name,
            Named::Proficiency => doc.scale.level_name(id)?,
            Named::Rule => doc.rule.iter().find(|r| r.id == id)?.name.as_ref()?,
            Named::CatalogueItem => &doc.catalogue.get(model.item_index.get(id)?)?.name,
            Named::EvidenceKind => &doc.evidence_kind.get(model.kind_index.get(id)?)?.name,
        };
        text.get(lang).map(String::as_str)
    }
}

/// The kinds of pack things an id names (for [`Pack::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Named {
    /// A competency of the matrix.
    Competency,
    /// A learning outcome.
    Outcome,
    /// An organizational level (front line, supervisor, manager...).
    Level,
    /// A proficiency level of the scale (awareness, working knowledge...).
    Proficiency,
    /// An equivalency rule (its name, when it has one).
    Rule,
    /// A catalogue item (course, training, designation).
    CatalogueItem,
    /// An evidence kind.
    EvidenceKind,
}

/// Checks a pack directory (or file) and returns every diagnostic, errors and warnings, without
/// building anything for evaluation. An empty list means a clean pack.
pub fn check_dir(path: impl AsRef<Path>) -> Vec<Diagnostic> {
    match read_dir(path.as_ref()) {
        Ok(files) => check_files(files),
        Err(err) => err.diagnostics,
    }
}

/// Checks pack files already read; see [`check_dir`].
pub fn check_files(files: Vec<SourceFile>) -> Vec<Diagnostic> {
    let (pack, diagnostics) = build(files);
    match pack {
        Some(pack) => pack.warnings,
        None => diagnostics,
    }
}

fn read_dir(path: &Path) -> Result<Vec<SourceFile>, PackError> {
    let fail = |message: String| PackError {
        diagnostics: vec![{
            let mut d = Diagnostic::error(DiagnosticCode::Io, "", message);
            d.file = Some(path.display().to_string());
            d
        }],
    };
    let read = |file: &Path, format: Format| -> Result<SourceFile, PackError> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| fail(format!("cannot read {}: {e}", file.display())))?;
        let name = file.display().to_string();
        Ok(SourceFile { name, text, format })
    };
    if path.is_file() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let format = Format::from_file_name(&name)
            .ok_or_else(|| fail("a pack file must end in .toml or .json".into()))?;
        return Ok(vec![read(path, format)?]);
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| fail(format!("cannot read the pack directory: {e}")))?;
    let mut paths: Vec<(std::path::PathBuf, Format)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| fail(format!("cannot read the pack directory: {e}")))?;
        let file = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(format) = Format::from_file_name(&name)
            && file.is_file()
        {
            paths.push((file, format));
        }
    }
    if paths.is_empty() {
        return Err(fail("no .toml or .json file in the pack directory".into()));
    }
    crate::sorting::sort_by(&mut paths, |a, b| a.0.cmp(&b.0));
    paths
        .into_iter()
        .map(|(file, format)| read(&file, format))
        .collect()
}

/// Reads, decodes, checks and compiles; the pack is `None` when any error was found.
fn build(files: Vec<SourceFile>) -> (Option<Pack>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    if bytes > crate::limits::MAX_PACK_BYTES {
        diagnostics.push(Diagnostic::error(
            DiagnosticCode::LimitExceeded,
            "",
            format!(
                "the pack is {bytes} bytes, more than the limit of {}",
                crate::limits::MAX_PACK_BYTES
            ),
        ));
        return (None, diagnostics);
    }
    let mut tree = source::SourceTree::read(files, &mut diagnostics);
    if tree.unreadable {
        // A file that cannot be read may hold any section: checking the rest would report
        // sections and ids as missing that are only unread (a trailing comma is one error).
        tree.locate_all(&mut diagnostics);
        return (None, diagnostics);
    }
    let decoded = decode::decode(&tree.root, &mut diagnostics);
    let checked_from = diagnostics.len();
    let model = compile::compile(&decoded, &mut diagnostics);
    // The checker counts list entries over those that decoded; name the ones the author wrote.
    if !decoded.positions.is_empty() {
        for d in diagnostics.iter_mut().skip(checked_from) {
            if let Some(path) = decoded.pack_path(&d.path) {
                d.path = path;
            }
        }
    }
    tree.locate_all(&mut diagnostics);
    // Errors first, then in document order.
    crate::sorting::sort_by_key(&mut diagnostics, |d| {
        let position = (d.line.unwrap_or(usize::MAX), d.column.unwrap_or(usize::MAX));
        (d.severity, d.file.clone(), position, d.path.clone())
    });
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let doc = decoded.doc;
    let fingerprint = fingerprint(&doc);
    let messages = merged_messages(&doc);
    let pack = Pack {
        doc,
        model,
        fingerprint,
        warnings: diagnostics.clone(),
        messages,
    };
    (Some(pack), diagnostics)
}

fn fingerprint(doc: &PackDoc) -> String {
    // serde_json maps are sorted, and the struct fields serialize in a fixed order: canonical.
    let canonical = serde_json::to_vec(doc).unwrap_or_default();
    let digest = Sha256::digest(&canonical);
    let mut text = String::with_capacity(7 + 64);
    text.push_str("sha256:");
    for byte in digest {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

fn merged_messages(doc: &PackDoc) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for lang in &doc.program.languages {
        let mut table: BTreeMap<String, String> = BTreeMap::new();
        for (code, templates) in messages::defaults() {
            if let Some(text) = templates.and_then(|t| messages::pick(t, lang)) {
                table.insert(code.to_owned(), text.to_owned());
            }
        }
        if let Some(overrides) = doc.messages.get(lang) {
            table.extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        out.insert(lang.clone(), table);
    }
    out
}
