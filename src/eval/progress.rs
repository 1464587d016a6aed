//! From derivations to conclusions: competency states, outcome progress, completion requirements,
//! the overall status, the level attained and readiness for the next level.

use super::admission::{Counted, Pending};
use super::{Ctx, Derivation, apply_override};
use crate::messages::Message;
use crate::pack::document::CountsAs;
use crate::pack::model::Rank;
use crate::report::*;

impl Ctx<'_> {
    /// The `chosen` requirement: `count` competencies chosen from `from`, agreed by the as-of date.
    fn chosen_requirement(
        &self,
        count: u32,
        from: &[usize],
        to_go: &mut Vec<(&'static str, String)>,
    ) -> RequirementResult {
        let chosen = from
            .iter()
            .filter(|ci| self.selected.get(**ci).copied().unwrap_or(false))
            .count();
        let agreed = self.participant.development.as_ref().is_some_and(|d| {
            d.agreed_by.is_some() && d.agreed_on.is_some_and(|on| on <= self.as_of)
        });
        let needed = usize::try_from(count).unwrap_or(usize::MAX);
        let (met, code) = match chosen.cmp(&needed) {
            std::cmp::Ordering::Less => (false, Message::ChosenShort),
            std::cmp::Ordering::Greater => (false, Message::ChosenTooMany),
            std::cmp::Ordering::Equal if !agreed => (false, Message::ChosenNotAgreed),
            std::cmp::Ordering::Equal => (true, Message::ChosenMet),
        };
        if !met {
            to_go.push(("chosen", count.to_string()));
        }
        RequirementResult {
            id: "chosen",
            met,
            reason: self.reason(
                code,
                &[("chosen", chosen.to_string()), ("count", count.to_string())],
            ),
            evidence: Vec::new(),
        }
    }
}

fn percent(met: usize, required: usize) -> u32 {
    if required == 0 {
        return 100;
    }
    u32::try_from(met.saturating_mul(100) / required).unwrap_or(100)
}

