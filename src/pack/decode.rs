//! Decoding the merged document tree into [`PackDoc`], section by section and key by key, so that
//! a pack with many mistakes gets a diagnostic for each of them rather than the first. The field
//! rules here are those of the serde attributes in `document.rs`; a test holds the two to the same
//! results.

use super::document::*;
use super::reader::{Reader, child};
use crate::diagnostics::{Diagnostic, DiagnosticCode};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The top-level sections a pack may have.
pub const SECTIONS: &[&str] = &[
    "format",
    "program",
    "scale",
    "level",
    "outcome",
    "competency",
    "evidence_kind",
    "catalogue",
    "rule",
    "equivalency",
    "coaching",
    "mentoring",
    "final_assignment",
    "completion",
    "progression",
    "precedence",
    "messages",
    "xapi",
    "credential",
];

/// A set of names, as a sorted list (a set type of its own would cost the WebAssembly module
/// kilobytes; these sets are small and read rarely).
#[derive(Debug, Default)]
pub(crate) struct Names(Vec<String>);

impl Names {
    /// Adds `name` (once).
    pub fn insert(&mut self, name: String) {
        if let Err(at) = self.0.binary_search(&name) {
            self.0.insert(at, name);
        }
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        self.0.binary_search_by(|n| n.as_str().cmp(name)).is_ok()
    }
}

/// A decoded pack and what could not be decoded.
pub(crate) struct Decoded {
    pub doc: PackDoc,
    /// Sections that are missing or failed to decode: references into them are not checked.
    pub broken_sections: Names,
    /// `section/id` of list entries that failed to decode but had an id: references to them are
    /// not reported again.
    pub broken_ids: Names,
    /// For list sections with entries that failed to decode: each decoded entry's position in the
    /// pack, so that the checker's paths (`competency[3]`, counted over decoded entries) name the
    /// entry the author wrote.
    pub positions: Vec<(String, Vec<usize>)>,
}

impl Decoded {
    /// `path` with a list entry's index (counted over decoded entries) turned into its position in
    /// the pack, where entries before it failed to decode.
    pub fn pack_path(&self, path: &str) -> Option<String> {
        for (section, positions) in &self.positions {
            let Some(rest) = path.strip_prefix(section.as_str()) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix('[') else {
                continue;
            };
            let (index, after) = rest.split_once(']')?;
            let position = positions.get(index.parse::<usize>().ok()?)?;
            return Some(format!("{section}[{position}]{after}"));
        }
        None
    }
}

