//! Checking a decoded pack and compiling it: every id resolved, every rule checked, every problem
//! reported with its path. Produces the [`Compiled`] tables the evaluator runs on.

use super::decode::Decoded;
use super::format::*;
use super::model::*;
use crate::diagnostics::{Diagnostic, DiagnosticCode};
use crate::messages;
use crate::report::Id;
use std::collections::{BTreeMap, BTreeSet};

mod links;
#[cfg(feature = "interop")]
pub(crate) use links::is_absolute_iri;

/// Ids resolved to indices, and the compiled tables.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    pub scale: Index,
    pub levels: Index,
    pub competency_index: Index,
    pub kind_index: Index,
    pub item_index: Index,
    pub topics: Index,
    /// Proficiency level ids by rank; organizational level ids by index.
    pub scale_ids: Vec<Id>,
    pub level_ids: Vec<Id>,
    pub outcome_ids: Vec<Id>,
    pub competencies: Vec<Competency>,
    pub kinds: Vec<Kind>,
    pub items: Vec<Item>,
    /// Rules in evaluation order: a rule comes after every rule granting a competency it reads.
    pub rules: Vec<Rule>,
    /// Per organizational level.
    pub completion: Vec<Completion>,
    /// The kind whose items waive a catalogue item of any kind (`[equivalency] waiver_kind`).
    pub waiver_kind: Option<usize>,
}

/// An id -> index map: a table sorted by id, searched by bisection (no hashing, no allocation).
#[derive(Debug, Default, Clone)]
pub(crate) struct Index(Vec<(Box<str>, usize)>);

