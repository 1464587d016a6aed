//! A readable explanation of a report, in one of the pack's languages, for program staff and
//! participants (`competency-rules evaluate --format text --lang fr`).

use crate::messages::{Label, Message};
use crate::pack::{Named, Pack};
use crate::report::{CompetencyState, Report, Status, Via};
use std::fmt::Write;

#[cfg(feature = "planning")]
mod plan;
#[cfg(feature = "planning")]
pub use plan::explain_plan;

/// The words of an explanation in one language: labels, names, messages.
pub(crate) struct Words<'p> {
    pub pack: &'p Pack,
    pub lang: String,
}

impl<'p> Words<'p> {
    /// The words of `lang` (falling back to the pack's first language).
    pub(crate) fn new(pack: &'p Pack, lang: &str) -> Self {
        let lang = if pack.languages().iter().any(|l| l == lang) {
            lang.to_owned()
        } else {
            pack.languages().first().cloned().unwrap_or_default()
        };
        Words { pack, lang }
    }

    pub(crate) fn label(&self, label: Label) -> String {
        self.pack
            .message(label.code(), &self.lang)
            .unwrap_or(label.code())
            .to_owned()
    }

    /// The template of message or label `code` with its parameters.
    #[cfg(feature = "planning")]
    pub(crate) fn render(&self, code: &str, params: &[(&str, String)]) -> String {
        let mut map = std::collections::BTreeMap::new();
        for (k, v) in params {
            map.insert((*k).to_owned(), v.clone());
        }
        self.pack.render(code, &map, &self.lang)
    }

    pub(crate) fn name(&self, what: Named, id: &str) -> String {
        self.pack
            .name(what, id, &self.lang)
            .unwrap_or(id)
            .to_owned()
    }

    /// An organizational level's name.
    pub(crate) fn level(&self, id: &str) -> String {
        self.name(Named::Level, id)
    }

    /// A level's name on the scale of the competency it is about.
    pub(crate) fn proficiency(&self, competency: &str, id: &str) -> String {
        self.pack
            .document()
            .level_name_for(competency, id)
            .and_then(|t| t.get(&self.lang).cloned())
            .unwrap_or_else(|| self.name(Named::Proficiency, id))
    }

    pub(crate) fn message(&self, reason: &crate::report::Reason) -> String {
        reason
            .message
            .get(&self.lang)
            .cloned()
            .unwrap_or_else(|| reason.code.code().to_owned())
    }

    /// `: ` (French, Canadian usage, puts a no-break space before `:`).
    pub(crate) fn colon(&self) -> String {
        format!("{} ", crate::messages::colon(&self.lang))
    }

    /// `%` (French puts a no-break space before it).
    pub(crate) fn percent_sign(&self) -> &'static str {
        if self.lang == "fr" { "\u{a0}%" } else { "%" }
    }
}