/// Decodes `root`, pushing a diagnostic for every section, entry or key that does not fit the format.
pub(crate) fn decode(root: &Map<String, Value>, diagnostics: &mut Vec<Diagnostic>) -> Decoded {
    for key in root.keys() {
        if !SECTIONS.contains(&key.as_str()) {
            diagnostics.push(Diagnostic::error(
                DiagnosticCode::UnknownSection,
                key.clone(),
                format!(
                    "unknown section `{key}`; a pack has: {}",
                    SECTIONS.join(", ")
                ),
            ));
        }
    }
    let mut ctx = Sections {
        root,
        r: Reader { diagnostics },
        broken_sections: Names::default(),
        broken_ids: Names::default(),
        positions: Vec::new(),
    };
    let format = ctx
        .section("format", true, |r, v, p| r.as_string(v, p))
        .unwrap_or_default();
    // When `[program]` cannot be decoded, its languages are still read so that translations are checked.
    let languages = root
        .get("program")
        .and_then(|p| p.get("languages"))
        .and_then(Value::as_array)
        .map(|langs| {
            langs
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let program = ctx
        .section("program", true, program)
        .unwrap_or_else(|| ProgramDoc {
            id: String::new(),
            version: String::new(),
            name: BTreeMap::new(),
            description: None,
            notice: None,
            languages,
        });
    let scale = ctx
        .section("scale", true, scales)
        .unwrap_or(Scales::Many(Vec::new()));
    let precedence = ctx
        .section("precedence", true, precedence)
        .unwrap_or(PrecedenceDoc {
            assessor_override: OverridePolicy::HighestWins,
        });
    let doc = PackDoc {
        format,
        program,
        scale,
        level: ctx.entries("level", true, level),
        outcome: ctx.entries("outcome", false, named),
        competency: ctx.entries("competency", true, competency),
        evidence_kind: ctx.entries("evidence_kind", true, evidence_kind),
        catalogue: ctx.entries("catalogue", false, catalogue_item),
        rule: ctx.entries("rule", false, rule),
        equivalency: ctx
            .section("equivalency", false, equivalency)
            .unwrap_or_default(),
        coaching: ctx.optional_section("coaching", coaching),
        mentoring: ctx.optional_section("mentoring", mentoring),
        final_assignment: ctx.optional_section("final_assignment", final_assignment),
        completion: ctx.entries("completion", true, completion),
        progression: ctx
            .section("progression", false, progression)
            .unwrap_or_default(),
        precedence,
        messages: ctx.section("messages", false, messages).unwrap_or_default(),
        xapi: ctx.optional_section("xapi", xapi),
        credential: ctx.optional_section("credential", credential),
    };
    Decoded {
        doc,
        broken_sections: ctx.broken_sections,
        broken_ids: ctx.broken_ids,
        positions: ctx.positions,
    }
}

/// A decoder of one kind of table.
type Decode<T> = fn(&mut Reader<'_>, &Value, &str) -> Option<T>;

/// The decoder of the top-level sections: what is read, and which sections and ids are broken.
struct Sections<'a, 'd> {
    root: &'a Map<String, Value>,
    r: Reader<'d>,
    broken_sections: Names,
    broken_ids: Names,
    positions: Vec<(String, Vec<usize>)>,
}

impl Sections<'_, '_> {
    /// A single section (`[program]`, `format = ...`).
    fn section<T>(&mut self, key: &'static str, required: bool, decode: Decode<T>) -> Option<T> {
        let Some(value) = self.root.get(key) else {
            if required {
                self.r.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::MissingSection,
                    key,
                    format!("the pack has no `{key}` section"),
                ));
                self.broken_sections.insert(key.to_owned());
            }
            return None;
        };
        let decoded = decode(&mut self.r, value, key);
        if decoded.is_none() {
            self.broken_sections.insert(key.to_owned());
        }
        decoded
    }

    /// A section that may be absent or `null` (`[coaching]`, `[mentoring]`, `[final_assignment]`).
    fn optional_section<T>(&mut self, key: &'static str, decode: Decode<T>) -> Option<T> {
        if self.root.get(key).is_some_and(Value::is_null) {
            return None;
        }
        self.section(key, false, decode)
    }

    /// A list section (`[[competency]]`), entry by entry.
    fn entries<T>(&mut self, key: &'static str, required: bool, decode: Decode<T>) -> Vec<T> {
        let Some(value) = self.root.get(key) else {
            if required {
                self.r.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::MissingSection,
                    key,
                    format!(
                        "the pack has no `{key}` entries (a list: [[{key}]] in TOML, \"{key}\": [{{ ... }}] in JSON)"
                    ),
                ));
                self.broken_sections.insert(key.to_owned());
            }
            return Vec::new();
        };
        let Value::Array(items) = value else {
            self.r.diagnostics.push(Diagnostic::error(
                DiagnosticCode::InvalidType,
                key,
                format!(
                    "`{key}` must be a list of tables ([[{key}]] in TOML, \"{key}\": [{{ ... }}] in JSON)"
                ),
            ));
            self.broken_sections.insert(key.to_owned());
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        let mut positions = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match decode(&mut self.r, item, &format!("{key}[{index}]")) {
                Some(decoded) => {
                    out.push(decoded);
                    positions.push(index);
                }
                None => {
                    // A section with an entry left out: checks that need every entry (is there a
                    // kind that counts as ...?) stay quiet rather than report a false problem.
                    self.broken_ids.insert(format!("{key}/"));
                    // (A completion entry is known by its level.)
                    let id = item.get("id").or_else(|| item.get("level"));
                    if let Some(id) = id.and_then(Value::as_str) {
                        self.broken_ids.insert(format!("{key}/{id}"));
                    }
                }
            }
        }
        if positions.len() < items.len() {
            self.positions.push((key.to_owned(), positions));
        }
        out
    }
}

