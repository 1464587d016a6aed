//! Evaluation: `evaluate(pack, participant, as_of) -> Report`, a pure function.
//!
//! The pipeline: participant findings; evidence admission (why each item counts or not); the
//! prior-learning cap; assessor overrides; what claims and catalogue items give; equivalency rules
//! in dependency order; then per-competency states, outcomes, completion requirements, status and
//! progression (in [`progress`]).

pub(crate) mod admission;
mod cap;
mod derivation;
mod error;
mod progress;
#[cfg(feature = "planning")]
pub(crate) mod projection;
mod repeats;
pub(crate) mod rules;

pub(crate) use derivation::{Derivation, apply_override};

use crate::date::Date;
use crate::messages::Message;
use crate::pack::Pack;
use crate::pack::document::{CountsAs, OverridePolicy};
use crate::pack::model::Model;
use crate::pack::model::Rank;
use crate::participant::{EvidenceEntry, Participant};
use crate::report::*;
use admission::{Admission, Counted, Pending};
pub use error::EvaluateError;
use repeats::{Repeat, Repeats};
use std::collections::BTreeMap;

/// Evaluates `participant` against `pack` on `as_of`.
///
/// Fails only when the participant's organizational level is not one of the pack's: every other
/// problem is reported inside the report and evaluation goes on.
pub fn evaluate(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
) -> Result<Report, EvaluateError> {
    evaluate_with(pack, participant, as_of, &EvaluateOptions::default())
}

/// What an evaluation writes besides the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EvaluateOptions {
    /// The languages the reasons' messages are written in: `None` (the default) for every
    /// language of the pack; a list for those only (each one of the pack's languages); an empty
    /// list for none (codes and parameters only, as the compact form needs).
    pub languages: Option<Vec<String>>,
    /// Only the answer is wanted (the compact form): the what-if projection is left out, and
    /// reasons carry their code only.
    pub(crate) answer_only: bool,
}

impl EvaluateOptions {
    /// Messages in `languages` only.
    pub fn languages<I: IntoIterator<Item = S>, S: Into<String>>(languages: I) -> Self {
        Self {
            languages: Some(languages.into_iter().map(Into::into).collect()),
            ..Self::default()
        }
    }

    /// No messages: codes and parameters only.
    pub fn no_messages() -> Self {
        Self {
            languages: Some(Vec::new()),
            ..Self::default()
        }
    }

    /// The languages to render in `pack`: those asked for (each one of the pack's), or every
    /// language of the pack.
    pub(crate) fn languages_in<'a>(
        &'a self,
        pack: &'a Pack,
    ) -> Result<&'a [String], EvaluateError> {
        let Some(asked) = &self.languages else {
            return Ok(pack.languages());
        };
        match asked.iter().find(|l| !pack.languages().contains(l)) {
            Some(unknown) => Err(EvaluateError::UnknownLanguage {
                lang: unknown.clone(),
                known: pack.languages().to_vec(),
            }),
            None => Ok(asked),
        }
    }

    /// What the compact form needs: no what-if projection, and reasons that carry their code
    /// only (no message, and no parameters but the time limit's, which give the deadline).
    pub fn answer_only() -> Self {
        Self {
            answer_only: true,
            ..Self::no_messages()
        }
    }
}