impl<'a> Ctx<'a> {
    pub(super) fn conclude(
        &mut self,
        counted: &[Counted<'a>],
        pending: &[Pending<'a>],
        d: Vec<Derivation>,
    ) -> Report {
        let model = self.model;
        let doc = self.pack.document();
        let policy = doc.precedence.assessor_override;
        let achieved: Vec<Option<Rank>> = d
            .iter()
            .map(|s| apply_override(policy, s.derived, s.override_.as_ref().map(|o| o.1)))
            .collect();
        let rank_at = |comp: usize| achieved.get(comp).copied().flatten();

        let no_completion = Default::default();
        let completion = model
            .completion
            .get(self.org_level)
            .unwrap_or(&no_completion);

        // Per competency.
        let mut competencies = Vec::with_capacity(model.competencies.len());
        for (ci, (comp, slot)) in model.competencies.iter().zip(d).enumerate() {
            let required = self.required_at(self.org_level, ci);
            let got = rank_at(ci);
            let state = match required {
                None => CompetencyState::NotRequired,
                Some(r) if got.is_some_and(|g| g >= r) => CompetencyState::Met,
                Some(_) if !slot.pending.is_empty() => CompetencyState::PendingReview,
                Some(_) if got.is_some() => CompetencyState::NotMet,
                Some(_) => CompetencyState::NotYetEnoughEvidence,
            };
            let override_ = slot
                .override_
                .as_ref()
                .map(|(evidence, rank)| OverrideResult {
                    evidence: evidence.clone(),
                    level: model.level_id(ci, *rank),
                    policy: policy.id(),
                    effect: match (slot.derived, got) {
                        (Some(derived), Some(g)) if g > derived => "raised",
                        (Some(derived), Some(g)) if g < derived => "lowered",
                        (Some(_), _) if got != Some(*rank) => "not_applied",
                        (None, _) => "raised",
                        _ => "confirmed",
                    },
                });
            competencies.push(CompetencyResult {
                id: comp.id.clone(),
                outcome: comp.outcome.as_ref().map(|(_, id)| id.clone()),
                chosen: completion
                    .chosen
                    .as_ref()
                    .filter(|(_, from)| from.contains(&ci))
                    .map(|_| self.selected.get(ci).copied().unwrap_or(false)),
                required: required.map(|r| model.level_id(ci, r)),
                achieved: got.map(|r| model.level_id(ci, r)),
                derived: slot.derived.map(|r| model.level_id(ci, r)),
                state,
                sources: slot.sources,
                pending: slot.pending,
                override_,
            });
        }

        // Per outcome.
        let outcomes = doc
            .outcome
            .iter()
            .enumerate()
            .map(|(oi, outcome)| {
                let mine = || {
                    model
                        .competencies
                        .iter()
                        .zip(&competencies)
                        .filter(move |(c, r)| {
                            c.outcome.as_ref().is_some_and(|(o, _)| *o == oi)
                                && r.required.is_some()
                        })
                };
                let required = mine().count();
                let met = mine()
                    .filter(|(_, r)| r.state == CompetencyState::Met)
                    .count();
                let pending = mine()
                    .filter(|(_, r)| r.state == CompetencyState::PendingReview)
                    .count();
                OutcomeProgress {
                    id: model
                        .outcome_ids
                        .get(oi)
                        .cloned()
                        .unwrap_or_else(|| outcome.id.as_str().into()),
                    required,
                    met,
                    pending,
                    percent: percent(met, required),
                }
            })
            .collect();

        // Requirements at the participant's level.
        let mut requirements = Vec::new();
        let required_total = competencies.iter().filter(|c| c.required.is_some()).count();
        let met_total = competencies
            .iter()
            .filter(|c| c.state == CompetencyState::Met)
            .count();
        let pending_total = competencies
            .iter()
            .filter(|c| c.state == CompetencyState::PendingReview)
            .count();
        let pct = percent(met_total, required_total);
        let competencies_met = pct >= completion.competencies_percent;
        let params = [
            ("met", met_total.to_string()),
            ("required", required_total.to_string()),
            ("percent", pct.to_string()),
            ("needed", completion.competencies_percent.to_string()),
            ("pending", pending_total.to_string()),
        ];
        let code = if competencies_met {
            Message::CompetenciesMet
        } else {
            Message::CompetenciesNotMet
        };
        // What stands between the participant and completion, for the status's reason.
        let mut to_go: Vec<(&'static str, String)> = Vec::new();
        if !competencies_met {
            let percent_needed = usize::try_from(completion.competencies_percent).unwrap_or(100);
            let needed = required_total.saturating_mul(percent_needed).div_ceil(100);
            let short = needed.saturating_sub(met_total).max(1);
            to_go.push(("competencies", short.to_string()));
        }
        requirements.push(RequirementResult {
            id: "competencies",
            met: competencies_met,
            reason: self.reason(code, &params),
            evidence: Vec::new(),
        });
        if let Some((count, from)) = &completion.chosen {
            requirements.push(self.chosen_requirement(*count, from, &mut to_go));
        }

        let of_kind = |counts: CountsAs| -> Vec<&Counted<'a>> {
            counted
                .iter()
                .filter(|c| {
                    model
                        .kinds
                        .get(c.kind)
                        .is_some_and(|k| k.counts_as == counts)
                })
                .collect()
        };
        let ids = |items: &[&Counted<'a>]| -> Vec<String> {
            let mut ids: Vec<String> = items.iter().map(|c| c.ev.id.clone()).collect();
            crate::sorting::sort(&mut ids);
            ids
        };
        let sessions = [
            (
                "coaching",
                ["coaching_sessions", "coach"],
                CountsAs::CoachingSession,
                completion.coaching_sessions,
                self.participant.coach.is_some(),
                self.coach_eligible,
                [
                    Message::CoachingNoCoach,
                    Message::CoachingIneligibleCoach,
                    Message::CoachingMet,
                    Message::CoachingNotMet,
                ],
            ),
            (
                "mentoring",
                ["mentoring_conversations", "mentor"],
                CountsAs::MentoringConversation,
                completion.mentoring_conversations,
                self.participant.mentor.is_some(),
                self.mentor_eligible,
                [
                    Message::MentoringNoMentor,
                    Message::MentoringIneligibleMentor,
                    Message::MentoringMet,
                    Message::MentoringNotMet,
                ],
            ),
        ];
        // Coaching sessions and mentoring conversations: enough of them, with an eligible person.
        for &(
            id,
            [sessions_to_go, person],
            counts,
            needed,
            appointed,
            eligible,
            [none, ineligible, met_code, short],
        ) in &sessions
        {
            if needed == 0 {
                continue;
            }
            let items = of_kind(counts);
            let count = items.len();
            let met =
                appointed && eligible && count >= usize::try_from(needed).unwrap_or(usize::MAX);
            let code = match (appointed, eligible, met) {
                (false, _, _) => none,
                (true, false, _) => ineligible,
                (_, _, true) => met_code,
                _ => short,
            };
            let needed_count = usize::try_from(needed).unwrap_or(usize::MAX);
            if count < needed_count {
                to_go.push((sessions_to_go, (needed_count - count).to_string()));
            }
            if !appointed {
                to_go.push((person, "missing".to_owned()));
            } else if !eligible {
                to_go.push((person, "ineligible".to_owned()));
            }
            let reason = self.reason(
                code,
                &[("count", count.to_string()), ("needed", needed.to_string())],
            );
            requirements.push(RequirementResult {
                id,
                met,
                reason,
                evidence: ids(&items),
            });
        }
        if completion.final_assignment {
            let finals = of_kind(CountsAs::FinalAssignment);
            let best = finals
                .iter()
                .filter_map(|c| c.ev.grade)
                .fold(None::<f64>, |acc, g| Some(acc.map_or(g, |a| a.max(g))));
            let is_pending = pending.iter().any(|p| {
                model
                    .kinds
                    .get(p.kind)
                    .is_some_and(|k| k.counts_as == CountsAs::FinalAssignment)
            });
            let met = !finals.is_empty();
            if !met {
                to_go.push(("final_assignment", "1".to_owned()));
            }
            let reason = if met {
                self.reason(
                    Message::FinalAssignmentMet,
                    &[(
                        "grade",
                        best.map_or_else(|| "-".to_owned(), crate::messages::number),
                    )],
                )
            } else if is_pending {
                self.reason(Message::FinalAssignmentPending, &[])
            } else {
                self.reason(Message::FinalAssignmentMissing, &[])
            };
            requirements.push(RequirementResult {
                id: "final_assignment",
                met,
                reason,
                evidence: ids(&finals),
            });
        }
        let all_but_time = requirements.iter().all(|r| r.met);
        let all_but_final = requirements
            .iter()
            .filter(|r| r.id != "final_assignment")
            .all(|r| r.met);
        // The deadline, when the time limit passed before completion.
        let mut lapsed: Option<String> = None;
        if let Some(months) = completion.time_limit_months {
            let deadline = self.participant.enrolled.add_months(months);
            let deadline_text = deadline.map(|d| d.to_string()).unwrap_or_default();
            let completed_on = counted.iter().map(|c| c.ev.date).max();
            let (met, code, params) = match (deadline, completed_on) {
                (Some(deadline), Some(done)) if all_but_time => {
                    let met = done <= deadline;
                    let code = if met {
                        Message::TimeLimitMet
                    } else {
                        Message::TimeLimitPassed
                    };
                    (
                        met,
                        code,
                        vec![("completed", done.to_string()), ("deadline", deadline_text)],
                    )
                }
                (Some(deadline), _) if self.as_of <= deadline => {
                    let days = self.as_of.days_until(deadline);
                    (
                        true,
                        Message::TimeLimitOpen,
                        vec![("days", days.to_string()), ("deadline", deadline_text)],
                    )
                }
                _ => (
                    false,
                    Message::TimeLimitPassed,
                    vec![("deadline", deadline_text)],
                ),
            };
            // (The compact form reads the deadline from these parameters, so they are kept even
            // when only the answer is wanted.)
            let reason = self.reason_with_params(code, &params);
            if !met {
                lapsed = Some(deadline.map(|d| d.to_string()).unwrap_or_default());
            }
            requirements.push(RequirementResult {
                id: "time_limit",
                met,
                reason,
                evidence: Vec::new(),
            });
        }

        let status = if lapsed.is_some() {
            Status::Lapsed
        } else if all_but_time {
            Status::Completed
        } else if completion.final_assignment && all_but_final {
            Status::ReadyForFinalAssignment
        } else if counted.is_empty() {
            Status::Enrolled
        } else {
            Status::InProgress
        };
        let status_reason = match status {
            Status::Enrolled => self.reason(Message::StatusEnrolled, &to_go),
            Status::InProgress => self.reason(Message::StatusInProgress, &to_go),
            Status::ReadyForFinalAssignment => {
                self.reason(Message::StatusReadyForFinalAssignment, &[])
            }
            Status::Completed => self.reason(Message::StatusCompleted, &[]),
            Status::Lapsed => self.reason(
                Message::StatusLapsed,
                &[("deadline", lapsed.take().unwrap_or_default())],
            ),
        };

        // A level's profile: how many competencies it requires, and which of them (by index) fall
        // short of its expectations. One definition for the level attained and the next level.
        // At a level where competencies are chosen, the participant's own level counts their
        // selection; another level counts its `count` choices as slots that any member of its set
        // met at that level fills (the participant has not chosen there yet).
        let short_of = |li: usize| {
            let mut required = 0;
            let mut met = 0;
            let mut short = Vec::new();
            let slots = model
                .completion
                .get(li)
                .and_then(|c| c.chosen.as_ref())
                .filter(|_| li != self.org_level);
            for ci in 0..model.competencies.len() {
                let expected = match slots {
                    Some((_, from)) if from.contains(&ci) => continue,
                    _ => self.required_at(li, ci),
                };
                if let Some(expected) = expected {
                    required += 1;
                    if rank_at(ci).is_none_or(|r| r < expected) {
                        short.push(ci);
                    } else {
                        met += 1;
                    }
                }
            }
            if let Some((count, from)) = slots {
                let count = usize::try_from(*count).unwrap_or(usize::MAX);
                let expected_at = |ci: usize| {
                    model
                        .competencies
                        .get(ci)
                        .and_then(|c| c.expected.get(li).copied().flatten())
                };
                let (filled, open): (Vec<usize>, Vec<usize>) = from
                    .iter()
                    .copied()
                    .filter(|ci| expected_at(*ci).is_some())
                    .partition(|ci| {
                        expected_at(*ci).is_some_and(|e| rank_at(*ci).is_some_and(|r| r >= e))
                    });
                required += count;
                met += filled.len().min(count);
                if filled.len() < count {
                    // Any of the members still short would fill a slot.
                    short.extend(open);
                }
            }
            (required, met, short)
        };
        // Level attained: the highest level whose profile is met, and every lower level's. A
        // profile is met as the level's completion requirement counts it: the share of its
        // competencies met reaches its `competencies_percent`.
        let meets_level = |li: usize| {
            let (required, met, _) = short_of(li);
            let needed = model
                .completion
                .get(li)
                .map_or(100, |c| c.competencies_percent);
            percent(met, required) >= needed
        };
        let attained = (0..doc.level.len())
            .take_while(|li| meets_level(*li))
            .last();
        let level_attained = attained.and_then(|li| model.org_level_ids.get(li)).cloned();

        let next_level = doc.level.get(self.org_level + 1).map(|next| {
            let li = self.org_level + 1;
            let (required, met, short) = short_of(li);
            let mut missing = Vec::with_capacity(short.len());
            for ci in &short {
                if let Some(c) = model.competencies.get(*ci) {
                    missing.push(c.id.clone());
                }
            }
            let pct = percent(met, required);
            let rule = &doc.progression;
            let enough = pct >= rule.next_level_percent;
            let waits = rule.requires_completion && status != Status::Completed;
            let level = model
                .org_level_ids
                .get(li)
                .cloned()
                .unwrap_or_else(|| next.id.as_str().into());
            let code = match (enough, waits) {
                (true, false) => Message::NextLevelReady,
                (false, false) => Message::NextLevelShort,
                (true, true) => Message::NextLevelNeedsCompletion,
                (false, true) => Message::NextLevelShortAndNeedsCompletion,
            };
            let reason = self.reason(
                code,
                &[
                    ("next_level", level.to_string()),
                    ("met", met.to_string()),
                    ("required", required.to_string()),
                    ("percent", pct.to_string()),
                    ("needed", rule.next_level_percent.to_string()),
                ],
            );
            NextLevel {
                level,
                ready: enough && !waits,
                reason,
                required,
                met,
                percent: pct,
                needed_percent: rule.next_level_percent,
                requires_completion: rule.requires_completion,
                missing,
            }
        });

        Report {
            engine: EngineInfo::CURRENT,
            pack: self.pack.info(),
            participant: self.participant.id.clone(),
            as_of: self.as_of,
            level: doc
                .level
                .get(self.org_level)
                .map_or_else(|| self.participant.level.clone(), |l| l.id.clone()),
            status,
            status_reason,
            level_attained,
            next_level,
            outcomes,
            competencies,
            requirements,
            not_counted: Vec::new(),
            findings: Vec::new(),
            #[cfg(feature = "planning")]
            projection: None,
        }
    }
}