fn program(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<ProgramDoc> {
    let mark = r.mark();
    let m = r.table(
        v,
        path,
        &[
            "id",
            "version",
            "name",
            "description",
            "notice",
            "languages",
        ],
    )?;
    let doc = ProgramDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        version: r.string(m, path, "version").unwrap_or_default(),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        description: r.opt_strings(m, path, "description"),
        notice: r.opt_strings(m, path, "notice"),
        languages: r.string_list(m, path, "languages").unwrap_or_default(),
    };
    r.clean_since(mark, doc)
}

fn level(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<LevelDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["id", "name", "description", "aliases"])?;
    let doc = LevelDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        description: r.opt_strings(m, path, "description"),
        aliases: r.list_or_empty(m, path, "aliases", Reader::as_string),
    };
    r.clean_since(mark, doc)
}

fn named(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<NamedDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["id", "name", "description"])?;
    let doc = NamedDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        description: r.opt_strings(m, path, "description"),
    };
    r.clean_since(mark, doc)
}

/// `[scale]` (one table) or `[[scale]]` (a list of them).
fn scales(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<Scales> {
    match v {
        // (All or nothing: a scale left out would shift the others, the default among them, and
        // every level of the scale would then be reported unknown.)
        Value::Array(items) => r
            .list(v, path, scale)
            .filter(|scales| scales.len() == items.len())
            .map(Scales::Many),
        _ => scale(r, v, path).map(Scales::One),
    }
}

fn scale(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<ScaleDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["id", "name", "level"])?;
    let doc = ScaleDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        level: r.req_list(m, path, "level", named).unwrap_or_default(),
    };
    r.clean_since(mark, doc)
}

fn competency(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<CompetencyDoc> {
    let mark = r.mark();
    let keys = [
        "id",
        "outcome",
        "scale",
        "name",
        "description",
        "expected",
        "proficiency",
        "allow_equivalency",
        "references",
    ];
    let m = r.table(v, path, &keys)?;
    let doc = CompetencyDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        outcome: r.opt_string(m, path, "outcome"),
        scale: r.opt_string(m, path, "scale"),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        description: r.req_strings(m, path, "description").unwrap_or_default(),
        expected: cells(r, m, path),
        proficiency: r.texts_by_key(m, path, "proficiency"),
        allow_equivalency: r.bool_or(m, path, "allow_equivalency", true),
        references: r.list_or_empty(m, path, "references", reference),
    };
    r.clean_since(mark, doc)
}

/// `expected`: per organizational level, a scale level id (the short form) or a table with the
/// level, a description and indicators.
fn cells(r: &mut Reader<'_>, m: &Map<String, Value>, path: &str) -> BTreeMap<String, CellDoc> {
    let mut out = BTreeMap::new();
    let Some(value) = r.keep(crate::json_reader::required(
        crate::json_reader::Wording::Pack,
        m,
        path,
        "expected",
    )) else {
        return out;
    };
    let path = child(path, "expected");
    let Some(levels) = r.keep(crate::json_reader::object(
        crate::json_reader::Wording::Pack,
        value,
        &path,
    )) else {
        return out;
    };
    for (level, cell) in levels {
        let at = child(&path, level);
        let decoded = match cell {
            Value::Object(_) => described_cell(r, cell, &at).map(CellDoc::Described),
            _ => r.as_string(cell, &at).map(CellDoc::Level),
        };
        if let Some(decoded) = decoded {
            out.insert(level.clone(), decoded);
        }
    }
    out
}