/// Evaluates `participant` against `pack` on `as_of`, writing messages in the languages
/// `options` asks for ([`evaluate`] writes every language of the pack).
///
/// ```
/// use competency_rules::{EvaluateOptions, Pack, Participant, evaluate_with};
///
/// let pack = Pack::hslp()?;
/// let participant = Participant::from_json(
///     r#"{"id": "p", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#,
/// )?;
/// let report = evaluate_with(&pack, &participant, "2026-11-24".parse()?, &EvaluateOptions::languages(["fr"]))?;
/// assert_eq!(report.status_reason.message.keys().collect::<Vec<_>>(), ["fr"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_with(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
    options: &EvaluateOptions,
) -> Result<Report, EvaluateError> {
    let languages = options.languages_in(pack)?;
    // However the participant was built (read, deserialized, or with statements added).
    let limit = crate::limits::MAX_EVIDENCE + crate::limits::MAX_STATEMENTS;
    let items = participant.evidence.len() + participant.set_aside.len();
    if items > limit {
        return Err(EvaluateError::TooMuchEvidence { items, limit });
    }
    // The level's id, or one of its aliases (a job group): the report names the level found.
    let Some(level) = pack.model.org_level_index(&participant.level) else {
        return Err(EvaluateError::UnknownLevel {
            level: participant.level.clone(),
            known: pack.document().level.iter().map(|l| l.id.clone()).collect(),
            other_names: pack
                .document()
                .level
                .iter()
                .flat_map(|l| l.aliases.iter().cloned())
                .collect(),
        });
    };
    let mut ctx = Ctx::new(pack, participant, as_of, level);
    ctx.languages = languages;
    ctx.quiet = options.answer_only;
    #[cfg_attr(
        not(feature = "planning"),
        expect(unused_mut, reason = "only the planning build adds a projection")
    )]
    let mut report = ctx.run();
    #[cfg(feature = "planning")]
    if !participant.planned.is_empty() && !options.answer_only {
        let projection = projection::project(pack, participant, as_of, &report, options)?;
        report.projection = Some(Box::new(projection));
    }
    Ok(report)
}

/// Findings in a total order (the reason's parameters included), whatever order they came in.
fn sort_findings(findings: &mut Vec<Finding>) {
    crate::sorting::sort_by(findings, |a, b| {
        (&a.evidence, &a.field, a.reason.code, &a.reason.params).cmp(&(
            &b.evidence,
            &b.field,
            b.reason.code,
            &b.reason.params,
        ))
    });
}

/// Evaluates many participants against one pack on one date, in order.
///
/// ```
/// use competency_rules::{Pack, Participant, evaluate_many};
///
/// let pack = Pack::hslp()?;
/// let cohort: Vec<Participant> = ["county-a", "city-b"]
///     .iter()
///     .enumerate()
///     .map(|(i, org)| Participant::from_json(&format!(
///         r#"{{"id": "p{i}", "organization": "{org}", "level": "manager", "enrolled": "2026-09-01"}}"#
///     )))
///     .collect::<Result<_, _>>()?;
/// let reports = evaluate_many(&pack, &cohort, "2026-11-24".parse()?);
/// assert_eq!(reports.len(), 2);
/// assert!(reports.iter().all(|r| r.as_ref().is_ok_and(|r| r.status.id() == "enrolled")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_many(
    pack: &Pack,
    participants: &[Participant],
    as_of: Date,
) -> Vec<Result<Report, EvaluateError>> {
    participants
        .iter()
        .map(|p| evaluate(pack, p, as_of))
        .collect()
}

