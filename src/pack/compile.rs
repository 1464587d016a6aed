//! Checking a decoded pack and compiling it: every id resolved, every rule checked, every problem
//! reported with its path. Produces the [`Model`] the evaluator runs on.

use super::decode::Decoded;
use super::document::*;
use super::model::*;
use crate::diagnostics::{Diagnostic, DiagnosticCode};

use crate::report::Id;
use std::collections::BTreeMap;

mod conditions;
mod fuzzy;
mod links;
mod ordering;
mod overrides;
mod reachability;
mod sections;
#[cfg(feature = "interop")]
pub(crate) use links::is_absolute_iri;

/// Checks and compiles `decoded`; diagnostics (errors and warnings) are pushed to `diagnostics`.
pub(crate) fn compile(decoded: &Decoded, diagnostics: &mut Vec<Diagnostic>) -> Model {
    let mut c = Checker {
        decoded,
        doc: &decoded.doc,
        out: diagnostics,
        hints_left: MAX_HINTS,
    };
    c.run()
}

struct Checker<'a> {
    decoded: &'a Decoded,
    doc: &'a PackDoc,
    out: &'a mut Vec<Diagnostic>,
    /// How many more unknown ids get a "did you mean" hint (see [`MAX_HINTS`]).
    hints_left: usize,
}

/// Unknown ids that get a "did you mean" hint, per pack: each hint compares the id with every
/// known id of its section, so a pack of thousands of unknown ids would otherwise take quadratic
/// time for hints nobody reads past the first screen.
const MAX_HINTS: usize = 200;

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(first) if first.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