fn described_cell(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<DescribedCellDoc> {
    let mark = r.mark();
    let m = r.table(
        v,
        path,
        &["level", "description", "indicators", "ineffective"],
    )?;
    let doc = DescribedCellDoc {
        level: r.string(m, path, "level").unwrap_or_default(),
        description: r.opt_strings(m, path, "description"),
        indicators: r.list_or_empty(m, path, "indicators", Reader::strings),
        ineffective: r.list_or_empty(m, path, "ineffective", Reader::strings),
    };
    r.clean_since(mark, doc)
}

fn evidence_kind(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<EvidenceKindDoc> {
    let mark = r.mark();
    let keys = [
        "id",
        "name",
        "counts_as",
        "equivalency",
        "assessors",
        "max_age_months",
        "max_level",
        "above_max_level",
    ];
    let m = r.table(v, path, &keys)?;
    let counts_as = match m.get("counts_as") {
        Some(value) => r
            .choice(value, &child(path, "counts_as"), CountsAs::IDS)
            .and_then(|i| CountsAs::ALL.get(i).copied()),
        None => {
            r.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MissingKey,
                child(path, "counts_as"),
                "missing key `counts_as`",
            ));
            None
        }
    };
    let assessors = r
        .req_list(m, path, "assessors", |r, v, p| {
            r.choice(v, p, AssessorRole::IDS)
                .and_then(|i| AssessorRole::ALL.get(i).copied())
        })
        .unwrap_or_default();
    let doc = EvidenceKindDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        counts_as: counts_as.unwrap_or(CountsAs::CompetencyClaims),
        equivalency: r.bool_or(m, path, "equivalency", false),
        assessors,
        max_age_months: r.opt_u32(m, path, "max_age_months"),
        max_level: r.opt_string(m, path, "max_level"),
        above_max_level: match m.get("above_max_level") {
            Some(value) => r
                .choice(value, &child(path, "above_max_level"), AboveMaxLevel::IDS)
                .and_then(|i| AboveMaxLevel::ALL.get(i).copied())
                .unwrap_or_default(),
            None => AboveMaxLevel::Refuse,
        },
    };
    r.clean_since(mark, doc)
}

fn reference(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<ReferenceDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["relation", "uri", "title"])?;
    let relation = match m.get("relation") {
        Some(value) => r
            .choice(value, &child(path, "relation"), Relation::IDS)
            .and_then(|i| Relation::ALL.get(i).copied()),
        None => {
            r.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MissingKey,
                child(path, "relation"),
                "missing key `relation`",
            ));
            None
        }
    };
    let doc = ReferenceDoc {
        relation: relation.unwrap_or(Relation::Related),
        uri: r.string(m, path, "uri").unwrap_or_default(),
        title: r.opt_string(m, path, "title"),
    };
    r.clean_since(mark, doc)
}

fn xapi(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<XapiDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["assessor"])?;
    let assessor = match m.get("assessor") {
        Some(value) => r
            .choice(value, &child(path, "assessor"), AssessorRole::IDS)
            .and_then(|i| AssessorRole::ALL.get(i).copied()),
        None => Some(AssessorRole::Provider),
    };
    let doc = XapiDoc {
        assessor: assessor.unwrap_or(AssessorRole::Provider),
    };
    r.clean_since(mark, doc)
}

fn credential(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<CredentialDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["valid_months"])?;
    let doc = CredentialDoc {
        valid_months: r.opt_u32(m, path, "valid_months"),
    };
    r.clean_since(mark, doc)
}

fn grant(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<GrantDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["competency", "level"])?;
    let doc = GrantDoc {
        competency: r.string(m, path, "competency").unwrap_or_default(),
        level: r.string(m, path, "level").unwrap_or_default(),
    };
    r.clean_since(mark, doc)
}