/// Writes `report` as plain text in `lang` (falling back to the pack's first language).
pub fn explain(pack: &Pack, report: &Report, lang: &str) -> String {
    let words = Words::new(pack, lang);
    let lang = words.lang.clone();
    let doc = pack.document();
    let label = |l: Label| words.label(l);
    let name = |what: Named, id: &str| words.name(what, id);
    let level = |id: &str| words.level(id);
    let proficiency = |competency: &str, id: &str| words.proficiency(competency, id);
    let message = |reason: &crate::report::Reason| words.message(reason);
    let colon = words.colon();
    let percent_sign = words.percent_sign();
    let mut out = String::new();
    let program = doc.program.name.get(&lang).cloned().unwrap_or_default();
    let _ = writeln!(
        out,
        "{program} ({} {}) — {} ({})",
        report.pack.id, report.pack.version, report.participant, report.as_of
    );
    if let Some(notice) = doc.program.notice.as_ref().and_then(|n| n.get(&lang)) {
        let _ = writeln!(out, "{notice}");
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}{colon}{} — {}",
        label(Label::Status),
        label(status_label(report.status)),
        message(&report.status_reason)
    );
    let _ = writeln!(
        out,
        "{}{colon}{}",
        label(Label::Level),
        level(&report.level)
    );
    let attained = report
        .level_attained
        .as_deref()
        .map_or_else(|| label(Label::None), level);
    let _ = writeln!(out, "{}{colon}{attained}", label(Label::LevelAttained));
    if let Some(next) = &report.next_level {
        let _ = writeln!(
            out,
            "{}{colon}{}",
            label(Label::NextLevel),
            message(&next.reason)
        );
        if !next.missing.is_empty() {
            let mut names = Vec::new();
            for id in &next.missing {
                names.push(name(Named::Competency, id));
            }
            let _ = writeln!(
                out,
                "  {}{colon}{}",
                label(Label::MissingForNextLevel),
                names.join(", ")
            );
        }
    }
    let _ = writeln!(out, "\n{}", label(Label::Requirements));
    for r in &report.requirements {
        let mark = if r.met { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "  {mark} {}{colon}{}",
            Label::from_code(&format!("requirement.{}", r.id))
                .map_or_else(|| r.id.to_owned(), label),
            message(&r.reason)
        );
    }
    if !report.outcomes.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::Outcomes));
    }
    for o in &report.outcomes {
        let _ = writeln!(
            out,
            "  {}{colon}{}/{} {} ({}{percent_sign})",
            name(Named::Outcome, &o.id),
            o.met,
            o.required,
            label(Label::MetCount),
            o.percent
        );
    }
    let _ = writeln!(out, "\n{}", label(Label::Competencies));
    for c in report.competencies.iter().filter(|c| {
        c.state != CompetencyState::NotRequired || c.achieved.is_some() || c.chosen.is_some()
    }) {
        let of = |level: &Option<crate::report::Id>| {
            level
                .as_deref()
                .map_or_else(|| "-".to_owned(), |l| proficiency(&c.id, l))
        };
        let (required, achieved) = (of(&c.required), of(&c.achieved));
        // A competency of the level's choice that the participant did not choose.
        let state = if c.chosen == Some(false) {
            Label::StateNotChosen
        } else {
            state_label(c.state)
        };
        let _ = writeln!(
            out,
            "  [{}] {} — {} {required}, {} {achieved}",
            label(state),
            name(Named::Competency, &c.id),
            label(Label::Required),
            label(Label::Achieved),
        );
        for s in &c.sources {
            let _ = write!(
                out,
                "      {} {} ({})",
                label(Label::Via),
                name(source_kind(s.via), &s.from),
                proficiency(&c.id, &s.level),
            );
            // (A rule's source lists no evidence of its own: its conditions do.)
            if s.evidence.is_empty() {
                let _ = writeln!(out);
            } else {
                let _ = writeln!(out, "{colon}{}", s.evidence.join(", "));
            }
        }
        if let Some(o) = &c.override_ {
            let effect = Label::from_code(&format!("override.{}", o.effect))
                .map_or_else(|| o.effect.to_owned(), label);
            let _ = writeln!(
                out,
                "      {} {}{colon}{} ({effect})",
                label(Label::Override),
                o.evidence,
                proficiency(&c.id, &o.level),
            );
        }
    }
    // Items waiting for review apart from those that did not count.
    let (waiting, refused): (Vec<_>, Vec<_>) = report
        .not_counted
        .iter()
        .partition(|n| n.reason.code == Message::PendingReview);
    for (heading, entries) in [
        (Label::WaitingForReview, waiting),
        (Label::NotCounted, refused),
    ] {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", label(heading));
        for n in entries {
            let id = n.evidence.as_deref().or(n.at.as_deref()).unwrap_or("?");
            let what = n
                .competency
                .as_deref()
                .map(|c| format!(" [{}]", name(Named::Competency, c)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {id}{what}{colon}{}", message(&n.reason));
        }
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::Findings));
        for f in &report.findings {
            // The evidence it is about, and the message (which names the field where that
            // matters: a field's path is the format's English, not the reader's language).
            match &f.evidence {
                Some(evidence) => {
                    let _ = writeln!(out, "  {evidence}{colon}{}", message(&f.reason));
                }
                None => {
                    let _ = writeln!(out, "  {}", message(&f.reason));
                }
            }
        }
    }
    #[cfg(feature = "planning")]
    if let Some(projection) = &report.projection {
        write_projection(&mut out, &words, projection);
    }
    out
}