/// Evaluation state for one participant.
pub(crate) struct Ctx<'a> {
    pub pack: &'a Pack,
    pub model: &'a Model,
    pub participant: &'a Participant,
    pub as_of: Date,
    /// The languages reasons are rendered in (the pack's, or those the caller asked for).
    pub languages: &'a [String],
    /// Only the answer is wanted: reasons keep their code and nothing else (no parameters, no
    /// messages), which the compact form does not read.
    pub quiet: bool,
    /// The participant's organizational level (an index into the model's levels; proficiency
    /// levels are `Rank`s).
    pub org_level: usize,
    pub coach_eligible: bool,
    pub mentor_eligible: bool,
    /// Per competency: whether the participant's development selection names it.
    pub selected: Vec<bool>,
    pub not_counted: Vec<NotCounted>,
    pub findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        pack: &'a Pack,
        participant: &'a Participant,
        as_of: Date,
        level: usize,
    ) -> Self {
        let doc = pack.document();
        let coach_eligible = match (&participant.coach, &doc.coaching) {
            (Some(coach), Some(rule)) => {
                !rule.same_organization || coach.organization == participant.organization
            }
            (Some(coach), None) => coach.organization == participant.organization,
            (None, _) => false,
        };
        let mentor_eligible = match &participant.mentor {
            Some(mentor) => {
                let other_org = doc.mentoring.as_ref().is_none_or(|m| !m.other_organization)
                    || mentor.organization != participant.organization;
                let appointed = doc
                    .mentoring
                    .as_ref()
                    .and_then(|m| m.appointed_by.as_ref())
                    .is_none_or(|required| mentor.appointed_by.as_ref() == Some(required));
                other_org && appointed
            }
            None => false,
        };
        let mut selected = vec![false; pack.model.competencies.len()];
        for id in participant.development.iter().flat_map(|d| &d.competencies) {
            if let Some(slot) = pack
                .model
                .competency_index
                .get(id)
                .and_then(|ci| selected.get_mut(ci))
            {
                *slot = true;
            }
        }
        Ctx {
            pack,
            model: &pack.model,
            participant,
            as_of,
            languages: pack.languages(),
            quiet: false,
            org_level: level,
            coach_eligible,
            mentor_eligible,
            selected,
            not_counted: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// A reason with its message rendered in each language asked for.
    pub(crate) fn reason(&self, code: Message, params: &[(&'static str, String)]) -> Reason {
        if self.quiet {
            return Reason {
                code,
                params: BTreeMap::new(),
                message: BTreeMap::new(),
            };
        }
        self.reason_with_params(code, params)
    }

    /// A reason with its parameters, even when only the answer is wanted (and its message in
    /// each language asked for, none then).
    pub(crate) fn reason_with_params(
        &self,
        code: Message,
        params: &[(&'static str, String)],
    ) -> Reason {
        // Built by insertion, not `collect()`: collecting into a BTreeMap sorts first, and each
        // such sort is a whole instantiation of the sorting algorithm in the WebAssembly module.
        // (String keys: one more map type would cost the WebAssembly module kilobytes.)
        let mut map: BTreeMap<String, String> = BTreeMap::new();
        for (k, v) in params {
            map.insert((*k).to_owned(), v.clone());
        }
        let params = map;
        let mut message = BTreeMap::new();
        for lang in self.languages {
            message.insert(lang.clone(), self.pack.render(code.code(), &params, lang));
        }
        Reason {
            code,
            params,
            message,
        }
    }

    /// Records that `ev` (or its claim on `competency`) did not count.
    pub(crate) fn refuse(
        &mut self,
        ev: &crate::participant::Evidence,
        competency: Option<&str>,
        code: Message,
        params: &[(&'static str, String)],
    ) {
        let reason = self.reason(code, params);
        self.not_counted.push(NotCounted {
            evidence: Some(ev.id.clone()),
            at: None,
            competency: competency.map(str::to_owned),
            reason,
        });
    }

    pub(crate) fn finding(
        &mut self,
        evidence: Option<&str>,
        field: &str,
        code: Message,
        params: &[(&'static str, String)],
    ) {
        let reason = self.reason(code, params);
        self.findings.push(Finding {
            evidence: evidence.map(str::to_owned),
            field: field.to_owned(),
            reason,
        });
    }

    /// The rank competency `ci` is required at on organizational level `li`: the matrix's cell,
    /// unless the competency is one the level lets participants choose and this one did not.
    pub(crate) fn required_at(&self, li: usize, ci: usize) -> Option<Rank> {
        let expected = self
            .model
            .competencies
            .get(ci)?
            .expected
            .get(li)
            .copied()??;
        let chosen = self
            .model
            .completion
            .get(li)
            .and_then(|c| c.chosen.as_ref());
        match chosen {
            Some((_, from)) if from.contains(&ci) => self
                .selected
                .get(ci)
                .copied()
                .unwrap_or(false)
                .then_some(expected),
            _ => Some(expected),
        }
    }

    /// Findings on the development selection: a competency chosen twice, or not one to choose
    /// from at the participant's level.
    fn selection_findings(&mut self) {
        let Some(development) = &self.participant.development else {
            return;
        };
        let model = self.model;
        let Some((_, from)) = model
            .completion
            .get(self.org_level)
            .and_then(|c| c.chosen.as_ref())
        else {
            self.finding(None, "development", Message::ChosenNotOffered, &[]);
            return;
        };
        let mut seen = vec![false; model.competencies.len()];
        for (i, id) in development.competencies.iter().enumerate() {
            let known = model.competency_index.get(id);
            let field = format!("development.competencies[{i}]");
            let params = [("competency", id.clone())];
            match known.and_then(|ci| seen.get_mut(ci)) {
                Some(true) => {
                    self.finding(None, &field, Message::ChosenRepeated, &params);
                    continue;
                }
                Some(slot) => *slot = true,
                None => {}
            }
            match known {
                None => self.finding(None, &field, Message::UnknownCompetency, &params),
                Some(ci) if !from.contains(&ci) => {
                    self.finding(None, &field, Message::ChosenOutsideSet, &params);
                }
                Some(_) => {}
            }
        }
    }

    fn participant_findings(&mut self) {
        let p = self.participant;
        let doc = self.pack.document();
        if let Some(level) = doc.level.get(self.org_level)
            && level.id != p.level
        {
            self.finding(
                None,
                "level",
                Message::LevelAlias,
                &[("given", p.level.clone()), ("org_level", level.id.clone())],
            );
        }
        self.selection_findings();
        // (A build without the planner says so rather than ignore the plans.)
        #[cfg(not(feature = "planning"))]
        if p.unread_plans || !p.planned.is_empty() {
            self.finding(None, "planned", Message::PlannedNotProjected, &[]);
        }
        for field in &p.unknown_fields {
            self.finding(
                None,
                field,
                Message::UnknownField,
                &[("field", field.clone())],
            );
        }
        if self.as_of < p.enrolled {
            self.finding(
                None,
                "enrolled",
                Message::AsOfBeforeEnrolment,
                &[
                    ("as_of", self.as_of.to_string()),
                    ("enrolled", p.enrolled.to_string()),
                ],
            );
        }
        if let Some(coach) = &p.coach
            && !self.coach_eligible
        {
            self.finding(
                None,
                "coach.organization",
                Message::CoachOutsideOrganization,
                &[
                    ("coach", coach.id.clone()),
                    ("coach_organization", coach.organization.clone()),
                    ("organization", p.organization.clone()),
                ],
            );
        }
        if let Some(mentor) = &p.mentor {
            let rule = doc.mentoring.as_ref();
            if rule.is_some_and(|m| m.other_organization) && mentor.organization == p.organization {
                self.finding(
                    None,
                    "mentor.organization",
                    Message::MentorSameOrganization,
                    &[
                        ("mentor", mentor.id.clone()),
                        ("organization", p.organization.clone()),
                    ],
                );
            }
            if let Some(required) = rule.and_then(|m| m.appointed_by.as_ref())
                && mentor.appointed_by.as_ref() != Some(required)
            {
                self.finding(
                    None,
                    "mentor.appointed_by",
                    Message::MentorNotAppointed,
                    &[
                        ("mentor", mentor.id.clone()),
                        ("required", required.clone()),
                        (
                            "appointed_by",
                            mentor.appointed_by.clone().unwrap_or_else(|| "-".into()),
                        ),
                    ],
                );
            }
        }
    }

    fn run(&mut self) -> Report {
        self.participant_findings();
        let (mut counted, pending) = self.admit_all();
        self.apply_cap(&mut counted);
        let derivations = self.derive(&counted, &pending);
        let mut report = self.conclude(&counted, &pending, derivations);
        report.not_counted = std::mem::take(&mut self.not_counted);
        // A total order (the reason's parameters included), so entries that share an evidence id
        // and a code come out in one order whatever order they came in.
        crate::sorting::sort_by(&mut report.not_counted, |a, b| {
            (
                &a.evidence,
                &a.at,
                &a.competency,
                a.reason.code,
                &a.reason.params,
            )
                .cmp(&(
                    &b.evidence,
                    &b.at,
                    &b.competency,
                    b.reason.code,
                    &b.reason.params,
                ))
        });
        report.findings = std::mem::take(&mut self.findings);
        sort_findings(&mut report.findings);
        report
    }

    /// Every evidence item's admission: what counts (in canonical order, before the prior-learning
    /// cap) and what waits for review; why the rest does not is recorded in `self`.
    pub(crate) fn admit_all(&mut self) -> (Vec<Counted<'a>>, Vec<Pending<'a>>) {
        let participant = self.participant;
        let repeats = Repeats::of(&participant.evidence);
        for (id, times, _) in &repeats.exact {
            self.finding(
                Some(id),
                "",
                Message::EvidenceRepeated,
                &[("id", (*id).to_owned()), ("count", times.to_string())],
            );
        }
        let mut counted: Vec<Counted<'a>> = Vec::new();
        let mut pending: Vec<Pending<'a>> = Vec::new();
        for set_aside in &participant.set_aside {
            let reason = self.reason(set_aside.code, &set_aside.params);
            self.not_counted.push(NotCounted {
                evidence: set_aside.id.clone(),
                at: set_aside.at.clone(),
                competency: None,
                reason,
            });
        }
        for entry in &participant.evidence {
            match entry {
                EvidenceEntry::Malformed(m) => {
                    let (code, mut params) =
                        m.reason.clone().unwrap_or((Message::Malformed, Vec::new()));
                    params.push(("detail", m.detail.clone()));
                    let reason = self.reason(code, &params);
                    self.not_counted.push(NotCounted {
                        evidence: m.id.clone(),
                        at: Some(m.at.clone()),
                        competency: None,
                        reason,
                    });
                }
                EvidenceEntry::Item(ev) => {
                    match repeats.of_item(ev) {
                        Repeat::Once | Repeat::FirstOfExact => {}
                        // An exact repeat counts once: the first copy stands for them all.
                        Repeat::LaterExact => continue,
                        Repeat::Conflicting => {
                            self.refuse(ev, None, Message::DuplicateId, &[("id", ev.id.clone())]);
                            continue;
                        }
                    }
                    for field in &ev.unknown_fields {
                        self.finding(
                            Some(&ev.id),
                            field,
                            Message::UnknownField,
                            &[("field", field.clone())],
                        );
                    }
                    match self.admit(ev) {
                        Admission::Counted(c) => counted.push(c),
                        Admission::Pending(p) => pending.push(p),
                        Admission::Refused => {}
                    }
                }
            }
        }
        // Canonical order, whatever order the evidence came in.
        crate::sorting::sort_by(&mut counted, |a, b| {
            (a.ev.date, &a.ev.id).cmp(&(b.ev.date, &b.ev.id))
        });
        (counted, pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_policies() {
        use OverridePolicy::*;
        assert_eq!(apply_override(HighestWins, Some(1), Some(3)), Some(3));
        assert_eq!(apply_override(HighestWins, Some(3), Some(1)), Some(3));
        assert_eq!(apply_override(OverrideWins, Some(3), Some(1)), Some(1));
        assert_eq!(apply_override(RulesWin, Some(1), Some(3)), Some(1));
        assert_eq!(apply_override(RulesWin, None, Some(3)), Some(3));
        assert_eq!(apply_override(OverrideWins, Some(2), None), Some(2));
    }
}