fn catalogue_item(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<CatalogueItemDoc> {
    let mark = r.mark();
    let keys = [
        "id",
        "kind",
        "provider",
        "name",
        "min_grade",
        "valid_months",
        "hours",
        "cost",
        "grants",
        "activities",
    ];
    let m = r.table(v, path, &keys)?;
    let doc = CatalogueItemDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        kind: r.string(m, path, "kind").unwrap_or_default(),
        provider: r.opt_string(m, path, "provider"),
        name: r.req_strings(m, path, "name").unwrap_or_default(),
        min_grade: r.opt_f64(m, path, "min_grade"),
        valid_months: r.opt_u32(m, path, "valid_months"),
        hours: r.opt_f64(m, path, "hours"),
        cost: r.opt_f64(m, path, "cost"),
        grants: r.req_list(m, path, "grants", grant).unwrap_or_default(),
        activities: r.list_or_empty(m, path, "activities", Reader::as_string),
    };
    r.clean_since(mark, doc)
}

fn condition(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<ConditionDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &ConditionDoc::KEYS)?;
    // `null` is the same as absent for these optional forms, as for every optional key.
    let present = |key: &str| m.get(key).filter(|v| !v.is_null());
    let list = |r: &mut Reader<'_>, key: &str| {
        present(key).and_then(|value| r.list(value, &child(path, key), condition))
    };
    let n_of = present("n_of").and_then(|value| {
        let p = child(path, "n_of");
        let mark = r.mark();
        let t = r.table(value, &p, &["n", "of"])?;
        let doc = NOfDoc {
            n: r.u32(t, &p, "n").unwrap_or_default(),
            of: r.req_list(t, &p, "of", condition).unwrap_or_default(),
        };
        r.clean_since(mark, doc)
    });
    let points = present("points").and_then(|value| {
        let p = child(path, "points");
        let mark = r.mark();
        let t = r.table(value, &p, &["min", "from"])?;
        let doc = PointsDoc {
            min: r.u32(t, &p, "min").unwrap_or_default(),
            from: r.req_list(t, &p, "from", condition).unwrap_or_default(),
        };
        r.clean_since(mark, doc)
    });
    let doc = ConditionDoc {
        all: list(r, "all"),
        any: list(r, "any"),
        n_of,
        points,
        item: r.opt_string(m, path, "item"),
        competency: r.opt_string(m, path, "competency"),
        level: r.opt_string(m, path, "level"),
        kind: r.opt_string(m, path, "kind"),
        count: r.opt_u32(m, path, "count"),
        award: r.opt_u32(m, path, "award"),
    };
    r.clean_since(mark, doc)
}

fn rule(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<RuleDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["id", "name", "grants", "when", "equivalency"])?;
    let when = match m.get("when") {
        Some(value) => condition(r, value, &child(path, "when")),
        None => {
            r.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MissingKey,
                child(path, "when"),
                "missing key `when`",
            ));
            None
        }
    };
    let doc = RuleDoc {
        id: r.string(m, path, "id").unwrap_or_default(),
        name: r.opt_strings(m, path, "name"),
        grants: r.req_list(m, path, "grants", grant).unwrap_or_default(),
        when: when.unwrap_or_default(),
        equivalency: r.bool_or(m, path, "equivalency", true),
    };
    let doc = r.clean_since(mark, doc)?;
    // The default is kept for packs written before, but a rule should say what it is: an
    // equivalency rule may not grant capstones, a pathway rule may.
    if !m.contains_key("equivalency") {
        r.diagnostics.push(Diagnostic::warning(
            DiagnosticCode::EquivalencyUnstated,
            child(path, "equivalency"),
            "taken as an equivalency (which may not grant a capstone): write `equivalency = true`, or `false` for a pathway rule",
        ));
    }
    Some(doc)
}