impl Index {
    fn from_map(map: BTreeMap<String, usize>) -> Self {
        let mut table: Vec<(Box<str>, usize)> = map
            .into_iter()
            .map(|(k, v)| (k.into_boxed_str(), v))
            .collect();
        crate::sorting::sort(&mut table);
        Index(table)
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        let found = self.0.binary_search_by(|(key, _)| (**key).cmp(id)).ok()?;
        self.0.get(found).map(|(_, index)| *index)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Checks and compiles `decoded`; diagnostics (errors and warnings) are pushed to `diagnostics`.
pub(crate) fn compile(decoded: &Decoded, diagnostics: &mut Vec<Diagnostic>) -> Compiled {
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
            ("scale.level", doc.scale.level.len(), MAX_SECTION_ENTRIES),
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
        within
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
                closest(id, &known)
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

    fn rank(&mut self, scale: &Index, id: &str, path: String) -> Option<Rank> {
        let found = self.resolve(scale, "scale", "proficiency level", id, path.clone())?;
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

    fn run(&mut self) -> Compiled {
        // Past a limit, the pack is refused at once: the checks below compare sections with each
        // other (competencies × levels, rules × rules), which the limits keep small.
        if !self.check_counts() {
            return Compiled::default();
        }
        let doc = self.doc;
        self.program();
        let scale = self.index("scale.level", doc.scale.level.iter().map(|l| l.id.as_str()));
        if doc.scale.level.is_empty() && !self.decoded.broken_sections.contains("scale") {
            self.error(
                DiagnosticCode::Empty,
                "scale.level",
                "the proficiency scale needs at least one level",
            );
        }
        self.text(&doc.scale.name, "scale.name");
        self.named(&doc.scale.level, "scale.level");
        let levels = self.index("level", doc.level.iter().map(|l| l.id.as_str()));
        self.named(&doc.level, "level");
        let outcomes = self.index("outcome", doc.outcome.iter().map(|o| o.id.as_str()));
        self.named(&doc.outcome, "outcome");
        let competency_index =
            self.index("competency", doc.competency.iter().map(|c| c.id.as_str()));
        let competencies = self.competencies(&scale, &levels, &outcomes);
        let kind_index = self.index(
            "evidence_kind",
            doc.evidence_kind.iter().map(|k| k.id.as_str()),
        );
        let kinds = self.kinds(&scale);
        let item_index = self.index("catalogue", doc.catalogue.iter().map(|i| i.id.as_str()));
        let items = self.catalogue(
            &scale,
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
        let mut tables = Compiled {
            scale,
            levels,
            competency_index,
            kind_index,
            item_index,
            topics,
            scale_ids: doc
                .scale
                .level
                .iter()
                .map(|l| Id::from(l.id.as_str()))
                .collect(),
            level_ids: doc.level.iter().map(|l| Id::from(l.id.as_str())).collect(),
            outcome_ids: doc
                .outcome
                .iter()
                .map(|o| Id::from(o.id.as_str()))
                .collect(),
            competencies,
            kinds,
            items,
            ..Compiled::default()
        };
        tables.rules = self.rules(&tables);
        tables.completion = self.completion(&tables);
        self.equivalency();
        self.links(&tables);
        tables.waiver_kind = self.waiver_kind(&tables);
        self.messages();
        self.reachability(&tables);
        tables
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
        let mut seen = BTreeSet::new();
        for (i, lang) in doc.program.languages.iter().enumerate() {
            if !seen.insert(lang) {
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

    fn competencies(&mut self, scale: &Index, levels: &Index, outcomes: &Index) -> Vec<Competency> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.competency.len());
        let mut used_outcomes = vec![false; doc.outcome.len()];
        for (ci, comp) in doc.competency.iter().enumerate() {
            let path = format!("competency[{ci}]");
            self.text(&comp.name, &format!("{path}.name"));
            self.text(&comp.description, &format!("{path}.description"));
            let outcome = self.resolve(
                outcomes,
                "outcome",
                "learning outcome",
                &comp.outcome,
                format!("{path}.outcome"),
            );
            if let Some(slot) = outcome.and_then(|o| used_outcomes.get_mut(o)) {
                *slot = true;
            }
            let mut expected = vec![None; doc.level.len()];
            for (level_id, value) in &comp.expected {
                let key_path = format!("{path}.expected.{level_id}");
                let Some(level) = self.resolve(
                    levels,
                    "level",
                    "organizational level",
                    level_id,
                    key_path.clone(),
                ) else {
                    continue;
                };
                let rank = if value == NOT_REQUIRED {
                    None
                } else {
                    self.rank(scale, value, key_path)
                };
                if let Some(slot) = expected.get_mut(level) {
                    *slot = rank;
                }
            }
            for level in &doc.level {
                if !comp.expected.contains_key(&level.id) {
                    self.error(
                        DiagnosticCode::MissingExpectation,
                        format!("{path}.expected"),
                        format!("no expected proficiency for level `{}` (write `{} = \"{NOT_REQUIRED}\"` if it is not required there)", level.id, level.id),
                    );
                }
            }
            // Expectations must not fall as levels rise.
            let mut previous: Option<(usize, Rank)> = None;
            for (li, rank) in expected.iter().enumerate() {
                let Some(rank) = *rank else { continue };
                if let Some((pi, prank)) = previous
                    && rank < prank
                {
                    let name =
                        |i: usize| doc.level.get(i).map(|l| l.id.clone()).unwrap_or_default();
                    let scale_id = |r: Rank| {
                        doc.scale
                            .level
                            .get(usize::from(r))
                            .map(|l| l.id.clone())
                            .unwrap_or_default()
                    };
                    self.error(
                        DiagnosticCode::LevelsOutOfOrder,
                        format!("{path}.expected.{}", name(li)),
                        format!(
                            "expected proficiency falls from `{}` at `{}` to `{}` at `{}`: levels must not expect less as they rise (use `{NOT_REQUIRED}` to drop a competency)",
                            scale_id(prank), name(pi), scale_id(rank), name(li)
                        ),
                    );
                }
                previous = Some((li, rank));
            }
            if expected.iter().all(Option::is_none) && !comp.expected.is_empty() {
                self.warn(
                    DiagnosticCode::NeverRequired,
                    format!("{path}.expected"),
                    format!("`{}` is not required at any level", comp.id),
                );
            }
            out.push(Competency {
                id: comp.id.as_str().into(),
                outcome: outcome.unwrap_or(0),
                outcome_id: comp.outcome.as_str().into(),
                expected,
                allow_equivalency: comp.allow_equivalency,
            });
        }
        for (oi, used) in used_outcomes.iter().enumerate() {
            if !used && !self.decoded.broken_sections.contains("competency") {
                let id = doc
                    .outcome
                    .get(oi)
                    .map(|o| o.id.clone())
                    .unwrap_or_default();
                self.warn(
                    DiagnosticCode::EmptyOutcome,
                    format!("outcome[{oi}]"),
                    format!("no competency belongs to outcome `{id}`"),
                );
            }
        }
        out
    }

    fn kinds(&mut self, scale: &Index) -> Vec<Kind> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.evidence_kind.len());
        for (ki, kind) in doc.evidence_kind.iter().enumerate() {
            let path = format!("evidence_kind[{ki}]");
            self.text(&kind.name, &format!("{path}.name"));
            if kind.assessors.is_empty() {
                self.error(
                    DiagnosticCode::Empty,
                    format!("{path}.assessors"),
                    "name who may assess this kind, e.g. [\"program_assessor\"]",
                );
            }
            let mut seen = BTreeSet::new();
            for (ai, role) in kind.assessors.iter().enumerate() {
                if !seen.insert(*role) {
                    self.error(
                        DiagnosticCode::DuplicateId,
                        format!("{path}.assessors[{ai}]"),
                        format!("`{}` is listed twice", role.id()),
                    );
                }
            }
            let claims = matches!(
                kind.counts_as,
                CountsAs::CompetencyClaims | CountsAs::Override
            );
            let max_level = match &kind.max_level {
                Some(level) if !claims => {
                    self.error(DiagnosticCode::NotApplicable, format!("{path}.max_level"), "`max_level` applies only to kinds that count as competency_claims or override");
                    let _ = level;
                    None
                }
                Some(level) => self.rank(scale, level, format!("{path}.max_level")),
                None => None,
            };
            if kind.equivalency
                && !matches!(
                    kind.counts_as,
                    CountsAs::CompetencyClaims | CountsAs::CatalogueItem
                )
            {
                self.error(
                    DiagnosticCode::NotApplicable,
                    format!("{path}.equivalency"),
                    "only competency_claims and catalogue_item kinds can be equivalency",
                );
            }
            if kind.max_age_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.max_age_months"),
                    "must be at least 1 (leave it out for no limit)",
                );
            }
            out.push(Kind {
                id: kind.id.as_str().into(),
                counts_as: kind.counts_as,
                equivalency: kind.equivalency,
                assessors: kind.assessors.clone(),
                max_age_months: kind.max_age_months,
                max_level,
            });
        }
        out
    }

    fn grade(&mut self, grade: Option<f64>, path: &str) {
        if let Some(g) = grade
            && !(0.0..=100.0).contains(&g)
        {
            self.error(
                DiagnosticCode::OutOfRange,
                path,
                format!(
                    "a grade is between 0 and 100, not {}",
                    crate::messages::number(g)
                ),
            );
        }
    }

    fn grants(
        &mut self,
        grants: &[GrantDoc],
        path: &str,
        scale: &Index,
        competencies: &Index,
    ) -> Vec<(usize, Rank)> {
        let mut out = Vec::with_capacity(grants.len());
        for (gi, grant) in grants.iter().enumerate() {
            let gpath = format!("{path}.grants[{gi}]");
            let comp = self.resolve(
                competencies,
                "competency",
                "competency",
                &grant.competency,
                format!("{gpath}.competency"),
            );
            let rank = self.rank(scale, &grant.level, format!("{gpath}.level"));
            if let (Some(comp), Some(rank)) = (comp, rank) {
                out.push((comp, rank));
            }
        }
        out
    }

    fn catalogue(
        &mut self,
        scale: &Index,
        competency_index: &Index,
        kind_index: &Index,
        kinds: &[Kind],
        competencies: &[Competency],
    ) -> Vec<Item> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.catalogue.len());
        for (ii, item) in doc.catalogue.iter().enumerate() {
            let path = format!("catalogue[{ii}]");
            self.text(&item.name, &format!("{path}.name"));
            self.grade(item.min_grade, &format!("{path}.min_grade"));
            if item.valid_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.valid_months"),
                    "must be at least 1 (leave it out for no expiry)",
                );
            }
            let kind = self.resolve(
                kind_index,
                "evidence_kind",
                "evidence kind",
                &item.kind,
                format!("{path}.kind"),
            );
            let kind_info = kind.and_then(|k| kinds.get(k));
            if let Some(k) = kind_info
                && k.counts_as != CountsAs::CatalogueItem
            {
                self.error(
                    DiagnosticCode::WrongKind,
                    format!("{path}.kind"),
                    format!("evidence kind `{}` does not count as catalogue_item", k.id),
                );
            }
            let grants = self.grants(&item.grants, &path, scale, competency_index);
            if item.grants.is_empty() {
                self.warn(
                    DiagnosticCode::GrantsNothing,
                    format!("{path}.grants"),
                    format!("`{}` grants no competency", item.id),
                );
            }
            if kind_info.is_some_and(|k| k.equivalency) {
                for (gi, (comp, _)) in grants.iter().enumerate() {
                    if let Some(c) = competencies.get(*comp)
                        && !c.allow_equivalency
                    {
                        self.error(
                            DiagnosticCode::EquivalencyNotAllowed,
                            format!("{path}.grants[{gi}].competency"),
                            format!("`{}` may not be obtained by equivalency, but `{}` is an equivalency kind", c.id, item.kind),
                        );
                    }
                }
            }
            out.push(Item {
                id: item.id.as_str().into(),
                kind: kind.unwrap_or(0),
                min_grade: item.min_grade,
                valid_months: item.valid_months,
                grants,
            });
        }
        out
    }

    fn rules(&mut self, t: &Compiled) -> Vec<Rule> {
        let doc = self.doc;
        self.index("rule", doc.rule.iter().map(|r| r.id.as_str()));
        let mut compiled = Vec::with_capacity(doc.rule.len());
        for (ri, rule) in doc.rule.iter().enumerate() {
            let path = format!("rule[{ri}]");
            if let Some(name) = &rule.name {
                self.text(name, &format!("{path}.name"));
            }
            if rule.grants.is_empty() {
                self.error(
                    DiagnosticCode::Empty,
                    format!("{path}.grants"),
                    "a rule must grant at least one competency",
                );
            }
            let grants = self.grants(&rule.grants, &path, &t.scale, &t.competency_index);
            if rule.equivalency {
                for (gi, (comp, _)) in grants.iter().enumerate() {
                    if let Some(c) = t.competencies.get(*comp)
                        && !c.allow_equivalency
                    {
                        self.error(
                            DiagnosticCode::EquivalencyNotAllowed,
                            format!("{path}.grants[{gi}].competency"),
                            format!("`{}` may not be obtained by equivalency; mark the rule `equivalency = false` if it is not one", c.id),
                        );
                    }
                }
            }
            let depth = condition_depth(&rule.when);
            if depth > crate::limits::MAX_RULE_DEPTH {
                self.error(
                    DiagnosticCode::LimitExceeded,
                    format!("{path}.when"),
                    format!(
                        "conditions nest {depth} deep, more than the limit of {}",
                        crate::limits::MAX_RULE_DEPTH
                    ),
                );
                continue;
            }
            let when = self.condition(&rule.when, &format!("{path}.when"), t, false);
            if let Some(when) = when {
                compiled.push((
                    ri,
                    Rule {
                        id: rule.id.as_str().into(),
                        grants,
                        when,
                        equivalency: rule.equivalency,
                    },
                ));
            }
        }
        self.order_rules(compiled)
    }

    fn condition(
        &mut self,
        cond: &ConditionDoc,
        path: &str,
        t: &Compiled,
        in_points: bool,
    ) -> Option<Condition> {
        let forms = [
            ("all", cond.all.is_some()),
            ("any", cond.any.is_some()),
            ("n_of", cond.n_of.is_some()),
            ("points", cond.points.is_some()),
            ("item", cond.item.is_some()),
            ("kind", cond.kind.is_some()),
            (
                "competency",
                cond.competency.is_some() && cond.kind.is_none(),
            ),
        ];
        let present: Vec<&str> = forms.iter().filter(|(_, p)| *p).map(|(n, _)| *n).collect();
        if present.len() != 1 {
            let message = if present.is_empty() {
                "a condition needs one of all, any, n_of, points, item, kind or competency"
                    .to_owned()
            } else {
                format!(
                    "a condition has exactly one form, this one has {}",
                    present.join(", ")
                )
            };
            self.error(DiagnosticCode::InvalidCondition, path, message);
            return None;
        }
        match (in_points, cond.award) {
            (true, None) => self.error(
                DiagnosticCode::MissingKey,
                format!("{path}.award"),
                "each entry of `points.from` needs an `award`",
            ),
            (false, Some(_)) => self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.award"),
                "`award` is only used inside `points.from`",
            ),
            _ => {}
        }
        if cond.level.is_some() && cond.competency.is_none() {
            self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.level"),
                "`level` goes with `competency`",
            );
        }
        if cond.count.is_some() && cond.kind.is_none() {
            self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.count"),
                "`count` goes with `kind`",
            );
        }
        let list = |this: &mut Self,
                    items: &[ConditionDoc],
                    key: &str,
                    points: bool|
         -> Option<Vec<Condition>> {
            if items.is_empty() {
                this.error(
                    DiagnosticCode::Empty,
                    format!("{path}.{key}"),
                    format!("`{key}` needs at least one condition"),
                );
            }
            let compiled: Vec<Option<Condition>> = items
                .iter()
                .enumerate()
                .map(|(i, c)| this.condition(c, &format!("{path}.{key}[{i}]"), t, points))
                .collect();
            compiled.into_iter().collect()
        };
        if let Some(items) = &cond.all {
            return list(self, items, "all", false).map(Condition::All);
        }
        if let Some(items) = &cond.any {
            return list(self, items, "any", false).map(Condition::Any);
        }
        if let Some(n_of) = &cond.n_of {
            if n_of.n == 0 || usize::try_from(n_of.n).map_or(true, |n| n > n_of.of.len()) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.n_of.n"),
                    format!(
                        "n must be between 1 and the {} conditions listed",
                        n_of.of.len()
                    ),
                );
            }
            return list(self, &n_of.of, "n_of.of", false).map(|of| Condition::NOf(n_of.n, of));
        }
        if let Some(points) = &cond.points {
            let children = list(self, &points.from, "points.from", true)?;
            let awards: Vec<u32> = points.from.iter().map(|c| c.award.unwrap_or(0)).collect();
            let total: u64 = awards.iter().map(|a| u64::from(*a)).sum();
            if points.min == 0 || u64::from(points.min) > total {
                self.error(
                    DiagnosticCode::Unreachable,
                    format!("{path}.points.min"),
                    format!("min must be between 1 and the {total} points available"),
                );
            }
            return Some(Condition::Points(
                points.min,
                awards.into_iter().zip(children).collect(),
            ));
        }
        if let Some(item) = &cond.item {
            return self
                .resolve(
                    &t.item_index,
                    "catalogue",
                    "catalogue item",
                    item,
                    format!("{path}.item"),
                )
                .map(Condition::Item);
        }
        let competency = match &cond.competency {
            Some(id) => Some(self.resolve(
                &t.competency_index,
                "competency",
                "competency",
                id,
                format!("{path}.competency"),
            )?),
            None => None,
        };
        let rank = match &cond.level {
            Some(level) => Some(self.rank(&t.scale, level, format!("{path}.level"))?),
            None => None,
        };
        if let Some(kind) = &cond.kind {
            let kind = self.resolve(
                &t.kind_index,
                "evidence_kind",
                "evidence kind",
                kind,
                format!("{path}.kind"),
            )?;
            if cond.count == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.count"),
                    "count must be at least 1",
                );
            }
            if competency.is_some()
                && t.kinds
                    .get(kind)
                    .is_some_and(|k| !matches!(k.counts_as, CountsAs::CompetencyClaims))
            {
                self.error(
                    DiagnosticCode::NotApplicable,
                    format!("{path}.competency"),
                    "`competency` with `kind` needs a kind that counts as competency_claims",
                );
            }
            return Some(Condition::Kind {
                kind,
                claim: competency.map(|c| (c, rank.unwrap_or(0))),
                count: cond.count.unwrap_or(1),
            });
        }
        let competency = competency?;
        let Some(rank) = rank else {
            self.error(
                DiagnosticCode::MissingKey,
                format!("{path}.level"),
                "a competency condition needs the `level` it must be achieved at",
            );
            return None;
        };
        Some(Condition::Achieved(competency, rank))
    }

    /// Orders rules so each comes after the rules granting what it reads; reports cycles.
    fn order_rules(&mut self, rules: Vec<(usize, Rule)>) -> Vec<Rule> {
        fn reads(cond: &Condition, out: &mut Vec<usize>) {
            match cond {
                Condition::All(cs) | Condition::Any(cs) | Condition::NOf(_, cs) => {
                    cs.iter().for_each(|c| reads(c, out))
                }
                Condition::Points(_, cs) => cs.iter().for_each(|(_, c)| reads(c, out)),
                Condition::Achieved(comp, _) => out.push(*comp),
                Condition::Item(_) | Condition::Kind { .. } => {}
            }
        }
        let count = rules.len();
        // Which rules grant each competency, so dependencies are found without comparing every
        // pair of rules.
        // (A table by competency index rather than a map: no new map type in the module.)
        let competencies = rules
            .iter()
            .flat_map(|(_, rule)| rule.grants.iter().map(|(comp, _)| comp + 1))
            .max()
            .unwrap_or(0);
        let mut granted_by: Vec<Vec<usize>> = vec![Vec::new(); competencies];
        for (s, (_, rule)) in rules.iter().enumerate() {
            for (comp, _) in &rule.grants {
                if let Some(list) = granted_by.get_mut(*comp)
                    && list.last() != Some(&s)
                {
                    list.push(s);
                }
            }
        }
        // depends[r] = rules that must run before r; dependents[s] = rules waiting for s.
        let mut depends: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); count];
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (r, (_, rule)) in rules.iter().enumerate() {
            let mut read = Vec::new();
            reads(&rule.when, &mut read);
            let Some(set) = depends.get_mut(r) else {
                continue;
            };
            for s in read
                .iter()
                .filter_map(|comp| granted_by.get(*comp))
                .flatten()
            {
                if set.insert(*s)
                    && let Some(list) = dependents.get_mut(*s)
                {
                    list.push(r);
                }
            }
        }
        // Kahn's algorithm, always taking the lowest-numbered ready rule (the pack's order
        // wherever dependencies allow it).
        let mut waiting: Vec<usize> = depends.iter().map(BTreeSet::len).collect();
        let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = waiting
            .iter()
            .enumerate()
            .filter(|(_, w)| **w == 0)
            .map(|(r, _)| std::cmp::Reverse(r))
            .collect();
        let mut done = vec![false; count];
        let mut order = Vec::with_capacity(count);
        while let Some(std::cmp::Reverse(r)) = ready.pop() {
            if let Some(slot) = done.get_mut(r) {
                *slot = true;
            }
            order.push(r);
            for d in dependents.get(r).into_iter().flatten() {
                if let Some(w) = waiting.get_mut(*d) {
                    *w = w.saturating_sub(1);
                    if *w == 0 {
                        ready.push(std::cmp::Reverse(*d));
                    }
                }
            }
        }
        if order.len() < count {
            // Report each remaining cycle once. From every unfinished rule, follow its first
            // unfinished dependency (there always is one): the walk ends in a cycle. Each rule is
            // visited once over all walks; a walk that reaches a rule an earlier walk visited
            // stops, since the cycle that way was already found.
            let next_of = |r: usize| {
                depends.get(r).and_then(|d| {
                    d.iter()
                        .find(|s| !done.get(**s).copied().unwrap_or(true))
                        .copied()
                })
            };
            // visited[r] = the walk (its start + 1) that visited r, 0 if none yet.
            let mut visited = vec![0usize; count];
            for start in 0..count {
                if done.get(start).copied().unwrap_or(true)
                    || visited.get(start).copied().unwrap_or(1) != 0
                {
                    continue;
                }
                let walk_id = start + 1;
                let mut walk = vec![start];
                if let Some(slot) = visited.get_mut(start) {
                    *slot = walk_id;
                }
                let mut current = start;
                let cycle = loop {
                    let Some(next) = next_of(current) else {
                        break None;
                    };
                    match visited.get(next).copied() {
                        Some(0) => {}
                        Some(w) if w == walk_id => {
                            let pos = walk.iter().rposition(|r| *r == next).unwrap_or(0);
                            break Some(walk.split_off(pos));
                        }
                        _ => break None,
                    }
                    if let Some(slot) = visited.get_mut(next) {
                        *slot = walk_id;
                    }
                    walk.push(next);
                    current = next;
                };
                let Some(cycle) = cycle else { continue };
                let ids: Vec<&str> = cycle
                    .iter()
                    .chain(cycle.first())
                    .filter_map(|r| rules.get(*r).map(|(_, rule)| &*rule.id))
                    .collect();
                let position = cycle
                    .first()
                    .and_then(|r| rules.get(*r))
                    .map_or(0, |(p, _)| *p);
                self.error(
                    DiagnosticCode::Cycle,
                    format!("rule[{position}].when"),
                    format!(
                        "rules depend on each other in a cycle: {}",
                        ids.join(" -> ")
                    ),
                );
            }
        }
        let mut slots: Vec<Option<Rule>> = rules.into_iter().map(|(_, r)| Some(r)).collect();
        order
            .into_iter()
            .filter_map(|r| slots.get_mut(r).and_then(Option::take))
            .collect()
    }

    fn completion(&mut self, t: &Compiled) -> Vec<Completion> {
        let doc = self.doc;
        let mut out: Vec<Option<Completion>> = vec![None; doc.level.len()];
        let has_kind = |counts: CountsAs| t.kinds.iter().any(|k| k.counts_as == counts);
        for (i, comp) in doc.completion.iter().enumerate() {
            let path = format!("completion[{i}]");
            let Some(level) = self.resolve(
                &t.levels,
                "level",
                "organizational level",
                &comp.level,
                format!("{path}.level"),
            ) else {
                continue;
            };
            if comp.competencies_percent > 100 {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.competencies_percent"),
                    "a percentage is at most 100",
                );
            }
            if comp.time_limit_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.time_limit_months"),
                    "must be at least 1 (leave it out for no limit)",
                );
            }
            let needs = [
                (
                    comp.coaching_sessions > 0,
                    CountsAs::CoachingSession,
                    "coaching_sessions",
                    "coaching_session",
                ),
                (
                    comp.mentoring_conversations > 0,
                    CountsAs::MentoringConversation,
                    "mentoring_conversations",
                    "mentoring_conversation",
                ),
                (
                    comp.final_assignment,
                    CountsAs::FinalAssignment,
                    "final_assignment",
                    "final_assignment",
                ),
            ];
            for (needed, counts, key, name) in needs {
                if needed
                    && !has_kind(counts)
                    && !self.decoded.broken_sections.contains("evidence_kind")
                {
                    self.error(
                        DiagnosticCode::Unreachable,
                        format!("{path}.{key}"),
                        format!("no evidence kind counts as {name}, so this can never be met"),
                    );
                }
            }
            if comp.final_assignment && doc.final_assignment.is_none() {
                self.error(
                    DiagnosticCode::MissingSection,
                    format!("{path}.final_assignment"),
                    "a final assignment is required but the pack has no [final_assignment] section",
                );
            }
            let slot = out.get_mut(level);
            match slot {
                Some(slot @ None) => {
                    *slot = Some(Completion {
                        competencies_percent: comp.competencies_percent,
                        coaching_sessions: comp.coaching_sessions,
                        mentoring_conversations: comp.mentoring_conversations,
                        final_assignment: comp.final_assignment,
                        time_limit_months: comp.time_limit_months,
                    });
                }
                Some(Some(_)) => self.error(
                    DiagnosticCode::DuplicateId,
                    format!("{path}.level"),
                    format!("level `{}` already has completion requirements", comp.level),
                ),
                None => {}
            }
        }
        if !self.decoded.broken_sections.contains("completion") {
            for (li, slot) in out.iter().enumerate() {
                if slot.is_none() {
                    let id = doc.level.get(li).map(|l| l.id.clone()).unwrap_or_default();
                    self.error(DiagnosticCode::MissingCompletion, "completion", format!("level `{id}` has no [[completion]] entry, so participants at that level could never complete"));
                }
            }
        }
        if doc.progression.next_level_percent > 100 {
            self.error(
                DiagnosticCode::OutOfRange,
                "progression.next_level_percent",
                "a percentage is at most 100",
            );
        }
        out.into_iter().map(Option::unwrap_or_default).collect()
    }

    fn equivalency(&mut self) {
        if let Some(p) = self.doc.equivalency.max_percent
            && p > 100
        {
            self.error(
                DiagnosticCode::OutOfRange,
                "equivalency.max_percent",
                "a percentage is at most 100",
            );
        }
    }

    fn messages(&mut self) {
        let doc = self.doc;
        for (lang, table) in &doc.messages {
            if !doc.program.languages.contains(lang) {
                self.warn(
                    DiagnosticCode::UnusedTranslation,
                    format!("messages.{lang}"),
                    format!("`{lang}` is not one of the program's languages"),
                );
            }
            for (code, template) in table {
                let path = format!("messages.{lang}.{code}");
                if !messages::is_known_code(code) {
                    self.error(
                        DiagnosticCode::UnknownMessage,
                        path,
                        format!("the engine has no message `{code}`"),
                    );
                    continue;
                }
                // (A build without the interop templates cannot say which placeholders they fill.)
                let Some(allowed) =
                    messages::default_message(code, "en").map(messages::placeholders)
                else {
                    continue;
                };
                for name in messages::placeholders(template) {
                    if !allowed.contains(&name) {
                        self.warn(
                            DiagnosticCode::UnknownPlaceholder,
                            path.clone(),
                            format!(
                                "`{{{name}}}` is not filled in for this message (available: {})",
                                allowed.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        for lang in &doc.program.languages {
            if messages::DEFAULT_LANGUAGES.contains(&lang.as_str()) {
                continue;
            }
            let table = doc.messages.get(lang);
            let missing: Vec<&str> = messages::all_codes()
                .into_iter()
                .filter(|code| table.is_none_or(|t| !t.contains_key(*code)))
                .collect();
            if !missing.is_empty() {
                self.error(
                    DiagnosticCode::MissingTranslation,
                    format!("messages.{lang}"),
                    format!("the engine has no {lang} messages; this pack must give all {} of them (missing: {})", missing.len(), missing.join(", ")),
                );
            }
        }
    }

    /// Every expected proficiency must be reachable by some evidence (overrides aside).
    fn reachability(&mut self, t: &Compiled) {
        if !self.out.iter().all(|d| !d.is_error()) {
            // Unresolved ids would make this check report false problems.
            return;
        }
        let top = t.scale.len().saturating_sub(1);
        let top = Rank::try_from(top).unwrap_or(Rank::MAX);
        for (ci, comp) in t.competencies.iter().enumerate() {
            let mut best: Option<Rank> = None;
            let mut raise = |r: Rank| best = Some(best.map_or(r, |b| b.max(r)));
            for kind in &t.kinds {
                if kind.counts_as == CountsAs::CompetencyClaims
                    && (comp.allow_equivalency || !kind.equivalency)
                {
                    raise(kind.max_level.unwrap_or(top));
                }
            }
            for item in &t.items {
                for (gc, r) in &item.grants {
                    if *gc == ci {
                        raise(*r);
                    }
                }
            }
            for rule in &t.rules {
                for (gc, r) in &rule.grants {
                    if *gc == ci {
                        raise(*r);
                    }
                }
            }
            for (li, expected) in comp.expected.iter().enumerate() {
                let Some(expected) = *expected else { continue };
                if best.is_none_or(|b| b < expected) {
                    let level = self
                        .doc
                        .level
                        .get(li)
                        .map(|l| l.id.clone())
                        .unwrap_or_default();
                    let want = self
                        .doc
                        .scale
                        .level
                        .get(usize::from(expected))
                        .map(|l| l.id.clone())
                        .unwrap_or_default();
                    let reach = best
                        .and_then(|b| self.doc.scale.level.get(usize::from(b)))
                        .map_or_else(|| "nothing".to_owned(), |l| format!("`{}`", l.id));
                    self.error(
                        DiagnosticCode::Unreachable,
                        format!("competency[{ci}].expected.{level}"),
                        format!("`{}` expects `{want}` at `{level}`, but no evidence kind, catalogue item or rule can give more than {reach}", comp.id),
                    );
                }
            }
        }
    }
}

/// How deep `cond` nests: 1 for a condition without sub-conditions.
fn condition_depth(cond: &ConditionDoc) -> usize {
    let children = cond
        .all
        .iter()
        .chain(cond.any.iter())
        .flatten()
        .chain(cond.n_of.iter().flat_map(|n| n.of.iter()))
        .chain(cond.points.iter().flat_map(|p| p.from.iter()));
    1 + children.map(condition_depth).max().unwrap_or(0)
}

/// The known id closest to `id` (edit distance at most 3), for "did you mean" hints.
///
/// Linear in the ids' lengths: ids whose lengths differ by more than 3 are skipped at once, and the
/// distance is computed only within 3 of the diagonal, stopping as soon as it must exceed 3.
fn closest<'k>(id: &str, known: &[&'k str]) -> Option<&'k str> {
    const MAX: usize = 3;
    let a: Vec<char> = id.chars().collect();
    let mut best: Option<(usize, &'k str)> = None;
    for k in known {
        // Valid ids are ASCII: their length in bytes is their length in chars.
        if k.is_ascii() && k.len().abs_diff(a.len()) > MAX {
            continue;
        }
        let b: Vec<char> = k.chars().collect();
        if let Some(d) = bounded_distance(&a, &b, MAX)
            && best.is_none_or(|(bd, bk)| (d, *k) < (bd, bk))
        {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The edit distance between `a` and `b` if it is at most `max` (a band of the dynamic
/// programming table around its diagonal; `None` as soon as every cell of a row exceeds `max`).
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let over = max + 1;
    // row[j] = distance between a[..i] and b[..j], for j within `max` of i (others are `over`).
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    for (i, ca) in a.iter().enumerate() {
        let i = i + 1;
        let low = i.saturating_sub(max).max(1);
        let high = (i + max).min(b.len());
        let mut diagonal = row.get(low - 1).copied().unwrap_or(over);
        if let Some(first) = row.first_mut() {
            *first = i.min(over);
        }
        if low > 1
            && let Some(cell) = row.get_mut(low - 1)
        {
            *cell = over;
        }
        let mut row_min = if low == 1 { i.min(over) } else { over };
        for j in low..=high {
            let cb = b.get(j - 1).copied();
            let above = row.get(j).copied().unwrap_or(over);
            let left = row.get(j - 1).copied().unwrap_or(over);
            let cost = usize::from(Some(*ca) != cb);
            let value = (diagonal + cost).min(above + 1).min(left + 1).min(over);
            diagonal = above;
            if let Some(cell) = row.get_mut(j) {
                *cell = value;
            }
            row_min = row_min.min(value);
        }
        if high < b.len()
            && let Some(cell) = row.get_mut(high + 1)
        {
            *cell = over;
        }
        if row_min > max {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= max)
}
