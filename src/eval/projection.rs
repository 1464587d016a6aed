//! What-if (feature `planning`): the participant's planned items counted as completed and
//! approved on their planned dates, evaluated, and compared with the actual report.
//!
//! By construction the projection is the report of the participant with the planned items added
//! as approved evidence dated on their planned dates, evaluated on the later of the evaluation
//! date and the last planned date (a property test holds it to that).

use super::{Ctx, EvaluateError};
use crate::date::Date;
use crate::messages::Message;
use crate::pack::Pack;
use crate::pack::document::{AssessorRole, CountsAs};
use crate::participant::{Assessor, Evidence, EvidenceEntry, Participant, Planned, ReviewState};
use crate::report::{Change, Id, Projection, Report};

/// The participant as the projection sees them: the planned items as approved evidence.
pub fn with_planned_as_evidence(pack: &Pack, participant: &Participant) -> Participant {
    let mut projected = participant.clone();
    let planned = std::mem::take(&mut projected.planned);
    projected.evidence.extend(
        planned
            .iter()
            .map(|p| EvidenceEntry::Item(as_evidence(pack, participant, p))),
    );
    projected
}

/// The date a projection is evaluated on: `as_of`, or the last planned date when later.
pub fn projection_date(participant: &Participant, as_of: Date) -> Date {
    participant
        .planned
        .iter()
        .map(|p| p.date)
        .fold(as_of, Date::max)
}

/// A planned item as the evidence it would be: approved on its date, assessed by the first role
/// its kind accepts that the participant has (their own coach or mentor for those roles), with the
/// grade given or the least that passes.
pub(crate) fn as_evidence(pack: &Pack, participant: &Participant, planned: &Planned) -> Evidence {
    let model = &pack.model;
    let kind = model
        .kind_index
        .get(&planned.kind)
        .and_then(|k| model.kinds.get(k));
    // The first role the participant can use (their own coach or mentor, if they have one).
    let usable = |role: &&AssessorRole| match role {
        AssessorRole::Coach => participant.coach.is_some(),
        AssessorRole::Mentor => participant.mentor.is_some(),
        _ => true,
    };
    let role = kind.and_then(|k| k.assessors.iter().find(usable).or(k.assessors.first()));
    let assessed_by = role.map(|role| {
        let person = match role {
            AssessorRole::Coach => participant.coach.as_ref(),
            AssessorRole::Mentor => participant.mentor.as_ref(),
            _ => None,
        };
        Assessor {
            role: role.id().to_owned(),
            id: person.map(|p| p.id.clone()),
            name: None,
        }
    });
    let passing = match kind.map(|k| k.counts_as) {
        Some(CountsAs::FinalAssignment) => pack
            .document()
            .final_assignment
            .as_ref()
            .and_then(|f| f.min_grade),
        _ => planned
            .item
            .as_ref()
            .and_then(|i| model.item_index.get(i))
            .and_then(|i| model.items.get(i))
            .and_then(|i| i.min_grade),
    };
    Evidence {
        id: planned.id.clone(),
        kind: planned.kind.clone(),
        date: planned.date,
        submitted: Some(planned.date),
        status: ReviewState::Approved,
        assessed_by,
        item: planned.item.clone(),
        grade: planned.grade.or(passing),
        claims: planned.claims.clone(),
        topic: planned.topic.clone(),
        note: planned.note.clone(),
        unknown_fields: Vec::new(),
    }
}

/// The projection of `participant`'s planned items, against the `actual` report.
pub fn project(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
    actual: &Report,
    options: &super::EvaluateOptions,
) -> Result<Projection, EvaluateError> {
    let projected = with_planned_as_evidence(pack, participant);
    let date = projection_date(participant, as_of);
    let mut report = super::evaluate_with(pack, &projected, date, options)?;
    after_time_limit(pack, participant, &mut report, options);
    // (Sorted: the order plans are written in does not change the report.)
    let mut planned: Vec<String> = participant.planned.iter().map(|p| p.id.clone()).collect();
    crate::sorting::sort(&mut planned);
    let changes = changes(pack, actual, &report, &planned);
    Ok(Projection {
        as_of: date,
        planned,
        changes,
        report,
    })
}

/// A finding on each planned item dated after the participant's time limit: it would count, but
/// the program would have lapsed by then.
fn after_time_limit(
    pack: &Pack,
    participant: &Participant,
    report: &mut Report,
    options: &super::EvaluateOptions,
) {
    let Some(level) = pack.model.org_level_index(&participant.level) else {
        return;
    };
    let Some(deadline) = pack
        .model
        .completion
        .get(level)
        .and_then(|c| c.time_limit_months)
        .and_then(|months| participant.enrolled.add_months(months))
    else {
        return;
    };
    let late: Vec<&Planned> = participant
        .planned
        .iter()
        .filter(|p| p.date > deadline)
        .collect();
    if late.is_empty() {
        return;
    }
    let mut ctx = Ctx::new(pack, participant, report.as_of, level);
    // (Checked by the evaluation before this one.)
    ctx.languages = options.languages_in(pack).unwrap_or(pack.languages());
    for planned in late {
        report.findings.push(crate::report::Finding {
            evidence: Some(planned.id.clone()),
            field: "date".to_owned(),
            reason: ctx.reason(
                Message::PlannedAfterTimeLimit,
                &[
                    ("date", planned.date.to_string()),
                    ("deadline", deadline.to_string()),
                ],
            ),
        });
    }
    super::sort_findings(&mut report.findings);
}