fn equivalency(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<EquivalencyDoc> {
    let mark = r.mark();
    let m = r.table(
        v,
        path,
        &["claim_window_days", "max_percent", "waiver_kind"],
    )?;
    let doc = EquivalencyDoc {
        claim_window_days: r.opt_u32(m, path, "claim_window_days"),
        max_percent: r.opt_u32(m, path, "max_percent"),
        waiver_kind: r.opt_string(m, path, "waiver_kind"),
    };
    r.clean_since(mark, doc)
}

fn coaching(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<CoachingDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["same_organization"])?;
    let doc = CoachingDoc {
        same_organization: r.bool_or(m, path, "same_organization", true),
    };
    r.clean_since(mark, doc)
}

fn mentoring(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<MentoringDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["other_organization", "appointed_by"])?;
    let doc = MentoringDoc {
        other_organization: r.bool_or(m, path, "other_organization", true),
        appointed_by: r.opt_string(m, path, "appointed_by"),
    };
    r.clean_since(mark, doc)
}

fn final_assignment(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<FinalAssignmentDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["topic", "min_grade"])?;
    let doc = FinalAssignmentDoc {
        topic: r.list_or_empty(m, path, "topic", named),
        min_grade: r.opt_f64(m, path, "min_grade"),
    };
    r.clean_since(mark, doc)
}

fn completion(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<CompletionDoc> {
    let mark = r.mark();
    let keys = [
        "level",
        "competencies_percent",
        "coaching_sessions",
        "mentoring_conversations",
        "final_assignment",
        "time_limit_months",
        "chosen",
    ];
    let m = r.table(v, path, &keys)?;
    let chosen = crate::json_reader::present(m, "chosen").and_then(|value| {
        let p = child(path, "chosen");
        let mark = r.mark();
        let t = r.table(value, &p, &["count", "from"])?;
        let doc = ChosenDoc {
            count: r.u32(t, &p, "count").unwrap_or_default(),
            from: r.string_list(t, &p, "from").unwrap_or_default(),
        };
        r.clean_since(mark, doc)
    });
    let doc = CompletionDoc {
        level: r.string(m, path, "level").unwrap_or_default(),
        competencies_percent: r.u32_or(m, path, "competencies_percent", 100),
        coaching_sessions: r.u32_or(m, path, "coaching_sessions", 0),
        mentoring_conversations: r.u32_or(m, path, "mentoring_conversations", 0),
        final_assignment: r.bool_or(m, path, "final_assignment", false),
        time_limit_months: r.opt_u32(m, path, "time_limit_months"),
        chosen,
    };
    r.clean_since(mark, doc)
}

fn progression(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<ProgressionDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["next_level_percent", "requires_completion"])?;
    let doc = ProgressionDoc {
        next_level_percent: r.u32_or(m, path, "next_level_percent", 100),
        requires_completion: r.bool_or(m, path, "requires_completion", true),
    };
    r.clean_since(mark, doc)
}

fn precedence(r: &mut Reader<'_>, v: &Value, path: &str) -> Option<PrecedenceDoc> {
    let mark = r.mark();
    let m = r.table(v, path, &["assessor_override"])?;
    let policy = match m.get("assessor_override") {
        Some(value) => r
            .choice(
                value,
                &child(path, "assessor_override"),
                OverridePolicy::IDS,
            )
            .and_then(|i| OverridePolicy::ALL.get(i).copied()),
        None => {
            r.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MissingKey,
                child(path, "assessor_override"),
                "missing key `assessor_override`",
            ));
            None
        }
    };
    r.clean_since(
        mark,
        PrecedenceDoc {
            assessor_override: policy.unwrap_or(OverridePolicy::HighestWins),
        },
    )
}

fn messages(
    r: &mut Reader<'_>,
    v: &Value,
    path: &str,
) -> Option<BTreeMap<String, BTreeMap<String, String>>> {
    let mark = r.mark();
    let Value::Object(languages) = v else {
        r.diagnostics.push(Diagnostic::error(
            DiagnosticCode::InvalidValue,
            path,
            "expected a table of languages",
        ));
        return None;
    };
    let mut out = BTreeMap::new();
    for (lang, table) in languages {
        if let Some(texts) = r.strings(table, &child(path, lang)) {
            out.insert(lang.clone(), texts);
        }
    }
    r.clean_since(mark, out)
}

