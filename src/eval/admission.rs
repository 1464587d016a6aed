//! Evidence admission: for each evidence item (and each of its claims), whether it counts, and if
//! not, exactly why. Runs the checks in a fixed order so an item gets its most basic reason first.

use super::Ctx;
use crate::date::Date;
use crate::messages::Message;
use crate::pack::document::{AssessorRole, CountsAs};
use crate::pack::model::Rank;
use crate::participant::{Evidence, ReviewState};

/// An evidence item that counts, with what it gives.
#[derive(Debug, Clone)]
pub(crate) struct Counted<'a> {
    pub ev: &'a Evidence,
    pub kind: usize,
    /// For catalogue kinds: the catalogue item.
    pub item: Option<usize>,
    /// Competencies at ranks it gives (claims, or the catalogue item's grants), still to be capped.
    pub gives: Vec<(usize, Rank)>,
}

/// An item waiting for review, and the competencies it would give.
#[derive(Debug, Clone)]
pub(crate) struct Pending<'a> {
    pub ev: &'a Evidence,
    pub kind: usize,
    pub gives: Vec<usize>,
}

/// What admission decided for one item.
pub(crate) enum Admission<'a> {
    Counted(Counted<'a>),
    Pending(Pending<'a>),
    /// The whole item does not count.
    Refused,
}

impl<'a> Ctx<'a> {
    /// Decides whether `ev` counts. Reasons for the item or its claims are recorded in `self`.
    pub(crate) fn admit(&mut self, ev: &'a Evidence) -> Admission<'a> {
        let Some(kind_index) = self.model.kind_index.get(&ev.kind) else {
            self.refuse(ev, None, Message::UnknownKind, &[("kind", ev.kind.clone())]);
            return Admission::Refused;
        };
        let Some(kind) = self.model.kinds.get(kind_index) else {
            return Admission::Refused;
        };
        self.unused_fields(ev, kind.counts_as);
        if ev.date > self.as_of {
            self.refuse(
                ev,
                None,
                Message::FutureDate,
                &[
                    ("date", ev.date.to_string()),
                    ("as_of", self.as_of.to_string()),
                ],
            );
            return Admission::Refused;
        }
        if ev.status == ReviewState::Rejected {
            self.refuse(ev, None, Message::Rejected, &[]);
            return Admission::Refused;
        }
        if let Some(grade) = ev.grade
            && !(0.0..=100.0).contains(&grade)
        {
            self.refuse(
                ev,
                None,
                Message::InvalidGrade,
                &[("grade", crate::messages::number(grade))],
            );
            return Admission::Refused;
        }
        // What the item gives, by behaviour.
        let mut item = None;
        let mut gives: Vec<(usize, Rank)> = Vec::new();
        match kind.counts_as {
            CountsAs::CatalogueItem => {
                let Some(item_id) = &ev.item else {
                    self.refuse(ev, None, Message::MissingItem, &[("kind", ev.kind.clone())]);
                    return Admission::Refused;
                };
                let Some(found) = self.model.item_index.get(item_id) else {
                    self.refuse(ev, None, Message::UnknownItem, &[("item", item_id.clone())]);
                    return Admission::Refused;
                };
                let Some(entry) = self.model.items.get(found) else {
                    return Admission::Refused;
                };
                // A waiver names an item of any kind.
                if entry.kind != kind_index && self.model.waiver_kind != Some(kind_index) {
                    let expected = self
                        .model
                        .kinds
                        .get(entry.kind)
                        .map(|k| k.id.clone())
                        .unwrap_or_default();
                    self.refuse(
                        ev,
                        None,
                        Message::WrongKindForItem,
                        &[
                            ("item", item_id.clone()),
                            ("kind", ev.kind.clone()),
                            ("expected_kind", expected.to_string()),
                        ],
                    );
                    return Admission::Refused;
                }
                if let Some(months) = entry.valid_months {
                    let expires = ev.date.add_months(months);
                    if expires.is_none_or(|e| e < self.as_of) {
                        let expires = expires.map(|e| e.to_string()).unwrap_or_default();
                        self.refuse(
                            ev,
                            None,
                            Message::Expired,
                            &[
                                ("item", item_id.clone()),
                                ("date", ev.date.to_string()),
                                ("expires", expires),
                            ],
                        );
                        return Admission::Refused;
                    }
                }
                item = Some(found);
                gives.extend(entry.grants.iter().copied());
            }
            CountsAs::CompetencyClaims | CountsAs::Override => {
                if ev.claims.is_empty() {
                    self.refuse(ev, None, Message::NoClaims, &[("kind", ev.kind.clone())]);
                    return Admission::Refused;
                }
                for claim in &ev.claims {
                    let Some(comp) = self.model.competency_index.get(&claim.competency) else {
                        self.refuse(
                            ev,
                            Some(&claim.competency),
                            Message::UnknownCompetency,
                            &[("competency", claim.competency.clone())],
                        );
                        continue;
                    };
                    let Some(rank) = self
                        .model
                        .scale_of(comp)
                        .and_then(|s| s.index.get(&claim.level))
                        .and_then(|r| Rank::try_from(r).ok())
                    else {
                        // (The level as given, and the competency's scale, by id.)
                        let scale = self
                            .pack
                            .document()
                            .scale
                            .all()
                            .get(self.model.competencies.get(comp).map_or(0, |c| c.scale))
                            .map(|s| s.id.clone())
                            .unwrap_or_default();
                        self.refuse(
                            ev,
                            Some(&claim.competency),
                            Message::UnknownLevel,
                            &[("given", claim.level.clone()), ("scale", scale)],
                        );
                        continue;
                    };
                    let mut rank = rank;
                    // The kind's maximum on this competency's scale (none if the scale lacks it).
                    let scale = self.model.competencies.get(comp).map_or(0, |c| c.scale);
                    let kind_max = kind.max_level.get(scale).copied().flatten();
                    if let Some(max) = kind_max
                        && rank > max
                        && kind.cap_at_max_level
                    {
                        // Credited at the kind's maximum, and said so.
                        let max_level = self.model.level_id(comp, max).to_string();
                        self.finding(
                            Some(&ev.id),
                            "claims",
                            Message::ClaimCapped,
                            &[
                                ("kind", ev.kind.clone()),
                                ("max_level", max_level),
                                ("level", claim.level.clone()),
                                ("competency", claim.competency.clone()),
                            ],
                        );
                        rank = max;
                    }
                    if let Some(max) = kind_max
                        && rank > max
                    {
                        let max_level = self.model.level_id(comp, max).to_string();
                        self.refuse(
                            ev,
                            Some(&claim.competency),
                            Message::AboveKindMaxLevel,
                            &[
                                ("kind", ev.kind.clone()),
                                ("max_level", max_level),
                                ("level", claim.level.clone()),
                                // (So the levels are named on the competency's scale.)
                                ("competency", claim.competency.clone()),
                            ],
                        );
                        continue;
                    }
                    if kind.equivalency
                        && self
                            .model
                            .competencies
                            .get(comp)
                            .is_some_and(|c| !c.allow_equivalency)
                    {
                        self.refuse(
                            ev,
                            Some(&claim.competency),
                            Message::EquivalencyNotAllowed,
                            &[("competency", claim.competency.clone())],
                        );
                        continue;
                    }
                    gives.push((comp, rank));
                }
                if gives.is_empty() {
                    return Admission::Refused;
                }
            }
            CountsAs::FinalAssignment => {
                let has_topics = !self.model.topics.is_empty();
                match &ev.topic {
                    None if has_topics => {
                        self.refuse(ev, None, Message::MissingTopic, &[]);
                        return Admission::Refused;
                    }
                    Some(topic) if has_topics && self.model.topics.get(topic).is_none() => {
                        self.refuse(ev, None, Message::UnknownTopic, &[("topic", topic.clone())]);
                        return Admission::Refused;
                    }
                    _ => {}
                }
            }
            CountsAs::CoachingSession | CountsAs::MentoringConversation => {}
        }
        if let Some(months) = kind.max_age_months
            && ev
                .date
                .add_months(months)
                .is_none_or(|limit| limit < self.as_of)
        {
            self.refuse(
                ev,
                None,
                Message::TooOld,
                &[
                    ("date", ev.date.to_string()),
                    ("max_age_months", months.to_string()),
                    ("kind", ev.kind.clone()),
                ],
            );
            return Admission::Refused;
        }
        if kind.equivalency
            && let Some(days) = self.pack.document().equivalency.claim_window_days
        {
            let claimed = ev.submitted.unwrap_or(ev.date);
            let window_end = self.participant.enrolled.add_days(days);
            if window_end.is_none_or(|end| claimed > end) {
                let window_end = window_end.map(|d| d.to_string()).unwrap_or_default();
                self.refuse(
                    ev,
                    None,
                    Message::OutsideClaimWindow,
                    &[("claimed", claimed.to_string()), ("window_end", window_end)],
                );
                return Admission::Refused;
            }
        }
        if ev.status == ReviewState::Submitted {
            self.refuse(ev, None, Message::PendingReview, &[]);
            return Admission::Pending(Pending {
                ev,
                kind: kind_index,
                gives: gives.iter().map(|(c, _)| *c).collect(),
            });
        }
        if !self.assessor_ok(ev, kind_index) {
            return Admission::Refused;
        }
        let min_grade = match kind.counts_as {
            // A waiver has no grade: the item was not taken.
            CountsAs::CatalogueItem if self.model.waiver_kind == Some(kind_index) => None,
            CountsAs::CatalogueItem => item
                .and_then(|i| self.model.items.get(i))
                .and_then(|i| i.min_grade),
            CountsAs::FinalAssignment => self
                .pack
                .document()
                .final_assignment
                .as_ref()
                .and_then(|f| f.min_grade),
            _ => None,
        };
        if let Some(min) = min_grade {
            match ev.grade {
                None => {
                    self.refuse(
                        ev,
                        None,
                        Message::MissingGrade,
                        &[("min_grade", crate::messages::number(min))],
                    );
                    return Admission::Refused;
                }
                Some(grade) if grade < min => {
                    self.refuse(
                        ev,
                        None,
                        Message::BelowMinGrade,
                        &[
                            ("grade", crate::messages::number(grade)),
                            ("min_grade", crate::messages::number(min)),
                        ],
                    );
                    return Admission::Refused;
                }
                Some(_) => {}
            }
        }
        Admission::Counted(Counted {
            ev,
            kind: kind_index,
            item,
            gives,
        })
    }

    /// Whether the item's assessor may assess it; records the reason when not.
    fn assessor_ok(&mut self, ev: &Evidence, kind_index: usize) -> bool {
        let Some(kind) = self.model.kinds.get(kind_index) else {
            return false;
        };
        let Some(assessor) = &ev.assessed_by else {
            self.refuse(ev, None, Message::NoAssessor, &[]);
            return false;
        };
        let Some(role) = AssessorRole::from_id(&assessor.role) else {
            self.refuse(
                ev,
                None,
                Message::UnknownAssessorRole,
                &[("role", assessor.role.clone())],
            );
            return false;
        };
        if !kind.assessors.contains(&role) {
            let allowed: Vec<&str> = kind.assessors.iter().map(|r| r.id()).collect();
            self.refuse(
                ev,
                None,
                Message::AssessorNotAllowed,
                &[
                    ("role", assessor.role.clone()),
                    ("kind", ev.kind.clone()),
                    ("allowed", allowed.join(", ")),
                ],
            );
            return false;
        }
        let who = assessor.id.clone().unwrap_or_default();
        match role {
            AssessorRole::Coach => match &self.participant.coach {
                None => self.refuse(ev, None, Message::NoCoach, &[]),
                Some(coach) if assessor.id.as_deref() != Some(coach.id.as_str()) => {
                    self.refuse(
                        ev,
                        None,
                        Message::NotParticipantsCoach,
                        &[("assessor", who)],
                    );
                }
                Some(_) if !self.coach_eligible => {
                    self.refuse(ev, None, Message::IneligibleCoach, &[])
                }
                Some(_) => return true,
            },
            AssessorRole::Mentor => match &self.participant.mentor {
                None => self.refuse(ev, None, Message::NoMentor, &[]),
                Some(mentor) if assessor.id.as_deref() != Some(mentor.id.as_str()) => {
                    self.refuse(
                        ev,
                        None,
                        Message::NotParticipantsMentor,
                        &[("assessor", who)],
                    );
                }
                Some(_) if !self.mentor_eligible => {
                    self.refuse(ev, None, Message::IneligibleMentor, &[])
                }
                Some(_) => return true,
            },
            AssessorRole::ProgramAssessor | AssessorRole::Provider | AssessorRole::Employer => {
                return true;
            }
        }
        false
    }

    /// Reports fields an item of this kind does not use.
    fn unused_fields(&mut self, ev: &Evidence, counts_as: CountsAs) {
        let (item, grade, claims, topic) = match counts_as {
            CountsAs::CatalogueItem => (true, true, false, false),
            CountsAs::CompetencyClaims | CountsAs::Override => (false, false, true, false),
            // (A topic means something only where the program lists topics.)
            CountsAs::FinalAssignment => (false, true, false, !self.model.topics.is_empty()),
            CountsAs::CoachingSession | CountsAs::MentoringConversation => {
                (false, false, false, false)
            }
        };
        let present = [
            ("item", ev.item.is_some(), item),
            ("grade", ev.grade.is_some(), grade),
            ("claims", !ev.claims.is_empty(), claims),
            ("topic", ev.topic.is_some(), topic),
        ];
        for (field, is_present, used) in present {
            if is_present && !used {
                self.finding(
                    Some(&ev.id),
                    field,
                    Message::UnusedField,
                    &[("field", field.to_owned()), ("kind", ev.kind.clone())],
                );
            }
        }
    }
}

/// The date an equivalency item was claimed on.
pub(crate) fn claimed_on(ev: &Evidence) -> Date {
    ev.submitted.unwrap_or(ev.date)
}