/// The planned ids among `ids`.
fn planned_in<'a>(ids: impl Iterator<Item = &'a String>, planned: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ids.filter(|id| planned.contains(id)).cloned().collect();
    crate::sorting::sort(&mut out);
    out.dedup();
    out
}

/// The competencies (by index) a rule's condition reads.
fn reads(cond: &crate::pack::model::Condition, out: &mut Vec<usize>) {
    use crate::pack::model::Condition;
    match cond {
        Condition::All(children) | Condition::Any(children) | Condition::NOf(_, children) => {
            for child in children {
                reads(child, out);
            }
        }
        Condition::Points(_, children) => {
            for (_, child) in children {
                reads(child, out);
            }
        }
        Condition::Achieved(comp, _) => out.push(*comp),
        Condition::Item(_) | Condition::Kind { .. } => {}
    }
}

/// What differs between `before` and `after`, and through which planned items.
fn changes(pack: &Pack, before: &Report, after: &Report, planned: &[String]) -> Vec<Change> {
    let change = |what, id: Option<Id>, from: Option<String>, to: Option<String>, through| Change {
        what,
        id,
        from,
        to,
        through,
    };
    let mut competencies = Vec::new();
    for (b, a) in before.competencies.iter().zip(&after.competencies) {
        let state = |c: &crate::report::CompetencyResult| match &c.achieved {
            Some(level) => format!("{}:{level}", c.state.id()),
            None => c.state.id().to_owned(),
        };
        if state(b) != state(a) {
            let evidence = a.sources.iter().flat_map(|s| &s.evidence);
            competencies.push(change(
                "competency",
                Some(a.id.clone()),
                Some(state(b)),
                Some(state(a)),
                planned_in(evidence, planned),
            ));
        }
    }
    // A competency a rule grants because of competencies it reads (no evidence of its own) changes
    // through the plans that changed those. (Twice: a rule may read what another rule grants.)
    for _ in 0..2 {
        let mut added: Vec<(usize, Vec<String>)> = Vec::new();
        for (k, change) in competencies.iter().enumerate() {
            let Some(result) = after
                .competencies
                .iter()
                .find(|c| Some(&c.id) == change.id.as_ref())
            else {
                continue;
            };
            let mut read = Vec::new();
            for source in result
                .sources
                .iter()
                .filter(|s| s.via == crate::report::Via::Rule)
            {
                if let Some(rule) = pack.model.rules.iter().find(|r| r.id == source.from) {
                    reads(&rule.when, &mut read);
                }
            }
            let through: Vec<String> = competencies
                .iter()
                .filter(|other| {
                    other
                        .id
                        .as_ref()
                        .and_then(|id| pack.model.competency_index.get(id))
                        .is_some_and(|ci| read.contains(&ci))
                })
                .flat_map(|other| other.through.iter().cloned())
                .collect();
            if !through.is_empty() {
                added.push((k, through));
            }
        }
        for (k, through) in added {
            if let Some(change) = competencies.get_mut(k) {
                change.through.extend(through);
                crate::sorting::sort(&mut change.through);
                change.through.dedup();
            }
        }
    }
    // Everything planned that changed a competency, for what follows from competencies.
    let all: Vec<String> = planned_in(competencies.iter().flat_map(|c| &c.through), planned);
    let mut requirements = Vec::new();
    for (b, a) in before.requirements.iter().zip(&after.requirements) {
        if b.met != a.met {
            let met = |m: bool| Some(if m { "met" } else { "not_met" }.to_owned());
            let through = match a.evidence.is_empty() {
                true => all.clone(),
                false => planned_in(a.evidence.iter(), planned),
            };
            requirements.push(change(
                "requirement",
                Some(a.id.into()),
                met(b.met),
                met(a.met),
                through,
            ));
        }
    }
    let mut outcomes = Vec::new();
    for (b, a) in before.outcomes.iter().zip(&after.outcomes) {
        if b.percent != a.percent {
            let mine = competencies.iter().filter(|c| {
                let outcome = after
                    .competencies
                    .iter()
                    .find(|r| Some(&r.id) == c.id.as_ref())
                    .and_then(|r| r.outcome.as_ref());
                outcome == Some(&a.id)
            });
            let through = planned_in(mine.flat_map(|c| &c.through), planned);
            outcomes.push(change(
                "outcome",
                Some(a.id.clone()),
                Some(b.percent.to_string()),
                Some(a.percent.to_string()),
                through,
            ));
        }
    }
    // The overall picture moves with everything planned that changed something.
    let everything = planned_in(
        competencies
            .iter()
            .chain(&requirements)
            .flat_map(|c| &c.through),
        planned,
    );
    let mut out = Vec::new();
    if before.status != after.status {
        out.push(change(
            "status",
            None,
            Some(before.status.id().to_owned()),
            Some(after.status.id().to_owned()),
            everything.clone(),
        ));
    }
    if before.level_attained != after.level_attained {
        out.push(change(
            "level_attained",
            None,
            before.level_attained.as_ref().map(|l| l.to_string()),
            after.level_attained.as_ref().map(|l| l.to_string()),
            everything.clone(),
        ));
    }
    let ready = |r: &Report| {
        r.next_level
            .as_ref()
            .map(|n| if n.ready { "ready" } else { "not_ready" }.to_owned())
    };
    if ready(before) != ready(after) {
        out.push(change(
            "next_level",
            None,
            ready(before),
            ready(after),
            everything,
        ));
    }
    out.extend(outcomes);
    out.extend(competencies);
    out.extend(requirements);
    out
}