impl Checker<'_> {
    fn error(&mut self, code: DiagnosticCode, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::error(code, path, message));
    }

    fn warn(&mut self, code: DiagnosticCode, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::warning(code, path, message));
    }

    /// Reports sections with more entries than the [`crate::limits`] allow; `false` if any has.
    fn check_counts(&mut self) -> bool {
        use crate::limits::{
            MAX_CATALOGUE_ITEMS, MAX_COMPETENCIES, MAX_RULES, MAX_SECTION_ENTRIES,
        };
        let doc = self.doc;
        let mut within = true;
        for (section, count, max) in [
            ("competency", doc.competency.len(), MAX_COMPETENCIES),
            ("catalogue", doc.catalogue.len(), MAX_CATALOGUE_ITEMS),
            ("rule", doc.rule.len(), MAX_RULES),
            ("level", doc.level.len(), MAX_SECTION_ENTRIES),
            ("scale", doc.scale.all().len(), MAX_SECTION_ENTRIES),
            ("outcome", doc.outcome.len(), MAX_SECTION_ENTRIES),
            (
                "evidence_kind",
                doc.evidence_kind.len(),
                MAX_SECTION_ENTRIES,
            ),
        ] {
            if count > max {
                within = false;
                self.error(
                    DiagnosticCode::LimitExceeded,
                    section,
                    format!("{count} entries, more than the limit of {max}"),
                );
            }
        }
        for (i, scale) in doc.scale.all().iter().enumerate() {
            let count = scale.level.len();
            if count > MAX_SECTION_ENTRIES {
                within = false;
                self.error(
                    DiagnosticCode::LimitExceeded,
                    format!("{}.level", doc.scale.path(i)),
                    format!("{count} entries, more than the limit of {MAX_SECTION_ENTRIES}"),
                );
            }
        }
        within
    }

    /// The proficiency scales: ids unique, each with at least one level, every text in every
    /// language.
    fn scales(&mut self) -> Vec<Scale> {
        let doc = self.doc;
        let all = doc.scale.all();
        let broken = self.decoded.broken_sections.contains("scale");
        if all.is_empty() && !broken {
            self.error(
                DiagnosticCode::Empty,
                "scale",
                "the pack needs a proficiency scale",
            );
        }
        if let Scales::Many(list) = &doc.scale {
            self.index("scale", list.iter().map(|s| s.id.as_str()));
        }
        let mut out = Vec::with_capacity(all.len());
        for (i, scale) in all.iter().enumerate() {
            let path = doc.scale.path(i);
            let levels = format!("{path}.level");
            let index = self.index(&levels, scale.level.iter().map(|l| l.id.as_str()));
            if scale.level.is_empty() && !broken {
                self.error(
                    DiagnosticCode::Empty,
                    levels.clone(),
                    "the proficiency scale needs at least one level",
                );
            }
            self.text(&scale.name, &format!("{path}.name"));
            self.named(&scale.level, &levels);
            out.push(Scale {
                index,
                ids: scale
                    .level
                    .iter()
                    .map(|l| Id::from(l.id.as_str()))
                    .collect(),
            });
        }
        out
    }

    /// Builds an id index for a list section, reporting invalid, over-long and duplicate ids.
    fn index<'i>(&mut self, section: &str, ids: impl Iterator<Item = &'i str>) -> Index {
        let mut map = BTreeMap::new();
        for (position, id) in ids.enumerate() {
            let path = format!("{section}[{position}].id");
            if crate::limits::id_too_long(id) {
                self.error(
                    DiagnosticCode::LimitExceeded,
                    path.clone(),
                    format!(
                        "the id is longer than the limit of {} characters",
                        crate::limits::MAX_ID_CHARS
                    ),
                );
            } else if !valid_id(id) {
                self.error(
                    DiagnosticCode::InvalidId,
                    path.clone(),
                    format!("`{id}` is not a valid id: use letters, digits, `_`, `.` and `-`, starting with a letter or digit"),
                );
            }
            if map.insert(id.to_owned(), position).is_some() {
                self.error(
                    DiagnosticCode::DuplicateId,
                    path,
                    format!("`{id}` is defined twice in `{section}`"),
                );
            }
        }
        Index::from_map(map)
    }

    /// Resolves `id` in `index`; an unknown id is an error unless its section is broken.
    fn resolve(
        &mut self,
        index: &Index,
        section: &'static str,
        what: &str,
        id: &str,
        path: String,
    ) -> Option<usize> {
        if let Some(found) = index.get(id) {
            return Some(found);
        }
        let broken = self.decoded.broken_sections.contains(section)
            || self.decoded.broken_ids.contains(&format!("{section}/{id}"));
        if !broken {
            let hint = if self.hints_left > 0 {
                self.hints_left -= 1;
                let known: Vec<&str> = index.ids().collect();
                fuzzy::closest(id, &known)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            self.error(
                DiagnosticCode::UnknownId,
                path,
                format!("there is no {what} `{id}`{hint}"),
            );
        }
        None
    }

    /// Level `id` on scale `si`, as a rank. In a pack with several scales, a level of another
    /// scale is named as such, with the levels of the scale it is read on.
    fn rank(&mut self, scales: &[Scale], si: usize, id: &str, path: String) -> Option<Rank> {
        let scale = scales.get(si)?;
        if scales.len() > 1 && scale.index.get(id).is_none() {
            let all = self.doc.scale.all();
            let name = |i: usize| all.get(i).map_or("", |s| s.id.as_str());
            if let Some(other) = scales.iter().position(|s| s.index.get(id).is_some()) {
                let levels: Vec<&str> = scale.ids.iter().map(|l| &**l).collect();
                self.error(
                    DiagnosticCode::UnknownId,
                    path,
                    format!(
                        "`{id}` is a level of scale `{}`, but this is read on scale `{}` (levels: {})",
                        name(other),
                        name(si),
                        levels.join(", ")
                    ),
                );
                return None;
            }
        }
        let found = self.resolve(&scale.index, "scale", "proficiency level", id, path.clone())?;
        match Rank::try_from(found) {
            Ok(rank) => Some(rank),
            Err(_) => {
                self.error(
                    DiagnosticCode::TooManyLevels,
                    path,
                    "a proficiency scale may have at most 256 levels",
                );
                None
            }
        }
    }

    fn text(&mut self, text: &Text, path: &str) {
        for lang in &self.doc.program.languages {
            match text.get(lang) {
                Some(value) if !value.trim().is_empty() => {}
                Some(_) => self.error(
                    DiagnosticCode::EmptyText,
                    format!("{path}.{lang}"),
                    format!("the {lang} text is empty"),
                ),
                None => self.error(
                    DiagnosticCode::MissingTranslation,
                    format!("{path}.{lang}"),
                    format!(
                        "missing the {lang} text (the program's languages are {})",
                        self.doc
                            .program
                            .languages
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            }
        }
        for lang in text.keys() {
            if !self.doc.program.languages.contains(lang)
                && !self.decoded.broken_sections.contains("program")
            {
                self.warn(
                    DiagnosticCode::UnusedTranslation,
                    format!("{path}.{lang}"),
                    format!("`{lang}` is not one of the program's languages"),
                );
            }
        }
    }

    fn named(&mut self, entries: &[NamedDoc], section: &str) {
        for (i, entry) in entries.iter().enumerate() {
            self.text(&entry.name, &format!("{section}[{i}].name"));
            if let Some(description) = &entry.description {
                self.text(description, &format!("{section}[{i}].description"));
            }
        }
    }

    /// The organizational levels' aliases (job groups, classifications) → level index: each
    /// alias names one level and is not a level's id.
    fn level_aliases(&mut self, levels: &Index) -> Index {
        let mut map: BTreeMap<String, usize> = BTreeMap::new();
        for (li, level) in self.doc.level.iter().enumerate() {
            for (ai, alias) in level.aliases.iter().enumerate() {
                let path = format!("level[{li}].aliases[{ai}]");
                if alias.trim().is_empty() || crate::limits::id_too_long(alias) {
                    self.error(
                        DiagnosticCode::InvalidValue,
                        path,
                        format!(
                            "an alias is a name of 1 to {} characters",
                            crate::limits::MAX_ID_CHARS
                        ),
                    );
                } else if levels.get(alias).is_some() {
                    self.error(
                        DiagnosticCode::DuplicateId,
                        path,
                        format!("`{alias}` is a level's id; an alias is another name"),
                    );
                } else if let Some(other) = map.insert(alias.clone(), li) {
                    let id = |i: usize| self.doc.level.get(i).map_or("", |l| l.id.as_str());
                    let message = format!("`{alias}` is already an alias of level `{}`", id(other));
                    self.error(DiagnosticCode::DuplicateId, path, message);
                }
            }
        }
        Index::from_map(map)
    }

    fn run(&mut self) -> Model {
        // Past a limit, the pack is refused at once: the checks below compare sections with each
        // other (competencies × levels, rules × rules), which the limits keep small.
        if !self.check_counts() {
            return Model::default();
        }
        let doc = self.doc;
        self.program();
        let scales = self.scales();
        let levels = self.index("level", doc.level.iter().map(|l| l.id.as_str()));
        for (i, level) in doc.level.iter().enumerate() {
            self.text(&level.name, &format!("level[{i}].name"));
            if let Some(description) = &level.description {
                self.text(description, &format!("level[{i}].description"));
            }
        }
        let level_aliases = self.level_aliases(&levels);
        let outcomes = self.index("outcome", doc.outcome.iter().map(|o| o.id.as_str()));
        self.named(&doc.outcome, "outcome");
        let competency_index =
            self.index("competency", doc.competency.iter().map(|c| c.id.as_str()));
        let competencies = self.competencies(&scales, &levels, &outcomes);
        let kind_index = self.index(
            "evidence_kind",
            doc.evidence_kind.iter().map(|k| k.id.as_str()),
        );
        let kinds = self.kinds(&scales);
        let item_index = self.index("catalogue", doc.catalogue.iter().map(|i| i.id.as_str()));
        let items = self.catalogue(
            &scales,
            &competency_index,
            &kind_index,
            &kinds,
            &competencies,
        );
        let topics = match &doc.final_assignment {
            Some(fa) => {
                self.named(&fa.topic, "final_assignment.topic");
                self.grade(fa.min_grade, "final_assignment.min_grade");
                self.index(
                    "final_assignment.topic",
                    fa.topic.iter().map(|t| t.id.as_str()),
                )
            }
            None => Index::default(),
        };
        let mut model = Model {
            scales,
            org_levels: levels,
            org_level_aliases: level_aliases,
            competency_index,
            kind_index,
            item_index,
            topics,
            org_level_ids: doc.level.iter().map(|l| Id::from(l.id.as_str())).collect(),
            outcome_ids: doc
                .outcome
                .iter()
                .map(|o| Id::from(o.id.as_str()))
                .collect(),
            competencies,
            kinds,
            items,
            ..Model::default()
        };
        model.rules = self.rules(&model);
        model.completion = self.completion(&model);
        self.equivalency();
        self.links(&model);
        model.waiver_kind = self.waiver_kind(&model);
        self.messages();
        self.reachability(&model);
        model
    }

    fn program(&mut self) {
        let doc = self.doc;
        if !self.decoded.broken_sections.contains("format") && doc.format != PACK_FORMAT {
            self.error(
                DiagnosticCode::UnsupportedFormat,
                "format",
                format!(
                    "`{}` is not a format this engine reads; write format = \"{PACK_FORMAT}\"",
                    doc.format
                ),
            );
        }
        if self.decoded.broken_sections.contains("program") {
            return;
        }
        if !valid_id(&doc.program.id) {
            self.error(
                DiagnosticCode::InvalidId,
                "program.id",
                format!("`{}` is not a valid id", doc.program.id),
            );
        }
        if doc.program.version.trim().is_empty() {
            self.error(
                DiagnosticCode::Empty,
                "program.version",
                "the pack version is empty",
            );
        }
        if doc.program.languages.is_empty() {
            self.error(
                DiagnosticCode::Empty,
                "program.languages",
                "name at least one language, e.g. [\"en\", \"fr\"]",
            );
        }
        // (The map type the id tables use: one more set type would cost the WebAssembly module
        // kilobytes.)
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, lang) in doc.program.languages.iter().enumerate() {
            if seen.insert(lang.clone(), i).is_some() {
                self.error(
                    DiagnosticCode::DuplicateId,
                    format!("program.languages[{i}]"),
                    format!("`{lang}` is listed twice"),
                );
            }
        }
        self.text(&doc.program.name, "program.name");
        if let Some(d) = &doc.program.description {
            self.text(d, "program.description");
        }
        if let Some(n) = &doc.program.notice {
            self.text(n, "program.notice");
        }
    }
}