#[cfg(test)]
mod tests {
    //! The hand decoder must agree with the serde derives in `document.rs`, which the published JSON
    //! Schema is generated from: same acceptance, same result.
    use super::*;
    use proptest::prelude::*;

    fn both(root: &Value) -> (Option<PackDoc>, Result<PackDoc, String>) {
        let mut diagnostics = Vec::new();
        let Value::Object(map) = root else {
            panic!("a pack is a table")
        };
        let decoded = decode(map, &mut diagnostics);
        // (Warnings, such as a rule that leaves `equivalency` unstated, do not refuse a pack.)
        let hand = diagnostics
            .iter()
            .all(|d| !d.is_error())
            .then_some(decoded.doc);
        let derived = serde_json::from_value::<PackDoc>(root.clone()).map_err(|e| e.to_string());
        (hand, derived)
    }

    fn packs() -> Vec<Value> {
        let mini: Value =
            serde_json::from_str(include_str!("../../tests/conformance/packs/mini.json")).unwrap();
        let hslp: Value =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/hslp.json"))).unwrap();
        vec![mini, hslp]
    }

    #[test]
    fn agrees_with_serde_on_the_real_packs() {
        for pack in packs() {
            let (hand, derived) = both(&pack);
            assert_eq!(hand, Some(derived.unwrap()));
        }
    }

    /// Every path in a value (as pointers) with the value there.
    fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
            _ => {}
        }
    }

    fn mutate(mut pack: Value, pick: usize, how: u8) -> Value {
        let mut all = Vec::new();
        pointers(&pack, String::new(), &mut all);
        all.remove(0); // never the root itself
        let at = all[pick % all.len()].clone();
        let replacement = match how % 9 {
            0 => Value::Null,
            1 => Value::from("x"),
            2 => Value::from(3),
            3 => Value::from(3.5),
            4 => Value::from(-1),
            5 => Value::from(true),
            6 => Value::Array(vec![]),
            7 => serde_json::json!({}),
            _ => {
                // Remove the key (or add an unknown one to a table).
                let (parent, key) = at.rsplit_once('/').unwrap_or(("", ""));
                if let Some(Value::Object(map)) = pack.pointer_mut(parent) {
                    map.remove(key);
                } else if let Some(Value::Object(map)) = pack.pointer_mut(&at) {
                    map.insert("surprise".into(), Value::from(1));
                }
                return pack;
            }
        };
        if let Some(slot) = pack.pointer_mut(&at) {
            *slot = replacement;
        }
        pack
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn agrees_with_serde_on_mutated_packs(which in 0usize..2, pick in any::<usize>(), how in any::<u8>(), pick2 in any::<usize>(), how2 in any::<u8>()) {
            let pack = packs().swap_remove(which);
            let mutated = mutate(mutate(pack, pick, how), pick2, how2);
            let (hand, derived) = both(&mutated);
            match (hand, derived) {
                (Some(h), Ok(d)) => prop_assert_eq!(h, d),
                (None, Err(_)) => {}
                (h, d) => {
                    let mut diagnostics = Vec::new();
                    if let Value::Object(map) = &mutated { let _ = decode(map, &mut diagnostics); }
                    // serde's derived structs also accept a list of field values in order (so
                    // `when = []` would silently mean "all defaults"); the published schema says
                    // a table, and so does the hand decoder. That is the one allowed difference.
                    // (Warnings the rest of the pack gives are not part of it.)
                    let quirk = h.is_none() && d.is_ok() && diagnostics.iter()
                        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                        .all(|d| d.message == "expected a table, found a list");
                    prop_assert!(quirk, "hand decoder {} but serde {:?}; diagnostics {:?}", if h.is_some() { "accepted" } else { "refused" }, d.map(|_| "accepted"), diagnostics)
                }
            }
        }
    }
}