/// What-if: what would change, through which planned item; then the planned items that would not
/// count, and why.
#[cfg(feature = "planning")]
pub(crate) fn write_projection(
    out: &mut String,
    words: &Words<'_>,
    projection: &crate::report::Projection,
) {
    let colon = words.colon();
    let percent_sign = words.percent_sign();
    let lang = &words.lang;
    // What-if: what would change, through which planned item; then the planned items that
    // would not count, and why.
    let _ = writeln!(
        out,
        "\n{} ({}; {} {}){}",
        words.label(Label::Projection),
        projection
            .planned
            .iter()
            .map(|id| planned_name(words, id))
            .collect::<Vec<_>>()
            .join(", "),
        words.label(Label::By),
        projection.as_of,
        crate::messages::colon(lang)
    );
    if projection.changes.is_empty() {
        let _ = writeln!(out, "  {}", words.label(Label::NoChange));
    }
    for change in &projection.changes {
        let id = change.id.as_deref().unwrap_or_default();
        let value = |v: &Option<String>| -> String {
            let Some(v) = v.as_deref() else {
                return words.label(Label::None);
            };
            match change.what {
                "status" => Status::from_id(v)
                    .map_or_else(|| v.to_owned(), |s| words.label(status_label(s))),
                "level_attained" => words.level(v),
                "next_level" if v == "ready" => words.label(Label::Ready),
                "next_level" => words.label(Label::NotReady),
                "outcome" => format!("{v}{percent_sign}"),
                "requirement" if v == "met" => words.label(Label::StateMet),
                "requirement" => words.label(Label::StateNotMet),
                _ => {
                    let (state, achieved) = v.split_once(':').unwrap_or((v, ""));
                    let state = CompetencyState::from_id(state)
                        .map_or_else(|| state.to_owned(), |s| words.label(state_label(s)));
                    match achieved {
                        "" => state,
                        achieved => format!("{state} ({})", words.proficiency(id, achieved)),
                    }
                }
            }
        };
        let what = match change.what {
            "status" => words.label(Label::Status),
            "level_attained" => words.label(Label::LevelAttained),
            "next_level" => words.label(Label::NextLevel),
            "outcome" => words.name(Named::Outcome, id),
            "requirement" => Label::from_code(&format!("requirement.{id}"))
                .map_or_else(|| id.to_owned(), |l| words.label(l)),
            _ => words.name(Named::Competency, id),
        };
        let through = match change.through.as_slice() {
            [] => String::new(),
            items => format!(
                " — {} {}",
                words.label(Label::Via),
                items
                    .iter()
                    .map(|id| planned_name(words, id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let _ = writeln!(
            out,
            "  {what}{colon}{} → {}{through}",
            value(&change.from),
            value(&change.to)
        );
    }
    let not_counting: Vec<_> = projection
        .report
        .not_counted
        .iter()
        .filter(|n| {
            n.evidence
                .as_ref()
                .is_some_and(|e| projection.planned.contains(e))
        })
        .map(|n| (n.evidence.as_deref().unwrap_or("?"), &n.reason))
        .chain(
            projection
                .report
                .findings
                .iter()
                .filter(|f| {
                    f.evidence
                        .as_ref()
                        .is_some_and(|e| projection.planned.contains(e))
                })
                .map(|f| (f.evidence.as_deref().unwrap_or("?"), &f.reason)),
        )
        .collect();
    if !not_counting.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            words.label(Label::PlannedNotCounting),
            colon.trim_end()
        );
        for (id, reason) in not_counting {
            let _ = writeln!(
                out,
                "  {}{colon}{}",
                planned_name(words, id),
                words.message(reason)
            );
        }
    }
}

/// A planned item as the text names it: a plan's catalogue item (`plan:<item>`) by the item's
/// name, any other by its id.
#[cfg(feature = "planning")]
fn planned_name(words: &Words<'_>, id: &str) -> String {
    id.strip_prefix("plan:")
        .and_then(|item| words.pack.name(Named::CatalogueItem, item, &words.lang))
        .map_or_else(|| id.to_owned(), str::to_owned)
}

/// The label naming a status.
fn status_label(status: Status) -> Label {
    match status {
        Status::Enrolled => Label::StatusEnrolled,
        Status::InProgress => Label::StatusInProgress,
        Status::ReadyForFinalAssignment => Label::StatusReadyForFinalAssignment,
        Status::Completed => Label::StatusCompleted,
        Status::Lapsed => Label::StatusLapsed,
    }
}

/// The label naming a competency's state.
fn state_label(state: CompetencyState) -> Label {
    match state {
        CompetencyState::Met => Label::StateMet,
        CompetencyState::NotMet => Label::StateNotMet,
        CompetencyState::NotYetEnoughEvidence => Label::StateNotYetEnoughEvidence,
        CompetencyState::PendingReview => Label::StatePendingReview,
        CompetencyState::NotRequired => Label::StateNotRequired,
    }
}

/// What a source's `from` names.
fn source_kind(via: Via) -> Named {
    match via {
        Via::Claim => Named::EvidenceKind,
        Via::Catalogue => Named::CatalogueItem,
        Via::Rule => Named::Rule,
    }
}
